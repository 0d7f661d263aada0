using System.Buffers.Binary;

namespace OranTestbed.Fronthaul.CPlane.Extensions;

/// <summary>SE6 non-contiguous PRB allocation (<see cref="NonContiguousPrbFields"/>).</summary>
public readonly ref struct NonContiguousPrbExtension
{
    private readonly ReadOnlySpan<byte> _span;

    internal NonContiguousPrbExtension(ReadOnlySpan<byte> span) => _span = span;

    public bool Repetition => (RbgWord & NonContiguousPrbFields.RepetitionMask) != 0;

    /// <summary>rbgSize code as sent (0 reserved).</summary>
    public int RbgSize => (int)(RbgWord >> NonContiguousPrbFields.RbgSizeShift) & 0x07;

    /// <summary>PRBs per RBG for <see cref="RbgSize"/>; 0 for the reserved code.</summary>
    public int RbgSizePrbs => RbgSize switch
    {
        1 => 1,
        2 => 2,
        3 => 3,
        4 => 4,
        5 => 6,
        6 => 8,
        7 => 16,
        _ => 0,
    };

    public int RbgMask => (int)(RbgWord & NonContiguousPrbFields.RbgMaskMask);

    public int Priority => SymbolWord >> 14;

    public int SymbolMask => SymbolWord & 0x3FFF;

    private uint RbgWord => BinaryPrimitives.ReadUInt32BigEndian(_span[NonContiguousPrbFields.RbgWordOffset..]);

    private int SymbolWord => BinaryPrimitives.ReadUInt16BigEndian(_span[NonContiguousPrbFields.SymbolWordOffset..]);
}
