using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using OranTestbed.Fronthaul.Bits;

namespace OranTestbed.Fronthaul.Compression;

/// <summary>
/// Bit packing of the 24 I/Q values of one PRB (O-RAN.WG4.CUS §6.3.3 / Annex A): RE0 I, RE0 Q, RE1 I, … RE11 Q,
/// each <c>width</c> bits, two's complement, most significant bit first, the PRB padded to a whole byte
/// (24 × w bits is always a whole number of bytes, 3w).
/// </summary>
public static class IqPacking
{
    /// <summary>Resource elements (subcarriers) in one PRB.</summary>
    public const int ResourceElementsPerPrb = 12;

    /// <summary>I and Q values in one PRB: I0, Q0, I1, Q1, … I11, Q11.</summary>
    public const int SamplesPerPrb = 2 * ResourceElementsPerPrb;

    public const int MinWidth = 1;
    public const int MaxWidth = 16;

    /// <summary>Bytes taken by the 24 packed samples of one PRB: 24·w/8 = 3w.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int PackedLength(int width) => 3 * width;

    /// <summary>Smallest value a <paramref name="width"/>-bit two's-complement sample holds.</summary>
    public static int MinValue(int width) => -(1 << (width - 1));

    /// <summary>Largest value a <paramref name="width"/>-bit two's-complement sample holds.</summary>
    public static int MaxValue(int width) => (1 << (width - 1)) - 1;

    /// <summary>Reads the 24 sign-extended samples packed at the start of <paramref name="source"/>.</summary>
    public static void Unpack(ReadOnlySpan<byte> source, int width, Span<int> samples) =>
        UnpackShifted(source, width, samples, 0);

    /// <summary>
    /// Reads the 24 sign-extended samples packed at the start of <paramref name="source"/>, each multiplied by
    /// 2^<paramref name="shift"/> (the BFP exponent, Annex A.1.2), in one pass.
    /// </summary>
    /// <remarks>
    /// The hot path of IQ decoding: each sample comes from one 64-bit big-endian load at its first byte, shifted so
    /// that its first bit is the MSB, then arithmetic-shifted down by 64 − width (which sign-extends it). The load may
    /// reach up to 7 bytes past the sample; when <paramref name="source"/> ends before that (the last PRB of a
    /// section), the packed bytes are first copied into a zero-padded stack buffer.
    /// </remarks>
    public static void UnpackShifted(ReadOnlySpan<byte> source, int width, Span<int> samples, int shift)
    {
        CheckWidth(width);
        int length = PackedLength(width);
        if (source.Length < length || samples.Length < SamplesPerPrb)
        {
            ThrowTooShort();
        }

        int lastLoad = ((SamplesPerPrb - 1) * width >> 3) + sizeof(ulong);
        scoped ReadOnlySpan<byte> packed = source;
        if (source.Length < lastLoad)
        {
            Span<byte> padded = stackalloc byte[PaddedLength];
            source[..length].CopyTo(padded);
            packed = padded;
        }

        int downShift = 64 - width;
        int bit = 0;
        for (int i = 0; i < SamplesPerPrb; i++, bit += width)
        {
            ulong window = BinaryPrimitives.ReadUInt64BigEndian(packed[(bit >> 3)..]);
            samples[i] = (int)((long)(window << (bit & 7)) >> downShift) << shift;
        }
    }

    /// <summary>The widest PRB (16-bit samples) plus the 64-bit load's overhang.</summary>
    private const int PaddedLength = (3 * MaxWidth) + sizeof(ulong);

    /// <summary>Packs 24 samples, each already within <paramref name="width"/> signed bits (higher bits are dropped).</summary>
    public static void Pack(ReadOnlySpan<int> samples, int width, Span<byte> destination)
    {
        CheckWidth(width);
        if (destination.Length < PackedLength(width) || samples.Length < SamplesPerPrb)
        {
            ThrowTooShort();
        }

        var writer = new BitWriter(destination[..PackedLength(width)]);
        uint mask = (1u << width) - 1;
        for (int i = 0; i < SamplesPerPrb; i++)
        {
            writer.Write((uint)samples[i] & mask, width);
        }
    }

    internal static void CheckWidth(int width)
    {
        if (width is < MinWidth or > MaxWidth)
        {
            throw new ArgumentOutOfRangeException(nameof(width), width, "IQ width must be 1..16 bits");
        }
    }

    private static void ThrowTooShort() =>
        throw new ArgumentException("a PRB needs 24 samples and 3·width bytes");
}
