using OranTestbed.Emulation.Randomness;
using OranTestbed.Plans.Personalities;

namespace OranTestbed.Emulation.Timing;

/// <summary>A <see cref="TimeDistribution"/> resolved against its window: mean and jitter in nanoseconds.</summary>
internal readonly struct TimeSampler
{
    /// <summary>Normal draws beyond ±4σ are redrawn.</summary>
    public const double NormalTruncation = 4.0;

    public TimeSampler(long meanNs, long jitterNs, DistributionShape shape)
    {
        MeanNs = meanNs;
        JitterNs = Math.Max(0, jitterNs);
        Shape = shape;
    }

    public long MeanNs { get; }

    public long JitterNs { get; }

    public DistributionShape Shape { get; }

    /// <summary>The largest value a draw can take.</summary>
    public long MaxNs => MeanNs + (Shape == DistributionShape.Uniform ? JitterNs : (long)Math.Ceiling(NormalTruncation * JitterNs));

    public long MinNs => MeanNs - (Shape == DistributionShape.Uniform ? JitterNs : (long)Math.Ceiling(NormalTruncation * JitterNs));

    public static TimeSampler Resolve(TimeDistribution distribution, TimeRange window) => new(
        distribution.Mean.Position(window.Min, window.Max), distribution.Jitter.Span(window.Min, window.Max),
        distribution.Shape);

    public long Sample(EmulationRandom random)
    {
        if (JitterNs == 0)
        {
            return MeanNs;
        }

        if (Shape == DistributionShape.Uniform)
        {
            return MeanNs + (long)Math.Round(((2 * random.NextDouble()) - 1) * JitterNs);
        }

        double z;
        do
        {
            z = random.NextGaussian();
        }
        while (Math.Abs(z) > NormalTruncation);

        return MeanNs + (long)Math.Round(z * JitterNs);
    }
}
