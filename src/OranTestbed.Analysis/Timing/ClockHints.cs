using System.Globalization;
using OranTestbed.Fronthaul.Timing;

namespace OranTestbed.Analysis.Timing;

/// <summary>
/// Explains messages whose frameId disagrees with the capture timestamp when a clock setting does: each such message is
/// tried again as if the capture clock were on another time scale (TAI, GPS or UTC: the common mistake is a PTP hardware
/// clock on TAI read as UTC, +37 s) or one leap second off, and the setting that places most of them is suggested.
/// Only messages already found unplaceable pay for this, so clean traffic costs nothing.
/// </summary>
internal sealed class ClockHints
{
    private const long LeapSecondNs = 1_000_000_000;

    private readonly TimeScale _configured;
    private readonly AirTimeClock[] _alternatives;
    private readonly long[] _placedBy;
    private long _leapEarly, _leapLate, _tried, _beforeEpoch;

    public ClockHints(int numerology, CyclicPrefix cyclicPrefix, TimeScale configured, FrameAlignment alignment)
    {
        _configured = configured;
        _alternatives = [.. Enum.GetValues<TimeScale>().Select(s => new AirTimeClock(numerology, cyclicPrefix, s, alignment))];
        _placedBy = new long[_alternatives.Length];
    }

    /// <summary>Tries the other settings on a message that <paramref name="clock"/> could not place.</summary>
    public void Observe(AirTimeClock clock, int frameId, int subframeId, int slotId, int symbol, long timestampNs,
        AirTimeStatus status)
    {
        if (status == AirTimeStatus.TimestampOutOfRange)
        {
            _beforeEpoch += timestampNs < AirTimeClock.MinTimestampNs ? 1 : 0;
            return;
        }

        _tried++;
        for (int i = 0; i < _alternatives.Length; i++)
        {
            if ((TimeScale)i != _configured && Fits(_alternatives[i], frameId, subframeId, slotId, symbol, timestampNs))
            {
                _placedBy[i]++;
            }
        }

        _leapEarly += Fits(clock, frameId, subframeId, slotId, symbol, timestampNs + LeapSecondNs) ? 1 : 0;
        _leapLate += Fits(clock, frameId, subframeId, slotId, symbol, timestampNs - LeapSecondNs) ? 1 : 0;
    }

    /// <summary>The fix to suggest, or null when no setting explains at least half of the unplaceable messages.</summary>
    public string? Build()
    {
        if (_beforeEpoch > 0)
        {
            return Invariant($"{_beforeEpoch} message(s) carry timestamps before 1972: the capture holds relative time (as test equipment writes), which cannot be placed in air time; capture with an absolute clock (PTP-disciplined NIC, or the host clock synchronised by ptp4l/phc2sys)");
        }

        int best = -1;
        for (int i = 0; i < _placedBy.Length; i++)
        {
            if (best < 0 || _placedBy[i] > _placedBy[best])
            {
                best = i;
            }
        }

        if (best >= 0 && _placedBy[best] * 2 >= _tried && _tried > 0)
        {
            string scale = ((TimeScale)best).ToString().ToLowerInvariant();
            return Invariant($"{_placedBy[best]} of {_tried} such message(s) fit their air time if the capture clock is {scale.ToUpperInvariant()} instead of {_configured.ToString().ToUpperInvariant()}: set 'capture-clock: {scale}' in the profile");
        }

        long leap = Math.Max(_leapEarly, _leapLate);
        if (leap * 2 >= _tried && _tried > 0)
        {
            return Invariant($"{leap} of {_tried} such message(s) fit their air time one second {(_leapEarly >= _leapLate ? "later" : "earlier")}: the capture clock is one leap second off (check the leap-second handling of the capture host or the O-DU)");
        }

        return null;
    }

    private static bool Fits(AirTimeClock clock, int frameId, int subframeId, int slotId, int symbol, long timestampNs) =>
        clock.Resolve(frameId, subframeId, slotId, symbol, timestampNs, out var airTime) == AirTimeStatus.Ok
        && Math.Abs(airTime.OffsetNs) <= TimingWindowChecker.FrameIdMismatchNs;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
