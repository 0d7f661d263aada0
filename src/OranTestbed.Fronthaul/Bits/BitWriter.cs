using System.Runtime.CompilerServices;

namespace OranTestbed.Fronthaul.Bits;

/// <summary>Writes MSB-first bit fields into a byte span; the mirror of <see cref="BitReader"/>.</summary>
public ref struct BitWriter
{
    private readonly Span<byte> _span;
    private int _bitPosition;

    public BitWriter(Span<byte> span)
    {
        _span = span;
        _bitPosition = 0;
    }

    public readonly int BitPosition => _bitPosition;

    /// <summary>Bytes touched so far, counting a partly written last byte.</summary>
    public readonly int BytesWritten => (_bitPosition + 7) >> 3;

    /// <summary>Writes the low <paramref name="width"/> (1..32) bits of <paramref name="value"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Write(uint value, int width)
    {
        if ((uint)width > 32 || _bitPosition + width > _span.Length * 8)
        {
            ThrowOutOfRange(width);
        }

        for (int remaining = width; remaining > 0;)
        {
            int byteIndex = _bitPosition >> 3;
            int freeInByte = 8 - (_bitPosition & 7);
            int take = Math.Min(freeInByte, remaining);
            uint bits = (value >> (remaining - take)) & ((1u << take) - 1);
            int shift = freeInByte - take;
            byte mask = (byte)(((1 << take) - 1) << shift);
            _span[byteIndex] = (byte)((_span[byteIndex] & ~mask) | (int)(bits << shift));
            _bitPosition += take;
            remaining -= take;
        }
    }

    /// <summary>Writes a signed value in two's complement over <paramref name="width"/> bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WriteSigned(int value, int width) => Write((uint)value, width);

    /// <summary>Pads with zero bits to the next byte boundary.</summary>
    public void AlignToByte()
    {
        int pad = (8 - (_bitPosition & 7)) & 7;
        if (pad != 0)
        {
            Write(0, pad);
        }
    }

    private static void ThrowOutOfRange(int width) =>
        throw new ArgumentOutOfRangeException(nameof(width), width, "bit width must be 1..32 and fit in the span");
}
