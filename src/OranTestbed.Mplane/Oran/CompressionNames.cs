using OranTestbed.Fronthaul.Compression;

namespace OranTestbed.Mplane.Oran;

/// <summary>The o-ran-compression-factors <c>compression-method-def</c> names of the fronthaul's compression methods, one
/// table both ways.</summary>
public static class CompressionNames
{
    private static readonly (CompressionMethod Method, string Name)[] Table =
    [
        (CompressionMethod.None, "NO_COMPRESSION"),
        (CompressionMethod.BlockFloatingPoint, "BLOCK_FLOATING_POINT"),
        (CompressionMethod.BlockScaling, "BLOCK_SCALING"),
        (CompressionMethod.MuLaw, "U_LAW"),
        (CompressionMethod.ModulationCompression, "MODULATION"),
        (CompressionMethod.BfpSelectiveRe, "BLOCK-FLOATING-POINT-SELECTIVE-RE-SENDING"),
        (CompressionMethod.ModulationCompressionSelectiveRe, "MODULATION-COMPRESSION-SELECTIVE-RE-SENDING"),
        (CompressionMethod.BfpSelectiveReSectionMasks, "BFP-SRES-MASK-IN-SEC-HEADER"),
        (CompressionMethod.ModulationCompressionSelectiveReSectionMasks, "MOD-SRES-MASK-IN-SEC-HEADER"),
    ];

    public static string YangName(CompressionMethod method)
    {
        foreach (var (m, name) in Table)
        {
            if (m == method)
            {
                return name;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(method), method, "no o-ran-compression-factors name");
    }

    public static bool TryParse(string yangName, out CompressionMethod method)
    {
        foreach (var (m, name) in Table)
        {
            if (string.Equals(name, yangName, StringComparison.Ordinal))
            {
                method = m;
                return true;
            }
        }

        method = default;
        return false;
    }
}
