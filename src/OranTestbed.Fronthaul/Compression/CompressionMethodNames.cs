namespace OranTestbed.Fronthaul.Compression;

/// <summary>
/// The names integrators type for compression methods (command line, profiles): none, bfp, block-scaling, mu-law,
/// modulation; and the "METHOD:WIDTH" form, e.g. "bfp:9".
/// </summary>
public static class CompressionMethodNames
{
    public static string Name(CompressionMethod method) => method switch
    {
        CompressionMethod.None => "none",
        CompressionMethod.BlockFloatingPoint => "bfp",
        CompressionMethod.BlockScaling => "block-scaling",
        CompressionMethod.MuLaw => "mu-law",
        CompressionMethod.ModulationCompression => "modulation",
        CompressionMethod.BfpSelectiveRe => "bfp-selective-re",
        CompressionMethod.ModulationCompressionSelectiveRe => "modulation-selective-re",
        CompressionMethod.BfpSelectiveReSectionMasks => "bfp-selective-re-masks",
        CompressionMethod.ModulationCompressionSelectiveReSectionMasks => "modulation-selective-re-masks",
        _ => $"reserved-{(int)method}",
    };

    public static bool TryParseMethod(string text, out CompressionMethod method)
    {
        for (int i = 0; i <= (int)CompressionMethod.ModulationCompressionSelectiveReSectionMasks; i++)
        {
            if (string.Equals(text, Name((CompressionMethod)i), StringComparison.OrdinalIgnoreCase))
            {
                method = (CompressionMethod)i;
                return true;
            }
        }

        method = default;
        return false;
    }

    /// <summary>Parses "METHOD:WIDTH" (width 1..16; "bfp" alone means 9 bits, "none" alone 16 bits).</summary>
    public static UdCompHdr ParseFormat(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split(':');
        if (parts.Length > 2 || !TryParseMethod(parts[0], out var method))
        {
            throw new FormatException(
                $"compression '{text}' must be METHOD[:WIDTH] with METHOD one of none, bfp, block-scaling, mu-law, modulation");
        }

        int width = method == CompressionMethod.None ? 16 : 9;
        if (parts.Length == 2 && (!int.TryParse(parts[1], out width) || width is < 1 or > 16))
        {
            throw new FormatException($"compression '{text}': WIDTH must be an integer 1..16");
        }

        return UdCompHdr.From(method, width);
    }
}
