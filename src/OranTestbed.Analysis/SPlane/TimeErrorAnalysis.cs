using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using OranTestbed.Fronthaul.Profiles;

namespace OranTestbed.Analysis.SPlane;

/// <summary>
/// Turns the one-way samples <see cref="PtpAnalyzer"/> collected for a master port into its <see cref="TimeErrorReport"/>,
/// once, at the end of the capture, and judges it against the profile's <see cref="TimeErrorLimits"/> (the one place
/// the PTP-TE-* rules are judged).
/// <list type="number">
/// <item>Time scale: PTP timestamps are TAI when the master's Announce sets ptpTimescale (IEEE 1588-2019 §7.2.1,
/// §8.2.4.8); capture timestamps are the capture host's clock, normally UTC. Of "capture clock on TAI" (shift 0) and,
/// with ptpTimescale, "on UTC" (shift + currentUtcOffset), the one that puts the median forward sample nearest zero is
/// taken, if within <see cref="PlausibleOffsetNanoseconds"/>; otherwise the time error is not evaluated (no number).</item>
/// <item>Pairing: each reverse sample (at its Delay_Req's tap time) with the forward sample (at its Sync's tap time)
/// nearest in capture time, the earlier on a tie, within <see cref="MaxPairGapNanoseconds"/>; a forward sample may
/// serve several reverse samples. Two-way TE = (forward − reverse)/2, mean path delay = (forward + reverse)/2, exact
/// in 2^-16 ns until the final division.</item>
/// <item>Metrics: the two-way TE sequence is resampled to the Sync interval τ0 (2^logMessageInterval of the Sync, G.8275.1
/// 1/16 s) by linear interpolation between pairs, as G.8260 Appendix I's equally spaced TE sequence; MTIE/TDEV at
/// τ = τ0·2^k, dTE_L by <see cref="TimeErrorMetrics.LowPass"/> at 0.1 Hz.</item>
/// </list>
/// </summary>
public static class TimeErrorAnalysis
{
    public const long PlausibleOffsetNanoseconds = 1_000_000_000;
    public const long MaxPairGapNanoseconds = 1_000_000_000;
    public const double LowPassCornerHz = 0.1;
    public const double FppWindowSeconds = 200;
    public const double FppClusterRangeNs = 150_000;
    public const string LowPassFilter =
        "first-order low-pass, 0.1 Hz corner (impulse-invariant IIR), on the TE sequence resampled to the Sync interval";

    private const ushort PtpTimescaleFlag = 0x0008;
    private const double Unit = 65536.0;
    private const int MaxPlotPoints = 1000;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static TimeErrorReport Build(TimeErrorState? state, TimeErrorLimits? limits)
    {
        if (state is null || (state.Forward.Count == 0 && state.SyncsWithoutFollowUp == 0 && state.Syncs.Count == 0))
        {
            return TimeErrorReport.NotMaster with { Limits = limits };
        }

        state.Forward.SortByTime();
        state.Reverse.SortByTime();
        var baseReport = new TimeErrorReport
        {
            Evaluated = false,
            ForwardSamples = state.Forward.Count,
            ReverseSamples = state.Reverse.Count,
            SyncsWithoutFollowUp = state.SyncsWithoutFollowUp + state.Syncs.Count,
            FollowUpsWithoutSync = state.FollowUpsWithoutSync + state.FollowUps.Count,
            DelayRespWithoutRequest = state.DelayRespWithoutRequest,
            Duplicates = state.Duplicates,
            OutOfRange = state.OutOfRange,
            UtcOffsetSeconds = state.HasAnnounce ? state.CurrentUtcOffset : null,
            Limits = limits,
            LastFrame = Math.Max(LastOf(state.Forward.Frames), LastOf(state.Reverse.Frames)),
        };
        int minPairs = limits?.MinPairs ?? TimeErrorLimits.DefaultMinPairs;
        if (state.Forward.Count == 0)
        {
            return baseReport with { Reason = "no Sync whose origin time is known (every two-step Sync lacks its Follow_Up)" };
        }

        if (!TryPlace(state, out long shiftUnits, out string? scale, out string? placeReason))
        {
            return baseReport with { Reason = placeReason };
        }

        baseReport = baseReport with { CaptureTimeScale = scale };
        if (state.Reverse.Count == 0)
        {
            return baseReport with
            {
                Reason = "no Delay_Req seen at the tap was answered by this master's Delay_Resp: no reverse path, no two-way time error",
            };
        }

        var forwardTimes = state.Forward.Times;
        var forward = state.Forward.Values;
        var reverseTimes = state.Reverse.Times;
        var reverse = state.Reverse.Values;
        var pairTimes = new long[reverse.Length];
        var twice = new Int128[reverse.Length]; // 2·TE in 2^-16 ns
        var worstFrame = 0L;
        Int128 teSum = 0, delaySum = 0, maxAbs = -1, min = Int128.MaxValue, max = Int128.MinValue;
        int pairs = 0, p = 0;
        for (int j = 0; j < reverse.Length; j++)
        {
            long t = reverseTimes[j];
            while (p + 1 < forwardTimes.Length && forwardTimes[p + 1] <= t)
            {
                p++;
            }

            int nearest = p;
            if (p + 1 < forwardTimes.Length && Math.Abs(forwardTimes[p + 1] - t) < Math.Abs(t - forwardTimes[p]))
            {
                nearest = p + 1;
            }

            if (Math.Abs(forwardTimes[nearest] - t) > MaxPairGapNanoseconds)
            {
                continue;
            }

            Int128 f = (Int128)forward[nearest] + shiftUnits;
            Int128 r = (Int128)reverse[j] - shiftUnits;
            Int128 te2 = f - r;
            teSum += te2;
            delaySum += f + r;
            var abs = Int128.Abs(te2);
            if (abs > maxAbs)
            {
                maxAbs = abs;
                worstFrame = state.Reverse.Frames[j];
            }

            min = Int128.Min(min, te2);
            max = Int128.Max(max, te2);
            pairTimes[pairs] = t;
            twice[pairs] = te2;
            pairs++;
        }

        baseReport = baseReport with { Pairs = pairs, UnpairedReverse = reverse.Length - pairs, WorstFrame = worstFrame };
        if (pairs < minPairs)
        {
            return baseReport with
            {
                Reason = Invariant($"{pairs} two-way pair(s) (Sync with a Delay_Req/Delay_Resp exchange within {MaxPairGapNanoseconds / 1e9:0.###} s), fewer than the {minPairs} needed"),
            };
        }

        var values = new double[pairs];
        for (int i = 0; i < pairs; i++)
        {
            values[i] = (double)twice[i] / (2 * Unit);
        }

        long tau0 = SampleInterval(state, forwardTimes);
        double tau0Seconds = tau0 / 1e9;
        var grid = Resample(pairTimes.AsSpan(0, pairs), values, tau0);
        var lowPass = TimeErrorMetrics.LowPass(grid, tau0Seconds, LowPassCornerHz);
        double cteWindow = limits?.CteWindowSeconds ?? 1000;
        int cteSamples = (int)Math.Max(1, Math.Round(cteWindow / tau0Seconds));
        double observation = (pairTimes[pairs - 1] - pairTimes[0]) / 1e9;
        var (mtie, tdev, dteMtie, dteTdev, mtieNot, tdevNot) = Curves(grid, lowPass, tau0Seconds, observation);
        double maxAbsLowPass = 0;
        foreach (double y in lowPass)
        {
            maxAbsLowPass = Math.Max(maxAbsLowPass, Math.Abs(y));
        }

        var report = baseReport with
        {
            Evaluated = true,
            Reason = null,
            TwoWayMeanNs = (double)teSum / (2 * Unit * pairs),
            MaxAbsTwoWayNs = (double)maxAbs / (2 * Unit),
            MinTwoWayNs = (double)min / (2 * Unit),
            MaxTwoWayNs = (double)max / (2 * Unit),
            MeanPathDelayNs = (double)delaySum / (2 * Unit * pairs),
            CteNs = TimeErrorMetrics.ExtremeMovingAverage(grid, cteSamples),
            CteWindowSeconds = Math.Min(cteWindow, (grid.Length - 1) * tau0Seconds),
            MaxAbsLowPassNs = maxAbsLowPass,
            SampleIntervalSeconds = tau0Seconds,
            ObservationSeconds = observation,
            Mtie = mtie,
            Tdev = tdev,
            DteMtie = dteMtie,
            DteTdev = dteTdev,
            MtieNotEvaluated = mtieNot,
            TdevNotEvaluated = tdevNot,
            FppForwardPercent = TimeErrorMetrics.FloorPacketPercentage(forwardTimes, forward,
                (long)(FppWindowSeconds * 1e9), (long)(FppClusterRangeNs * Unit)),
            FppReversePercent = TimeErrorMetrics.FloorPacketPercentage(reverseTimes, reverse,
                (long)(FppWindowSeconds * 1e9), (long)(FppClusterRangeNs * Unit)),
            Series = Decimate(pairTimes.AsSpan(0, pairs), values),
        };
        return Judge(report, limits);
    }

    /// <summary>Judges an evaluated report against <paramref name="limits"/>: checks and mask points (≤ limit passes).</summary>
    public static TimeErrorReport Judge(TimeErrorReport report, TimeErrorLimits? limits)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (!report.Evaluated || limits is null)
        {
            return report;
        }

        var checks = ImmutableArray.CreateBuilder<TimeErrorCheck>();
        if (limits.MaxAbsTeNanoseconds is { } maxAbs)
        {
            checks.Add(new TimeErrorCheck("PTP-TE-MAX-ABS", "max|TE|", maxAbs, report.MaxAbsTwoWayNs!.Value,
                report.MaxAbsTwoWayNs.Value <= maxAbs));
        }

        if (limits.MaxAbsLowPassTeNanoseconds is { } maxLow)
        {
            checks.Add(new TimeErrorCheck("PTP-TE-MAX-ABS", "max|TE_L|", maxLow, report.MaxAbsLowPassNs!.Value,
                report.MaxAbsLowPassNs.Value <= maxLow));
        }

        if (limits.CteNanoseconds is { } cte)
        {
            double measured = Math.Abs(report.CteNs!.Value);
            checks.Add(new TimeErrorCheck("PTP-TE-CTE", "|cTE|", cte, measured, measured <= cte));
        }

        return report with
        {
            Checks = checks.ToImmutable(),
            MtieMask = limits.MtieMask is { } mtie ? Against(mtie, report.DteMtie) : null,
            TdevMask = limits.TdevMask is { } tdev ? Against(tdev, report.DteTdev) : null,
        };
    }

    private static TimeErrorMaskResult Against(TimeErrorMask mask, ImmutableArray<TimeErrorPoint> curve)
    {
        var points = ImmutableArray.CreateBuilder<TimeErrorMaskPoint>();
        foreach (var point in curve)
        {
            if (mask.LimitAt(point.TauSeconds) is { } limit)
            {
                points.Add(new TimeErrorMaskPoint(point.TauSeconds, limit, point.Nanoseconds, point.Nanoseconds <= limit));
            }
        }

        return new TimeErrorMaskResult(mask.Name, mask.Clause, points.ToImmutable());
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryPlace(TimeErrorState state, out long shiftUnits, out string? scale, out string? reason)
    {
        var sorted = state.Forward.Values.ToArray();
        Array.Sort(sorted);
        long median = sorted[sorted.Length / 2];
        bool ptpTimescale = state.HasAnnounce && (state.AnnounceFlags & PtpTimescaleFlag) != 0;
        long utcShift = ptpTimescale ? state.CurrentUtcOffset * 1_000_000_000L * 65536 : 0;
        long plausible = PlausibleOffsetNanoseconds * 65536;
        Int128 asTai = Int128.Abs(median), asUtc = Int128.Abs((Int128)median + utcShift);
        if (ptpTimescale && state.CurrentUtcOffset != 0 && asUtc < asTai && asUtc <= plausible)
        {
            shiftUnits = utcShift;
            scale = "utc";
            reason = null;
            return true;
        }

        if (asTai <= plausible)
        {
            shiftUnits = 0;
            scale = "tai";
            reason = null;
            return true;
        }

        shiftUnits = 0;
        scale = null;
        string scaleText = !state.HasAnnounce
            ? "no Announce from this master gave its time scale and currentUtcOffset"
            : ptpTimescale
                ? Invariant($"the master is on the PTP (TAI) time scale; neither TAI nor UTC (currentUtcOffset {state.CurrentUtcOffset} s) capture timestamps bring it within {PlausibleOffsetNanoseconds / 1e9:0.###} s")
                : "the master's time scale is ARB (ptpTimescale not set), unrelated to the capture clock";
        reason = Invariant($"the capture timestamps are {median / Unit / 1e9:0.######} s from the master's Sync times: they cannot be placed on the PTP time scale ({scaleText})");
        return false;
    }

    private static long SampleInterval(TimeErrorState state, ReadOnlySpan<long> forwardTimes)
    {
        if (state.LogSyncInterval is >= -7 and <= 4)
        {
            return state.LogSyncInterval >= 0
                ? 1_000_000_000L << state.LogSyncInterval
                : 1_000_000_000L >> -state.LogSyncInterval;
        }

        if (forwardTimes.Length < 2)
        {
            return 1_000_000_000L / 16;
        }

        var gaps = new long[forwardTimes.Length - 1];
        for (int i = 0; i < gaps.Length; i++)
        {
            gaps[i] = forwardTimes[i + 1] - forwardTimes[i];
        }

        Array.Sort(gaps);
        return Math.Max(1, gaps[gaps.Length / 2]);
    }

    /// <summary>Linear interpolation of (times, values) at times[0] + k·τ0 for every k up to the last time.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double[] Resample(ReadOnlySpan<long> times, double[] values, long tau0)
    {
        long first = times[0];
        long count = ((times[^1] - first) / tau0) + 1;
        var grid = new double[count];
        int i = 0;
        for (long k = 0; k < count; k++)
        {
            long t = first + (k * tau0);
            while (i + 1 < times.Length && times[i + 1] <= t)
            {
                i++;
            }

            if (i + 1 >= times.Length || times[i] == t || times[i + 1] == times[i])
            {
                grid[k] = values[i];
                continue;
            }

            double w = (double)(t - times[i]) / (times[i + 1] - times[i]);
            grid[k] = values[i] + (w * (values[i + 1] - values[i]));
        }

        return grid;
    }

    private static (ImmutableArray<TimeErrorPoint>, ImmutableArray<TimeErrorPoint>, ImmutableArray<TimeErrorPoint>,
        ImmutableArray<TimeErrorPoint>, ImmutableArray<double>, ImmutableArray<double>) Curves(double[] grid,
            double[] lowPass, double tau0, double observation)
    {
        var mtie = ImmutableArray.CreateBuilder<TimeErrorPoint>();
        var tdev = ImmutableArray.CreateBuilder<TimeErrorPoint>();
        var dteMtie = ImmutableArray.CreateBuilder<TimeErrorPoint>();
        var dteTdev = ImmutableArray.CreateBuilder<TimeErrorPoint>();
        var mtieNot = ImmutableArray.CreateBuilder<double>();
        var tdevNot = ImmutableArray.CreateBuilder<double>();
        double end = Math.Max(observation, 1000);
        var maxQ = new int[grid.Length];
        var minQ = new int[grid.Length];
        var gridSums = TimeErrorMetrics.Prefix(grid);
        var lowPassSums = TimeErrorMetrics.Prefix(lowPass);
        for (int n = 1; n > 0; n *= 2)
        {
            double tau = n * tau0;
            if (n <= grid.Length - 1)
            {
                mtie.Add(new TimeErrorPoint(tau, TimeErrorMetrics.Mtie(grid, n, maxQ, minQ)));
                dteMtie.Add(new TimeErrorPoint(tau, TimeErrorMetrics.Mtie(lowPass, n, maxQ, minQ)));
            }
            else
            {
                mtieNot.Add(tau);
            }

            if (3L * n <= grid.Length)
            {
                tdev.Add(new TimeErrorPoint(tau, TimeErrorMetrics.TdevFromSums(gridSums, n)));
                dteTdev.Add(new TimeErrorPoint(tau, TimeErrorMetrics.TdevFromSums(lowPassSums, n)));
            }
            else
            {
                tdevNot.Add(tau);
            }

            if (tau >= end)
            {
                break;
            }
        }

        return (mtie.ToImmutable(), tdev.ToImmutable(), dteMtie.ToImmutable(), dteTdev.ToImmutable(),
            mtieNot.ToImmutable(), tdevNot.ToImmutable());
    }

    private static ImmutableArray<(long, double)> Decimate(ReadOnlySpan<long> times, double[] values)
    {
        int step = Math.Max(1, (times.Length + MaxPlotPoints - 1) / MaxPlotPoints);
        var series = ImmutableArray.CreateBuilder<(long, double)>((times.Length / step) + 1);
        for (int i = 0; i < times.Length; i += step)
        {
            series.Add((times[i], values[i]));
        }

        return series.ToImmutable();
    }

    private static long LastOf(ReadOnlySpan<long> frames)
    {
        long last = 0;
        foreach (long f in frames)
        {
            last = Math.Max(last, f);
        }

        return last;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
