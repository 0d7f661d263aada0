namespace OranTestbed.Emulation.Timing;

/// <summary>An inclusive range of nanoseconds (an advance or a delay window).</summary>
public readonly record struct TimeRange(long Min, long Max)
{
    public long Width => Max - Min;

    public bool IsEmpty => Max < Min;

    public TimeRange Intersect(TimeRange other) => new(Math.Max(Min, other.Min), Math.Min(Max, other.Max));

    public bool Contains(long value) => value >= Min && value <= Max;

    public override string ToString() => $"[{Min / 1000.0:0.###}us, {Max / 1000.0:0.###}us]";
}
