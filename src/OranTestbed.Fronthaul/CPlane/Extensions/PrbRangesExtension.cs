using System.Buffers.Binary;

namespace OranTestbed.Fronthaul.CPlane.Extensions;

/// <summary>SE12 non-contiguous PRB allocation with frequency ranges (<see cref="PrbRangesFields"/>).</summary>
public readonly ref struct PrbRangesExtension
{
    private readonly ReadOnlySpan<byte> _span;

    internal PrbRangesExtension(ReadOnlySpan<byte> span)
    {
        _span = span;
        int count = (span.Length - PrbRangesFields.PairsOffset) / PrbRangesFields.PairLength;
        while (count > 0 && NumPrbAt(span, count - 1) == 0)
        {
            count--;
        }

        RangeCount = count;
    }

    public int Priority => SymbolWord >> 14;

    public int SymbolMask => SymbolWord & 0x3FFF;

    /// <summary>(offStartPrb, numPrb) pairs, trailing padding excluded.</summary>
    public int RangeCount { get; }

    public PrbRange Range(int index) => (uint)index < (uint)RangeCount
        ? new PrbRange(_span[PrbRangesFields.PairsOffset + (index * PrbRangesFields.PairLength)], NumPrbAt(_span, index))
        : throw new ArgumentOutOfRangeException(nameof(index));

    private int SymbolWord => BinaryPrimitives.ReadUInt16BigEndian(_span[PrbRangesFields.SymbolWordOffset..]);

    private static byte NumPrbAt(ReadOnlySpan<byte> span, int index) =>
        span[PrbRangesFields.PairsOffset + (index * PrbRangesFields.PairLength) + 1];
}
