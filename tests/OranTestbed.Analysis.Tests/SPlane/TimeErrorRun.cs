using OranTestbed.Analysis.Reports;
using OranTestbed.Analysis.SPlane;
using OranTestbed.Emulation.SPlane;
using OranTestbed.Fronthaul.Compression;
using OranTestbed.Fronthaul.Ecpri;
using OranTestbed.Fronthaul.Profiles;
using OranTestbed.TestSupport;

namespace OranTestbed.Analysis.Tests.SPlane;

/// <summary>Runs a <see cref="TimeErrorTraffic"/> through <see cref="FronthaulAnalyzer"/>, with a profile's limits when given.</summary>
public static class TimeErrorRun
{
    public static AnalysisReport Analyze(this TimeErrorTraffic traffic, TimeErrorLimits? limits = null,
        string? warningRule = null)
    {
        var analyzer = limits is null
            ? new FronthaulAnalyzer(Support.Analyze.Options, 1)
            : new FronthaulAnalyzer(warningRule is null ? Profile(limits) : Profile(limits) with
            {
                RuleSeverities = System.Collections.Immutable.ImmutableDictionary<string, string>.Empty.Add(warningRule, "warning"),
            });
        long number = 0;
        foreach (var frame in traffic.Frames)
        {
            analyzer.Process(frame.Bytes, frame.UnixNanoseconds, ++number);
        }

        return analyzer.BuildReport();
    }

    public static FronthaulProfile Profile(TimeErrorLimits limits) => new()
    {
        Name = "time-error",
        Carrier = new Carrier(1, 106),
        EaxcBits = new EaxcBitWidths(4, 4, 4, 4),
        DownlinkCompression = new UPlaneCompression(Support.FronthaulFrames.Bfp9, true),
        UplinkCompression = new UPlaneCompression(Support.FronthaulFrames.Bfp9, true),
        Duplex = DuplexMode.Fdd,
        SPlane = limits,
    };

    public static TimeErrorReport Of(AnalysisReport report) =>
        report.Ptp.Clocks.Single(c => c.PortIdentity == TimeErrorTraffic.DefaultMaster).TimeError;
}
