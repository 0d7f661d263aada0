using OranTestbed.Analysis.Reports;
using OranTestbed.Fronthaul.Compression;
using OranTestbed.Fronthaul.Decoding;
using OranTestbed.Fronthaul.Ecpri;

namespace OranTestbed.Analysis.Tests.Support;

/// <summary>Runs frames through a <see cref="FronthaulAnalyzer"/> with the wire options the test frames use.</summary>
public static class Analyze
{
    /// <summary>4/4/4/4 eAxC, udCompHdr present, BFP 9: the options of the shared capture and of <see cref="FronthaulFrames"/>.</summary>
    public static FronthaulDecodeOptions Options { get; } = new()
    {
        EaxcBits = new EaxcBitWidths(4, 4, 4, 4),
        UdCompHdrPresent = true,
        DownlinkCompression = UdCompHdr.From(CompressionMethod.BlockFloatingPoint, 9),
        UplinkCompression = UdCompHdr.From(CompressionMethod.BlockFloatingPoint, 9),
        CarrierPrbs = 106,
    };

    public static AnalysisReport Frames(IEnumerable<byte[]> frames, int numerology = 1)
    {
        var analyzer = new FronthaulAnalyzer(Options, numerology);
        long number = 0;
        foreach (var frame in frames)
        {
            number++;
            analyzer.Process(frame, number * 1000, number);
        }

        return analyzer.BuildReport();
    }

    public static long CountOf(this AnalysisReport report, OranTestbed.Analysis.Rules.Rule rule)
    {
        foreach (var finding in report.Findings)
        {
            if (finding.Rule == rule)
            {
                return finding.Count;
            }
        }

        return 0;
    }
}
