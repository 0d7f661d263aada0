namespace OranTestbed.Fronthaul.CPlane.Extensions;

/// <summary>
/// SE11, flexible beamforming weights, O-RAN.WG4.CUS §7.7.11 (Tables 7.7.11-1 and 7.7.11-2; disableBFWs §7.7.11.6,
/// RAD §7.7.11.8, bundleOffset §7.7.11.9, numBundPrb §7.7.11.3, contInd §7.7.11.10). Allowed in section types 1, 3.
/// <code>
///  0               1               2               3
/// +-+-------------+-------------------------------+-+-+-----------+
/// |e| extType =11 |          extLen (16)          |d|R|bundleOff  |
/// +-+-------------+---------------+---------------+-+-+-----------+
/// |  numBundPrb   |  bfwCompHdr   | per bundle: bfwCompParam | contInd(1) beamId(15) | bfwI bfwQ × K | …   (d = 0)
/// +---------------+---------------+…
/// |  numBundPrb   | per bundle: contInd(1) beamId(15) | …                                             (d = 1)
/// </code>
/// Bundles = ceil(numPrbc / numBundPrb) (numPrbc 0 = the carrier); numBundPrb 0 is reserved. K weights per bundle
/// come from the M-plane (<c>FronthaulDecodeOptions.WeightsPerBundle</c>) or, with beamspace compression, from the
/// bundle's coefficient mask. Each bundle's weights end on a byte boundary; the extension is zero-padded to 4 bytes.
/// </summary>
public static class FlexibleWeightsFields
{
    public const int FlagsOffset = 3;
    public const byte DisableBfwsMask = 0x80;
    public const byte RadMask = 0x40;
    public const byte BundleOffsetMask = 0x3F;
    public const int NumBundPrbOffset = 4;
    public const int BfwCompHdrOffset = 5;
    public const int BundlesOffsetWithWeights = 6;
    public const int BundlesOffsetWithoutWeights = 5;
    public const int BeamIdLength = 2;
}
