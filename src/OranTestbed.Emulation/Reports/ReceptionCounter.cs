using System.Collections.Immutable;
using OranTestbed.Fronthaul.Profiles;

namespace OranTestbed.Emulation.Reports;

/// <summary>The O-RU's live counters behind <see cref="ReceptionCounters"/>; classification as the analyzer's.</summary>
internal sealed class ReceptionCounter
{
    private readonly Window _cpDl;
    private readonly Window _cpUl;
    private readonly Window _up;
    private readonly DelayManagement _delays;
    private readonly List<(long Key, Window CpDl, Window CpUl, Window Up)> _intervals = [];
    private int _current = -1;

    /// <summary>The O-RU's measurement interval: whole seconds of its clock (the capture clock of the emulation).</summary>
    public const long IntervalNs = 1_000_000_000;

    public ReceptionCounter(DelayManagement delays)
    {
        _delays = delays;
        _cpDl = new Window(DelayWindow.T2aCpDl, delays.Bounds(DelayWindow.T2aCpDl));
        _cpUl = new Window(DelayWindow.T2aCpUl, delays.Bounds(DelayWindow.T2aCpUl));
        _up = new Window(DelayWindow.T2aUp, delays.Bounds(DelayWindow.T2aUp));
    }

    public long Received { get; set; }

    public long UnknownEaxc { get; set; }

    public long Corrupt { get; set; }

    /// <summary>Messages more than <see cref="FarOffNs"/> from their air time: not classified.</summary>
    public long FarOff { get; private set; }

    /// <summary>
    /// Beyond 20 ms (two radio frames) a message's frameId no longer matches its time: it is counted apart, as the
    /// analyzer does (TIMING-FRAMEID-MISMATCH), so both classify the same messages.
    /// </summary>
    public const long FarOffNs = 20_000_000;

    /// <summary>
    /// Classifies a DL message (C-plane DL or UL, U-plane DL) received at <paramref name="arrivalNs"/>,
    /// <paramref name="offsetNs"/> from air time: in the totals and in the measurement interval of its arrival.
    /// </summary>
    public void Observe(bool cplane, bool downlink, long offsetNs, long arrivalNs)
    {
        if (offsetNs > FarOffNs || offsetNs < -FarOffNs)
        {
            FarOff++;
            return;
        }

        var window = !cplane ? _up : downlink ? _cpDl : _cpUl;
        window.Observe(offsetNs);
        var interval = IntervalAt(Math.DivRem(arrivalNs, IntervalNs, out long rest) - (rest < 0 ? 1 : 0));
        (!cplane ? interval.Up : downlink ? interval.CpDl : interval.CpUl).Observe(offsetNs);
    }

    public ReceptionCounters Build() =>
        new(_cpDl.Build(), _cpUl.Build(), _up.Build(), Received, UnknownEaxc, Corrupt) { FarOff = FarOff };

    /// <summary>The counts per measurement interval, in time order (what the O-RU's rx-window reports carry).</summary>
    public ImmutableArray<IntervalReceptionCounters> BuildIntervals() =>
    [
        .. _intervals.OrderBy(i => i.Key).Select(i => new IntervalReceptionCounters(i.Key * IntervalNs, (i.Key + 1) * IntervalNs,
            new ReceptionCounters(i.CpDl.Build(), i.CpUl.Build(), i.Up.Build(), 0, 0, 0))),
    ];

    /// <summary>The interval of <paramref name="key"/>: the current one (arrivals mostly move forward), else found or
    /// added (one allocation per new interval).</summary>
    private (long Key, Window CpDl, Window CpUl, Window Up) IntervalAt(long key)
    {
        if (_current >= 0 && _intervals[_current].Key == key)
        {
            return _intervals[_current];
        }

        _current = -1;
        for (int i = 0; i < _intervals.Count; i++) // no lambda: a captured key would allocate on every call
        {
            if (_intervals[i].Key == key)
            {
                _current = i;
                break;
            }
        }

        if (_current < 0)
        {
            _intervals.Add((key, new Window(DelayWindow.T2aCpDl, _delays.Bounds(DelayWindow.T2aCpDl)),
                new Window(DelayWindow.T2aCpUl, _delays.Bounds(DelayWindow.T2aCpUl)),
                new Window(DelayWindow.T2aUp, _delays.Bounds(DelayWindow.T2aUp))));
            _current = _intervals.Count - 1;
        }

        return _intervals[_current];
    }

    private sealed class Window(DelayWindow window, DelayWindowBounds bounds)
    {
        // Advances: on time when packet − air time is within [−max, −min].
        private readonly bool _checked = bounds.IsComplete;
        private readonly long _low = -(bounds.MaxNanoseconds ?? 0);
        private readonly long _high = -(bounds.MinNanoseconds ?? 0);
        private long _early, _onTime, _late;

        public void Observe(long offsetNs)
        {
            if (!_checked)
            {
                return;
            }

            if (offsetNs < _low)
            {
                _early++;
            }
            else if (offsetNs > _high)
            {
                _late++;
            }
            else
            {
                _onTime++;
            }
        }

        public WindowCounters Build() => new(window, _checked, _early, _onTime, _late);
    }
}
