using System.Runtime.CompilerServices;

namespace OranTestbed.Analysis.SPlane;

/// <summary>
/// Time-error metrics over a time-error sequence x[0..N-1] (ns) sampled every τ0 (ITU-T G.8260 Appendix I.2, the
/// definitions of G.810 §4.5 / Appendix II): MTIE and TDEV at observation intervals τ = n·τ0, the first-order 0.1 Hz
/// low-pass filter of G.8273.2 dTE_L, and the moving average of cTE. Pure functions; O(N) per interval. Their loops run
/// once per capture over up to ~10^5 samples: compiled optimised at once (AggressiveOptimization), not at tier 0.
/// </summary>
public static class TimeErrorMetrics
{
    /// <summary>
    /// MTIE(n·τ0) = max over k of (max − min of x[k..k+n]) (G.8260 I.2 / G.810 §4.5.2: the largest peak-to-peak time
    /// error within any window of n·τ0). Needs n ≤ N − 1 (τ no longer than the series). Monotonic deques: O(N).
    /// </summary>
    public static double Mtie(ReadOnlySpan<double> x, int n) => Mtie(x, n, new int[x.Length], new int[x.Length]);

    /// <summary><see cref="Mtie(ReadOnlySpan{double}, int)"/> with the two deques given (each at least x.Length long).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static double Mtie(ReadOnlySpan<double> x, int n, Span<int> maxQ, Span<int> minQ)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(n, x.Length - 1);
        int maxHead = 0, maxTail = 0, minHead = 0, minTail = 0;
        double best = 0;
        for (int i = 0; i < x.Length; i++)
        {
            while (maxTail > maxHead && x[maxQ[maxTail - 1]] <= x[i])
            {
                maxTail--;
            }

            maxQ[maxTail++] = i;
            while (minTail > minHead && x[minQ[minTail - 1]] >= x[i])
            {
                minTail--;
            }

            minQ[minTail++] = i;
            int start = i - n; // the window is x[start..i], n + 1 samples spanning n·τ0
            if (maxQ[maxHead] < start)
            {
                maxHead++;
            }

            if (minQ[minHead] < start)
            {
                minHead++;
            }

            if (start >= 0)
            {
                best = Math.Max(best, x[maxQ[maxHead]] - x[minQ[minHead]]);
            }
        }

        return best;
    }

    /// <summary>
    /// TDEV(n·τ0) = sqrt( 1/(6n²(N−3n+1)) · Σ_{j=1}^{N−3n+1} [ Σ_{i=j}^{n+j−1} (x_{i+2n} − 2x_{i+n} + x_i) ]² ), the
    /// estimator of G.8260 Appendix I / G.810 §4.5.3 (equation II-9 there). Needs 3n ≤ N. Prefix sums: O(N).
    /// </summary>
    public static double Tdev(ReadOnlySpan<double> x, int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(x.Length - (3 * n) + 1, nameof(n));
        return TdevFromSums(Prefix(x), n);
    }

    /// <summary>Running sums of x − x[0] (length N + 1), the input of <see cref="Tdev(ReadOnlySpan{double}, int)"/>'s O(N) form.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static double[] Prefix(ReadOnlySpan<double> x)
    {
        var prefix = new double[x.Length + 1];
        double origin = x.IsEmpty ? 0 : x[0];
        for (int i = 0; i < x.Length; i++)
        {
            prefix[i + 1] = prefix[i] + (x[i] - origin);
        }

        return prefix;
    }

    /// <summary>TDEV(n·τ0) from the running sums of <see cref="Prefix"/>; needs 3n ≤ N.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static double TdevFromSums(double[] prefix, int n)
    {
        int count = prefix.Length - 1 - (3 * n) + 1;
        double sum = 0;
        for (int j = 0; j < count; j++)
        {
            double a = prefix[j + n] - prefix[j];
            double b = prefix[j + (2 * n)] - prefix[j + n];
            double c = prefix[j + (3 * n)] - prefix[j + (2 * n)];
            double s = c - (2 * b) + a;
            sum += s * s;
        }

        return Math.Sqrt(sum / (6.0 * n * n * count));
    }

    /// <summary>
    /// First-order low-pass filter with corner <paramref name="cornerHz"/> (G.8273.2 dTE_L: 0.1 Hz), the impulse-invariant
    /// discretisation y[k] = y[k−1] + α(x[k] − y[k−1]), α = 1 − e^(−2π·f_c·τ0), started at y[0] = x[0] (no start-up step).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double[] LowPass(ReadOnlySpan<double> x, double intervalSeconds, double cornerHz)
    {
        var y = new double[x.Length];
        if (x.Length == 0)
        {
            return y;
        }

        double alpha = 1 - Math.Exp(-2 * Math.PI * cornerHz * intervalSeconds);
        y[0] = x[0];
        for (int k = 1; k < x.Length; k++)
        {
            y[k] = y[k - 1] + (alpha * (x[k] - y[k - 1]));
        }

        return y;
    }

    /// <summary>
    /// The average of x over every window of <paramref name="window"/> consecutive samples, returning the one of largest
    /// magnitude (cTE over a moving window, G.8260 I.2 / G.8273.2 §7.1 "averaged over 1000 s"); the mean of the whole
    /// series when it is not longer than the window.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double ExtremeMovingAverage(ReadOnlySpan<double> x, int window)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(x.Length, nameof(x));
        window = Math.Clamp(window, 1, x.Length);
        double sum = 0;
        for (int i = 0; i < window; i++)
        {
            sum += x[i];
        }

        double best = sum;
        for (int i = window; i < x.Length; i++)
        {
            sum += x[i] - x[i - window];
            if (Math.Abs(sum) > Math.Abs(best))
            {
                best = sum;
            }
        }

        return best / window;
    }

    /// <summary>
    /// Floor packet percentage (G.8260 Appendix I.5, the network limit of G.8261.1 §9.2: W = 200 s, δ = 150 µs, ≥ 1 %):
    /// in each window of <paramref name="windowNanoseconds"/>, the share of packets whose delay is within
    /// <paramref name="clusterRange"/> of the window's floor (its minimum). Windows start every tenth of a window;
    /// returns the smallest share in percent, over the whole series when it is shorter than one window. Delays are the
    /// one-way samples (any constant offset cancels against the floor).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double? FloorPacketPercentage(ReadOnlySpan<long> times, ReadOnlySpan<long> delays,
        long windowNanoseconds, long clusterRange)
    {
        if (times.Length == 0)
        {
            return null;
        }

        long first = times[0], last = times[^1];
        long step = Math.Max(1, windowNanoseconds / 10);
        double worst = double.MaxValue;
        int begin = 0;
        for (long start = first; ; start += step)
        {
            while (begin < times.Length && times[begin] < start)
            {
                begin++;
            }

            long end = start + windowNanoseconds;
            int stop = begin;
            long floor = long.MaxValue;
            while (stop < times.Length && times[stop] < end)
            {
                floor = Math.Min(floor, delays[stop]);
                stop++;
            }

            if (stop > begin)
            {
                int within = 0;
                for (int i = begin; i < stop; i++)
                {
                    if (delays[i] - floor <= clusterRange)
                    {
                        within++;
                    }
                }

                worst = Math.Min(worst, 100.0 * within / (stop - begin));
            }

            if (end > last)
            {
                break;
            }
        }

        return worst == double.MaxValue ? null : worst;
    }
}
