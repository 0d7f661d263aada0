using System.Globalization;
using System.Xml.Linq;
using OranNamespaces = OranTestbed.Mplane.Oran.OranNamespaces;

namespace OranTestbed.Emulation.Mplane;

/// <summary>
/// Sends measurement-result-stats every notification interval while rx-window measurement objects are active
/// (o-ran-performance-management; the interval is <c>notification-interval</c>, else
/// <c>rx-window-measurement-interval</c>, else 60 s). Counts come from <see cref="MplaneServerOptions.ReceptionFeed"/>
/// when a fronthaul emulator feeds the O-RU; otherwise from the nominal model: what a clean O-DU would have sent to the
/// emulated U-plane, all inside the reception windows, per low-level-tx-endpoint linked to a READY tx-array-carrier
/// (one eAxC) at 30 kHz SCS (µ = 1, the demo lab's n78 profiles): 28 000 U-plane messages per second (one per symbol)
/// and 2 000 C-plane messages (one per slot). A <c>mplane-wrong-counters</c> defect reports only a fraction of RX_LATE
/// and RX_LATE_C while RX_TOTAL stays true.
/// </summary>
internal sealed class MeasurementReporter : IDisposable
{
    public const int DefaultIntervalSeconds = 60;
    public const long UPlanePerSecondPerEndpoint = 28_000;
    public const long CPlanePerSecondPerEndpoint = 2_000;

    private static readonly XNamespace P = OranNamespaces.PerformanceManagement;

    private readonly TimeProvider _time;
    private readonly Func<RxWindowCounts>? _feed;
    private readonly double? _lateReported;
    private readonly Func<int> _activeEndpoints;
    private readonly Action<XElement> _publish;
    private readonly Lock _gate = new();
    private ITimer? _timer;
    private List<string> _objects = [];
    private RxWindowCounts _cumulative;
    private RxWindowCounts _lastReported;
    private DateTimeOffset _periodStart;
    private TimeSpan _interval;

    public MeasurementReporter(TimeProvider time, Func<RxWindowCounts>? feed, double? lateReported, Func<int> activeEndpoints,
        Action<XElement> publish)
    {
        _time = time;
        _feed = feed;
        _lateReported = lateReported;
        _activeEndpoints = activeEndpoints;
        _publish = publish;
    }

    /// <summary>Takes the committed performance-measurement-objects: starts, changes or stops the reports.</summary>
    public void Configure(XElement? measurements)
    {
        var active = measurements?.Elements(P + "rx-window-measurement-objects")
            .Where(o => o.Element(P + "active")?.Value.Trim() == "true")
            .Select(o => o.Element(P + "measurement-object")?.Value.Trim())
            .OfType<string>().ToList() ?? [];
        string? seconds = (measurements?.Element(P + "notification-interval") ?? measurements?.Element(P + "rx-window-measurement-interval"))?.Value;
        var interval = TimeSpan.FromSeconds(int.TryParse(seconds, NumberStyles.None, CultureInfo.InvariantCulture, out int s) && s > 0
            ? s : DefaultIntervalSeconds);
        lock (_gate)
        {
            if (active.SequenceEqual(_objects) && interval == _interval && _timer is not null)
            {
                return;
            }

            _timer?.Dispose();
            _timer = null;
            _objects = active;
            _interval = interval;
            if (active.Count == 0)
            {
                return;
            }

            _periodStart = _time.GetUtcNow();
            _lastReported = Current();
            _timer = _time.CreateTimer(_ => Report(), null, interval, interval);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _timer?.Dispose();
            _timer = null;
        }
    }

    private void Report()
    {
        // Asked before taking the lock: the server holds its own lock when it calls Configure.
        int endpoints = _feed is null ? _activeEndpoints() : 0;
        XElement notification;
        lock (_gate)
        {
            if (_timer is null)
            {
                return;
            }

            var now = _time.GetUtcNow();
            _cumulative = Accumulate(_cumulative, endpoints, now - _periodStart);
            var current = Current();
            var period = (current - _lastReported).ReportedWith(_lateReported);

            notification = OruNotifications.MeasurementResult(_periodStart, now,
                _objects.Select(o => (o, period.Of(o) ?? 0)));
            _lastReported = current;
            _periodStart = now;
        }

        _publish(notification);
    }

    private RxWindowCounts Current() => _feed?.Invoke() ?? _cumulative;

    private RxWindowCounts Accumulate(RxWindowCounts sum, int endpoints, TimeSpan elapsed)
    {
        if (_feed is not null)
        {
            return sum;
        }

        long uplane = (long)(UPlanePerSecondPerEndpoint * endpoints * elapsed.TotalSeconds);
        long cplane = (long)(CPlanePerSecondPerEndpoint * endpoints * elapsed.TotalSeconds);
        return sum with
        {
            OnTime = sum.OnTime + uplane,
            OnTimeC = sum.OnTimeC + cplane,
            Total = sum.Total + uplane + cplane,
        };
    }
}
