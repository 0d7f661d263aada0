using OranTestbed.Fronthaul.Compression;

namespace OranTestbed.Mplane.Oran;

/// <summary>The o-ran-compression-factors <c>compression-method-def</c> names of the fronthaul's compression methods.</summary>
public static class CompressionNames
{
    public static string YangName(CompressionMethod method) => method switch
    {
        CompressionMethod.None => "NO_COMPRESSION",
        CompressionMethod.BlockFloatingPoint => "BLOCK_FLOATING_POINT",
        CompressionMethod.BlockScaling => "BLOCK_SCALING",
        CompressionMethod.MuLaw => "U_LAW",
        CompressionMethod.ModulationCompression => "MODULATION",
        CompressionMethod.BfpSelectiveRe => "BLOCK-FLOATING-POINT-SELECTIVE-RE-SENDING",
        CompressionMethod.ModulationCompressionSelectiveRe => "MODULATION-COMPRESSION-SELECTIVE-RE-SENDING",
        CompressionMethod.BfpSelectiveReSectionMasks => "BFP-SRES-MASK-IN-SEC-HEADER",
        CompressionMethod.ModulationCompressionSelectiveReSectionMasks => "MOD-SRES-MASK-IN-SEC-HEADER",
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "no o-ran-compression-factors name"),
    };
}
