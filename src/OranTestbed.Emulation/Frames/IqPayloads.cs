using OranTestbed.Emulation.Randomness;
using OranTestbed.Fronthaul.Compression;
using OranTestbed.Fronthaul.Writing;

namespace OranTestbed.Emulation.Frames;

/// <summary>
/// A few compressed payloads of a whole carrier symbol, computed once per seed and copied into frame templates, so no
/// IQ is compressed per frame. Each PRB gets its own power (as scheduling and precoding give real traffic), so BFP
/// exponents vary from PRB to PRB (0..7 at 9 bits, never above 16 − w: COMP-BFP-EXPONENT-RANGE) and no sample reaches
/// full scale (COMP-IQ-CLIPPING). Methods the writer cannot compress (block scaling, µ-law, modulation) get random
/// codes with a fixed udCompParam.
/// </summary>
internal sealed class IqPayloads
{
    private readonly byte[][] _variants;

    private IqPayloads(UdCompHdr compression, int prbs, byte[][] variants)
    {
        Compression = compression;
        Prbs = prbs;
        PrbSize = IqCompression.PrbSize(compression);
        _variants = variants;
    }

    public UdCompHdr Compression { get; }

    public int Prbs { get; }

    public int PrbSize { get; }

    public int Count => _variants.Length;

    /// <summary>The compressed PRB <paramref name="prb"/> (taken modulo the carrier) of variant <paramref name="variant"/>.</summary>
    public ReadOnlySpan<byte> Prb(int variant, int prb) =>
        _variants[variant].AsSpan((prb % Prbs) * PrbSize, PrbSize);

    public static IqPayloads Create(UdCompHdr compression, int prbs, int variants, EmulationRandom random)
    {
        int prbSize = IqCompression.PrbSize(compression);
        var buffers = new byte[variants][];
        var iq = new int[prbs * Fronthaul.Compression.IqPacking.SamplesPerPrb];
        var parameters = new byte[prbs];
        for (int v = 0; v < variants; v++)
        {
            buffers[v] = new byte[prbs * prbSize];
            var writer = new UPlaneWriter(buffers[v]);
            switch (compression.Method)
            {
                case CompressionMethod.BlockFloatingPoint:
                    FillSamples(iq, random, minBits: 6, maxBits: 14);
                    writer.WritePrbs(iq, compression);
                    break;
                case CompressionMethod.None:
                    int top = Math.Max(2, compression.IqWidth - 2);
                    FillSamples(iq, random, minBits: Math.Max(1, top - 6), maxBits: top);
                    writer.WritePrbs(iq, compression);
                    break;
                default:
                    FillSamples(iq, random, minBits: Math.Max(1, compression.IqWidth - 2), maxBits: Math.Max(1, compression.IqWidth - 2));
                    parameters.AsSpan().Fill(compression.Method switch
                    {
                        CompressionMethod.BlockScaling => (byte)0x40, // Q1.7 scaler 0.5
                        CompressionMethod.MuLaw => (byte)((compression.IqWidth & 0x0F) << 4),
                        _ => (byte)0,
                    });
                    writer.WriteCodes(iq, compression, parameters);
                    break;
            }
        }

        return new IqPayloads(compression, prbs, buffers);
    }

    /// <summary>Per PRB an amplitude 2^k, k uniform in [minBits, maxBits]; samples uniform within ±amplitude, odd (never all zero).</summary>
    private static void FillSamples(int[] iq, EmulationRandom random, int minBits, int maxBits)
    {
        int samplesPerPrb = Fronthaul.Compression.IqPacking.SamplesPerPrb;
        for (int prb = 0; prb < iq.Length / samplesPerPrb; prb++)
        {
            int amplitude = 1 << random.Next(minBits, maxBits + 1);
            for (int i = 0; i < samplesPerPrb; i++)
            {
                iq[(prb * samplesPerPrb) + i] = (random.Next(2 * amplitude) - amplitude) | 1;
            }
        }
    }
}
