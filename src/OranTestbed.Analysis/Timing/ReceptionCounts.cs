namespace OranTestbed.Analysis.Timing;

/// <summary>Messages received early, on time and late against their reception window (one plane, one interval).</summary>
public readonly record struct ReceptionCounts(long Early, long OnTime, long Late)
{
    public long Total => Early + OnTime + Late;

    public static ReceptionCounts operator +(ReceptionCounts a, ReceptionCounts b) =>
        new(a.Early + b.Early, a.OnTime + b.OnTime, a.Late + b.Late);

    public static ReceptionCounts Add(ReceptionCounts a, ReceptionCounts b) => a + b;
}
