namespace OranTestbed.Plans.Personalities;

/// <summary>How a behaviour's jitter spreads around its mean.</summary>
public enum DistributionShape
{
    /// <summary>Uniform in [mean − jitter, mean + jitter].</summary>
    Uniform,

    /// <summary>Normal with standard deviation = jitter, truncated at ±4σ (redrawn), so a window holding ±4σ is never missed.</summary>
    Normal,
}
