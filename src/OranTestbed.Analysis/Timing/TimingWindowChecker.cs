using System.Collections.Immutable;
using OranTestbed.Analysis.Findings;
using OranTestbed.Analysis.Rules;
using OranTestbed.Fronthaul.Profiles;
using OranTestbed.Fronthaul.Timing;

namespace OranTestbed.Analysis.Timing;

/// <summary>
/// Classifies every C-plane and U-plane message as early / on time / late against the window that applies at the tap
/// (<see cref="TimingWindows"/>), with air time from the profile's numerology, cyclic prefix, capture clock and GPS
/// frame alignment (<see cref="AirTimeClock"/>; C-plane at startSymbolId, U-plane at symbolId, fronthaul.md §4.4).
/// <para>
/// <b>frameId vs timestamp.</b> The clock resolves the 2.56 s frameId wrap to the frame nearest the timestamp; a
/// message still more than <see cref="FrameIdMismatchNs"/> (20 ms, two radio frames, ten times the widest published
/// window) from its air time carries a frameId that does not match its timestamp: it is recorded as
/// TIMING-FRAMEID-MISMATCH and not classified (its "offset" would be meaningless and swamp the statistics). This check
/// needs only the clock, so it runs even when the tap is unknown.
/// </para>
/// <para>
/// <b>Numerology.</b> Messages use the carrier's slot grid, except C-plane section types 0 and 3 whose frameStructure
/// states a numerology 0..4 (mixed numerology). PRACH with the long-preamble SCS codes (12..15) has no slot grid of its
/// own here and is timed on the carrier's grid, as O-DUs address its slot.
/// </para>
/// Not thread-safe: one per analyzer. No allocation per message once every (window, eAxC) has been seen.
/// </summary>
internal sealed class TimingWindowChecker
{
    /// <summary>|packet − air time| beyond which the frameId is taken to disagree with the timestamp.</summary>
    public const long FrameIdMismatchNs = 20_000_000;

    private readonly AirTimeClock?[] _clocks = new AirTimeClock?[SymbolTiming.MaxNumerology + 1];
    private readonly int _carrierNumerology;
    private readonly FindingCollector _findings;
    private readonly CaptureTap? _tap;
    private readonly string? _notCheckedReason;

    // Indexed by DelayWindow; only the four windows of the tap are non-null.
    private readonly WindowState?[] _windows = new WindowState?[8];
    private readonly ClockHints _hints;
    private long _frameIdMismatch;
    private long _unresolved;
    private long _timestampOutOfRange;
    private long _placed;
    private readonly ReceptionTally? _reception; // at the O-RU tap only
    private long _firstNs = long.MaxValue;
    private long _lastNs = long.MinValue;

    public TimingWindowChecker(FronthaulProfile profile, CaptureTap? tapOverride, FindingCollector findings)
    {
        ArgumentNullException.ThrowIfNull(profile);
        _findings = findings;
        var carrier = profile.Carrier;
        _carrierNumerology = carrier.Numerology;
        for (int mu = 0; mu < _clocks.Length; mu++)
        {
            var cyclicPrefix = mu == carrier.Numerology ? carrier.CyclicPrefix : CyclicPrefix.Normal;
            _clocks[mu] = new AirTimeClock(mu, cyclicPrefix, profile.CaptureClock, profile.GpsOffset);
        }

        _hints = new ClockHints(carrier.Numerology, carrier.CyclicPrefix, profile.CaptureClock, profile.GpsOffset);
        _tap = tapOverride ?? profile.Tap;
        if (_tap is not { } tap)
        {
            _notCheckedReason = "the capture tap is not known: the profile gives no 'tap' and none was given (--tap ru|du)";
            return;
        }

        foreach (var window in TimingWindows.ForTap(tap))
        {
            _windows[(int)window] = new WindowState(window, profile.DelayManagement.Bounds(window));
        }

        _reception = tap == CaptureTap.Ru ? new ReceptionTally(ReceptionSeries.DefaultIntervalNs) : null;
    }

    public CaptureTap? Tap => _tap;

    /// <summary>
    /// The grid of the per-interval reception tallies at the O-RU tap (<see cref="ReceptionSeries"/>), ns; set before the
    /// first message. Default: whole seconds of capture time.
    /// </summary>
    public long ReceptionIntervalNs
    {
        get => _reception?.IntervalNs ?? ReceptionSeries.DefaultIntervalNs;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
            if (_reception is not null)
            {
                _reception.IntervalNs = value;
            }
        }
    }

    /// <summary>
    /// Times one message. <paramref name="numerology"/> is the message's own µ (see the class remarks) or −1 for the
    /// carrier's; <paramref name="symbol"/> is startSymbolId (C-plane) or symbolId (U-plane).
    /// </summary>
    public void Observe(bool cplane, bool downlink, ushort eaxc, int numerology, int frameId, int subframeId,
        int slotId, int symbol, long timestampNs, long frameNumber)
    {
        if (timestampNs < _firstNs)
        {
            _firstNs = timestampNs;
        }

        if (timestampNs > _lastNs)
        {
            _lastNs = timestampNs;
        }

        var clock = _clocks[(uint)numerology <= SymbolTiming.MaxNumerology ? numerology : _carrierNumerology]!;
        var status = clock.Resolve(frameId, subframeId, slotId, symbol, timestampNs, out var airTime);
        if (status == AirTimeStatus.TimestampOutOfRange)
        {
            _timestampOutOfRange++;
            _hints.Observe(clock, frameId, subframeId, slotId, symbol, timestampNs, status);
            return;
        }

        if (status != AirTimeStatus.Ok)
        {
            _unresolved++; // out-of-range fields are reported by the range rules
            return;
        }

        long offset = airTime.OffsetNs;
        if (offset > FrameIdMismatchNs || offset < -FrameIdMismatchNs)
        {
            _frameIdMismatch++;
            _findings.Record(RuleCatalogue.TimingFrameIdMismatch, frameNumber);
            _hints.Observe(clock, frameId, subframeId, slotId, symbol, timestampNs, status);
            return;
        }

        _placed++;

        if (_tap is not { } tap)
        {
            return;
        }

        var state = _windows[(int)TimingWindows.Of(tap, cplane, downlink)]!;
        if (!state.Checked)
        {
            return;
        }

        var timing = state.Add(eaxc, offset);
        if (_reception is { } reception && state.Window != DelayWindow.Ta3)
        {
            // What the O-RU's reception windows judge (T2a: DL and UL C-plane, DL U-plane), per interval of the capture.
            reception.Add(timestampNs, cplane, timing);
        }

        switch (timing)
        {
            case TimingClass.Early:
                _findings.Record(TimingWindows.EarlyRule(state.Window), frameNumber);
                break;
            case TimingClass.Late:
                _findings.Record(TimingWindows.LateRule(state.Window), frameNumber);
                break;
            default:
                break;
        }
    }

    public TimingReport Build()
    {
        if (_tap is not { } tap)
        {
            return new TimingReport(null, _notCheckedReason, [], _frameIdMismatch, _unresolved)
            {
                Placement = Placement(),
                Reception = ReceptionSeries.NotAvailable(_notCheckedReason!),
            };
        }

        var windows = ImmutableArray.CreateBuilder<WindowReport>(4);
        foreach (var window in TimingWindows.ForTap(tap))
        {
            windows.Add(_windows[(int)window]!.Build());
        }

        return new TimingReport(tap, null, windows.MoveToImmutable(), _frameIdMismatch, _unresolved)
        {
            Placement = Placement(),
            Reception = Reception(tap),
        };
    }

    private ReceptionSeries Reception(CaptureTap tap)
    {
        if (tap != CaptureTap.Ru)
        {
            return ReceptionSeries.NotAvailable(
                "the capture was taken at the O-DU port: the O-RU's reception windows (T2a) are not judged there, so its rx-window counters cannot be compared");
        }

        long? first = _firstNs == long.MaxValue ? null : _firstNs, last = _lastNs == long.MinValue ? null : _lastNs;
        if (_reception is null || _reception.IsEmpty)
        {
            string reason = first is null
                ? "no C-plane or U-plane message was timed"
                : "no message was judged against a T2a reception window (the profile lacks its bounds, or no message could be placed)";
            return new ReceptionSeries(ReceptionIntervalNs, first, last, [], reason);
        }

        string? outside = _reception.Outside > 0
            ? $"{_reception.Outside} messages lie beyond {ReceptionTally.MaxIntervals} intervals of the first and were not tallied"
            : null;
        return new ReceptionSeries(_reception.IntervalNs, first, last, _reception.Build(), outside);
    }

    private TimingPlacement Placement() => new(_placed, _frameIdMismatch, _timestampOutOfRange,
        _frameIdMismatch + _timestampOutOfRange > 0 ? _hints.Build() : null);
}
