using System.Buffers.Binary;

namespace OranTestbed.Fronthaul.CPlane.Extensions;

/// <summary>SE13 PRB allocation with frequency hopping (<see cref="FrequencyHoppingFields"/>).</summary>
public readonly ref struct FrequencyHoppingExtension
{
    private readonly ReadOnlySpan<byte> _span;

    internal FrequencyHoppingExtension(ReadOnlySpan<byte> span)
    {
        _span = span;
        int count = (span.Length - FrequencyHoppingFields.EntriesOffset) / FrequencyHoppingFields.EntryLength;
        while (count > 1 && EntryAt(span, count - 1) == 0)
        {
            count--;
        }

        HopCount = count;
    }

    /// <summary>Entries, trailing padding excluded.</summary>
    public int HopCount { get; }

    public FrequencyHop Hop(int index)
    {
        if ((uint)index >= (uint)HopCount)
        {
            throw new ArgumentOutOfRangeException(nameof(index));
        }

        int entry = EntryAt(_span, index);
        return new FrequencyHop((byte)((entry >> 10) & 0x0F), (ushort)(entry & 0x03FF), (byte)(entry >> 14));
    }

    private static int EntryAt(ReadOnlySpan<byte> span, int index) => BinaryPrimitives.ReadUInt16BigEndian(
        span[(FrequencyHoppingFields.EntriesOffset + (index * FrequencyHoppingFields.EntryLength))..]);
}
