using OranTestbed.Fronthaul.Compression;
using OranTestbed.Fronthaul.Decoding;

namespace OranTestbed.Fronthaul.CPlane.Extensions;

/// <summary>SE11 flexible beamforming weights (<see cref="FlexibleWeightsFields"/>).</summary>
public readonly ref struct FlexibleWeightsExtension
{
    private readonly ReadOnlySpan<byte> _span;
    private readonly int _weightsPerBundle;
    private readonly int _antennas;

    internal FlexibleWeightsExtension(ReadOnlySpan<byte> span, int sectionNumPrbc, int weightsPerBundle, int antennas)
    {
        _span = span;
        _weightsPerBundle = weightsPerBundle;
        _antennas = antennas;
        BundleCount = BundleCountOf(sectionNumPrbc, NumBundPrb);
    }

    public bool DisableBfws => (_span[FlexibleWeightsFields.FlagsOffset] & FlexibleWeightsFields.DisableBfwsMask) != 0;

    /// <summary>RAD, reset after PRB discontinuity.</summary>
    public bool Rad => (_span[FlexibleWeightsFields.FlagsOffset] & FlexibleWeightsFields.RadMask) != 0;

    /// <summary>bundleOffset (6 bits; reserved before CUS v9, shown as reserved by Wireshark 4.0).</summary>
    public int BundleOffset => _span[FlexibleWeightsFields.FlagsOffset] & FlexibleWeightsFields.BundleOffsetMask;

    public int NumBundPrb => _span[FlexibleWeightsFields.NumBundPrbOffset];

    /// <summary>bfwCompHdr (absent, reads 0, when disableBFWs = 1).</summary>
    public UdCompHdr BfwCompHdr => DisableBfws ? default : new UdCompHdr(_span[FlexibleWeightsFields.BfwCompHdrOffset]);

    /// <summary>ceil(numPrbc / numBundPrb), numPrbc 0 meaning the carrier width.</summary>
    public int BundleCount { get; }

    public FlexibleWeightsBundleEnumerator Bundles => new(
        _span[(DisableBfws ? FlexibleWeightsFields.BundlesOffsetWithoutWeights : FlexibleWeightsFields.BundlesOffsetWithWeights)..],
        !DisableBfws, BfwCompHdr.RawMethod, BfwCompHdr.IqWidth, BundleCount, _weightsPerBundle, _antennas);

    internal static int BundleCountOf(int numPrbc, int numBundPrb) =>
        numBundPrb == 0 ? 0 : (numPrbc + numBundPrb - 1) / numBundPrb;

    /// <summary>Length of the bundle starting <paramref name="bundle"/>; -1 when its bfwCompParam does not fit.</summary>
    internal static int BundleLength(ReadOnlySpan<byte> bundle, bool withWeights, int method, int iqWidth,
        int weightsPerBundle, int antennas, out int paramLength, out int weightCount)
    {
        if (!withWeights)
        {
            paramLength = 0;
            weightCount = 0;
            return FlexibleWeightsFields.BeamIdLength;
        }

        paramLength = BfwCompParam.LengthOf(method, antennas);
        if (bundle.Length < paramLength)
        {
            weightCount = 0;
            return -1;
        }

        weightCount = method is 4 or 5 ? BfwCompParam.WeightCount(method, bundle[..paramLength], antennas) : weightsPerBundle;
        return paramLength + FlexibleWeightsFields.BeamIdLength + (((2 * weightCount * iqWidth) + 7) / 8);
    }

    internal static DecodeError Validate(ReadOnlySpan<byte> span, int offset, int sectionNumPrbc, int weightsPerBundle, int antennas)
    {
        if (span.Length <= FlexibleWeightsFields.NumBundPrbOffset)
        {
            return new DecodeError(DecodeErrorCode.LengthMismatch, "cplane.ext11.numBundPrb", offset + span.Length,
                "extLen is too short for disableBFWs and numBundPrb");
        }

        int numBundPrb = span[FlexibleWeightsFields.NumBundPrbOffset];
        if (numBundPrb == 0)
        {
            return new DecodeError(DecodeErrorCode.InvalidValue, "cplane.ext11.numBundPrb",
                offset + FlexibleWeightsFields.NumBundPrbOffset, "numBundPrb 0 is reserved");
        }

        bool withWeights = (span[FlexibleWeightsFields.FlagsOffset] & FlexibleWeightsFields.DisableBfwsMask) == 0;
        int position = withWeights ? FlexibleWeightsFields.BundlesOffsetWithWeights : FlexibleWeightsFields.BundlesOffsetWithoutWeights;
        if (span.Length < position)
        {
            return new DecodeError(DecodeErrorCode.LengthMismatch, "cplane.ext11.bfwCompHdr", offset + span.Length,
                "extLen is too short for bfwCompHdr");
        }

        var hdr = withWeights ? new UdCompHdr(span[FlexibleWeightsFields.BfwCompHdrOffset]) : default;
        if (withWeights && BfwCompParam.LengthOf(hdr.RawMethod, antennas) < 0)
        {
            return new DecodeError(DecodeErrorCode.UnknownType, "cplane.ext11.bfwCompMeth",
                offset + FlexibleWeightsFields.BfwCompHdrOffset, "bfwCompMeth is a reserved value");
        }

        int bundles = BundleCountOf(sectionNumPrbc, numBundPrb);
        for (int b = 0; b < bundles; b++)
        {
            int length = BundleLength(span[position..], withWeights, hdr.RawMethod, hdr.IqWidth, weightsPerBundle,
                antennas, out _, out _);
            if (length < 0 || position + length > span.Length)
            {
                return new DecodeError(DecodeErrorCode.LengthMismatch, withWeights ? "cplane.ext11.bfwI" : "cplane.ext11.beamId",
                    offset + span.Length, "extLen is too short for ceil(numPrbc/numBundPrb) bundles");
            }

            position += length;
        }

        return DecodeError.None;
    }
}
