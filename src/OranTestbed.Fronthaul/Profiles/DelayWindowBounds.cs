namespace OranTestbed.Fronthaul.Profiles;

/// <summary>The bounds of a <see cref="DelayWindow"/> in nanoseconds as the profile gives them (null = not given).</summary>
public readonly record struct DelayWindowBounds(long? MinNanoseconds, long? MaxNanoseconds)
{
    /// <summary>True when both bounds are given, so the window can be checked.</summary>
    public bool IsComplete => MinNanoseconds.HasValue && MaxNanoseconds.HasValue;
}
