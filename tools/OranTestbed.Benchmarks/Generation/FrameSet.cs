namespace OranTestbed.Benchmarks.Generation;

/// <summary>
/// Generated frames held in memory back to back (like a capture file without record headers), for the in-memory
/// decoder benchmarks: one buffer, frame i at <c>Offsets[i]</c> with <c>Lengths[i]</c> bytes.
/// </summary>
public sealed class FrameSet
{
    private FrameSet(byte[] buffer, int[] offsets, int[] lengths)
    {
        Buffer = buffer;
        Offsets = offsets;
        Lengths = lengths;
        long total = 0;
        foreach (int length in lengths)
        {
            total += length;
        }

        TotalBytes = total;
    }

    public byte[] Buffer { get; }

    public int[] Offsets { get; }

    public int[] Lengths { get; }

    public int Count => Offsets.Length;

    public long TotalBytes { get; }

    public double AverageFrameBytes => (double)TotalBytes / Count;

    public ReadOnlySpan<byte> this[int index] => Buffer.AsSpan(Offsets[index], Lengths[index]);

    /// <summary>The frames a pcap of at most <paramref name="maxPcapBytes"/> would hold.</summary>
    public static FrameSet Generate(TrafficProfile profile, long maxPcapBytes)
    {
        var buffer = new byte[maxPcapBytes];
        var offsets = new List<int>();
        var lengths = new List<int>();
        int position = 0;
        new FronthaulTrafficGenerator(profile).Generate(maxPcapBytes, (frame, _) =>
        {
            frame.CopyTo(buffer.AsSpan(position));
            offsets.Add(position);
            lengths.Add(frame.Length);
            position += frame.Length;
        });
        Array.Resize(ref buffer, position);
        return new FrameSet(buffer, [.. offsets], [.. lengths]);
    }
}
