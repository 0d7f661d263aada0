using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace OranTestbed.Fronthaul.Bits;

/// <summary>
/// Reads MSB-first bit fields from a byte span: the packing O-RAN uses for IQ samples, beamforming weights and
/// channel-information samples (O-RAN.WG4.CUS Annex A: "bit-packed, most significant bit first").
/// The caller checks that enough bits remain (<see cref="RemainingBits"/>) before reading; reads past the end throw.
/// </summary>
public ref struct BitReader
{
    private readonly ReadOnlySpan<byte> _span;
    private int _bitPosition;

    public BitReader(ReadOnlySpan<byte> span)
    {
        _span = span;
        _bitPosition = 0;
    }

    public readonly int BitPosition => _bitPosition;

    public readonly int RemainingBits => (_span.Length * 8) - _bitPosition;

    /// <summary>Reads <paramref name="width"/> (1..32) bits as an unsigned value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public uint ReadUnsigned(int width)
    {
        int byteIndex = _bitPosition >> 3;
        int bitInByte = _bitPosition & 7;
        ulong window;
        if (byteIndex + 8 <= _span.Length)
        {
            window = BinaryPrimitives.ReadUInt64BigEndian(_span.Slice(byteIndex, 8));
        }
        else
        {
            window = 0;
            int available = _span.Length - byteIndex;
            for (int i = 0; i < 8; i++)
            {
                window = (window << 8) | (i < available ? _span[byteIndex + i] : 0u);
            }
        }

        if ((uint)width > 32 || width > RemainingBits)
        {
            ThrowOutOfRange(width);
        }

        _bitPosition += width;
        return (uint)((window << bitInByte) >> (64 - width));
    }

    /// <summary>Reads <paramref name="width"/> (1..32) bits as a two's-complement signed value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int ReadSigned(int width)
    {
        uint raw = ReadUnsigned(width);
        int shift = 32 - width;
        return (int)(raw << shift) >> shift;
    }

    /// <summary>Skips to the next byte boundary (O-RAN pads each PRB and each weight block to whole bytes).</summary>
    public void AlignToByte() => _bitPosition = (_bitPosition + 7) & ~7;

    public void Skip(int bits) => _bitPosition += bits;

    private static void ThrowOutOfRange(int width) =>
        throw new ArgumentOutOfRangeException(nameof(width), width, "bit width must be 1..32 and within the span");
}
