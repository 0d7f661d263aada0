using System.Collections.Immutable;
using System.Runtime.CompilerServices;

namespace OranTestbed.Analysis.Timing;

/// <summary>
/// Accumulates the offsets (packet − air time, ns) of the messages of one window, or of one window and eAxC: counts
/// early / on time / late, min, max, sum (for the mean) and a 1 µs histogram. All storage is allocated in the
/// constructor; <see cref="Add"/> never allocates.
/// <para>
/// <b>Histogram.</b> Bins are relative to air time, not to the window, so windows and taps compare on one axis: bin b
/// (µs) holds offsets in [b µs, b+1 µs) (floor), for b in [<see cref="HistogramMinUs"/>, <see cref="HistogramMaxUs"/>);
/// offsets before or after that range go to <see cref="Underflow"/>/<see cref="Overflow"/>. ±4 ms covers every
/// published window (the widest, µ=0 T2a, reaches 1.12 ms) with room to see how far out a stray message is.
/// </para>
/// <para>
/// <b>Percentiles</b> are nearest-rank at 1 µs resolution: the rank r = ⌈p·n⌉ is found in the histogram and the lower
/// edge of its bin is reported, clamped to [min, max] (so a rank in the underflow reads as the minimum, in the
/// overflow as the maximum, and a percentile never lies outside the values seen).
/// </para>
/// </summary>
internal sealed class OffsetStatistics
{
    public const int HistogramMinUs = -4000;
    public const int HistogramMaxUs = 4000;
    private const int Bins = HistogramMaxUs - HistogramMinUs;

    private readonly long[] _bins = new long[Bins];

    public long Early { get; private set; }

    public long OnTime { get; private set; }

    public long Late { get; private set; }

    public long Count => Early + OnTime + Late;

    public long MinNs { get; private set; } = long.MaxValue;

    public long MaxNs { get; private set; } = long.MinValue;

    public long SumNs { get; private set; }

    public long Underflow { get; private set; }

    public long Overflow { get; private set; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(long offsetNs, TimingClass timing)
    {
        switch (timing)
        {
            case TimingClass.Early:
                Early++;
                break;
            case TimingClass.Late:
                Late++;
                break;
            default:
                OnTime++;
                break;
        }

        MinNs = Math.Min(MinNs, offsetNs);
        MaxNs = Math.Max(MaxNs, offsetNs);
        SumNs += offsetNs;
        long bin = FloorDivide(offsetNs, 1000) - HistogramMinUs;
        if (bin < 0)
        {
            Underflow++;
        }
        else if (bin >= Bins)
        {
            Overflow++;
        }
        else
        {
            _bins[bin]++;
        }
    }

    /// <summary>The nearest-rank percentile <paramref name="p"/> (0 &lt; p ≤ 1) in ns at 1 µs resolution (see the class remarks).</summary>
    public long PercentileNs(double p)
    {
        long n = Count;
        if (n == 0)
        {
            return 0;
        }

        long rank = Math.Max(1, (long)Math.Ceiling(p * n));
        long seen = Underflow;
        if (seen >= rank)
        {
            return MinNs;
        }

        for (int i = 0; i < Bins; i++)
        {
            seen += _bins[i];
            if (seen >= rank)
            {
                long edgeNs = (i + (long)HistogramMinUs) * 1000;
                return Math.Clamp(edgeNs, MinNs, MaxNs);
            }
        }

        return MaxNs;
    }

    /// <summary>The non-empty bins in order, as (lower edge µs, count).</summary>
    public ImmutableArray<HistogramBin> NonEmptyBins()
    {
        var builder = ImmutableArray.CreateBuilder<HistogramBin>();
        for (int i = 0; i < Bins; i++)
        {
            if (_bins[i] != 0)
            {
                builder.Add(new HistogramBin(i + HistogramMinUs, _bins[i]));
            }
        }

        return builder.ToImmutable();
    }

    public OffsetSummary Summarize()
    {
        long n = Count;
        if (n == 0)
        {
            return new OffsetSummary(0, 0, 0, null, null, null, null);
        }

        var percentiles = new OffsetPercentiles(Micro(PercentileNs(0.50)), Micro(PercentileNs(0.90)),
            Micro(PercentileNs(0.99)), Micro(PercentileNs(0.999)));
        return new OffsetSummary(Early, OnTime, Late, Micro(MinNs), SumNs / (double)n / 1000.0, Micro(MaxNs),
            percentiles);
    }

    private static double Micro(long ns) => ns / 1000.0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long FloorDivide(long value, long divisor)
    {
        long quotient = value / divisor;
        return (value % divisor) < 0 ? quotient - 1 : quotient;
    }
}
