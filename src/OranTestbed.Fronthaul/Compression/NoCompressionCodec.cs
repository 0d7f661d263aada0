namespace OranTestbed.Fronthaul.Compression;

/// <summary>
/// udCompMeth 0, no compression (O-RAN.WG4.CUS §7.5.2.10: udIqWidth is the bit width of each uncompressed I and Q
/// value; §6.3.3: 24 values per PRB, bit-packed, PRB padded to a byte): a PRB is 3w bytes of two's-complement values.
/// </summary>
public static class NoCompressionCodec
{
    /// <summary>Reads one PRB into 24 sign-extended integers.</summary>
    public static void Decompress(ReadOnlySpan<byte> prb, int width, Span<int> iq) => IqPacking.Unpack(prb, width, iq);

    /// <summary>
    /// Writes 24 integers as one PRB. Values outside [-2^(w-1), 2^(w-1)-1] are clamped when
    /// <paramref name="saturate"/> is true, otherwise rejected with <see cref="ArgumentOutOfRangeException"/>.
    /// Returns the number of values that were clamped.
    /// </summary>
    public static int Compress(ReadOnlySpan<int> iq, int width, Span<byte> prb, bool saturate = false)
    {
        IqPacking.CheckWidth(width);
        if (iq.Length < IqPacking.SamplesPerPrb)
        {
            throw new ArgumentException("a PRB needs 24 samples", nameof(iq));
        }

        int min = IqPacking.MinValue(width);
        int max = IqPacking.MaxValue(width);
        Span<int> clamped = stackalloc int[IqPacking.SamplesPerPrb];
        int saturated = 0;
        for (int i = 0; i < IqPacking.SamplesPerPrb; i++)
        {
            int v = iq[i];
            if (v < min || v > max)
            {
                if (!saturate)
                {
                    throw new ArgumentOutOfRangeException(nameof(iq), v, "sample does not fit the IQ width");
                }

                v = v < min ? min : max;
                saturated++;
            }

            clamped[i] = v;
        }

        IqPacking.Pack(clamped, width, prb);
        return saturated;
    }
}
