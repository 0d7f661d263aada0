using OranTestbed.Analysis.OruConfig;
using OranTestbed.Analysis.Reports;
using OranTestbed.Analysis.Rules;
using OranTestbed.Analysis.Tests.Support;
using OranTestbed.Analysis.Verdicts;
using OranTestbed.Fronthaul.Compression;
using OranTestbed.Fronthaul.Ecpri;
using OranTestbed.Fronthaul.Profiles;

namespace OranTestbed.Analysis.Tests.OruConfig;

/// <summary>The analyzer compares the capture with the O-RU's stated configuration in the pass it decodes in.</summary>
public class OruConfigurationCheckerSpecs
{
    /// <summary>What <see cref="FronthaulFrames"/> write: µ 1, 4/4/4/4 eAxC, dynamic BFP 9, a 106-PRB carrier.</summary>
    private static readonly FronthaulProfile Agreed = new()
    {
        Name = "agreed",
        Carrier = new Carrier(1, 106),
        EaxcBits = new EaxcBitWidths(4, 4, 4, 4),
        DownlinkCompression = new UPlaneCompression(FronthaulFrames.Bfp9, true),
        UplinkCompression = new UPlaneCompression(FronthaulFrames.Bfp9, true),
        Duplex = DuplexMode.Fdd,
    };

    private static AnalysisReport Run(FronthaulProfile oru, params byte[][] frames)
    {
        var analyzer = new FronthaulAnalyzer(Agreed, CaptureTap.Ru, oruConfiguration: oru);
        for (int i = 0; i < frames.Length; i++)
        {
            analyzer.Process(frames[i], (i + 1) * 1000L, i + 1);
        }

        return analyzer.BuildReport();
    }

    private static OruConfigurationAspect Aspect(AnalysisReport report, string name) =>
        report.OruConfiguration.Aspects.Single(a => a.Name == name);

    [Test]
    public void Analyzer_must_flag_a_section_beyond_the_orus_carrier_naming_its_frame()
    {
        var report = Run(Agreed with { Carrier = new Carrier(1, 50) },
            FronthaulFrames.CPlane(0, 0, downlink: true, startPrbc: 0, numPrbc: 10),
            FronthaulFrames.CPlane(0, 1, downlink: true, startPrbc: 40, numPrbc: 20));

        var prbs = Aspect(report, "PRB span");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(prbs.Verdict, Is.EqualTo(Verdict.Fail));
            Assert.That(prbs.CaptureShows, Does.StartWith("PRBs 0..59"));
            Assert.That(prbs.OruSays, Is.EqualTo("50 PRBs (0..49)"));
            Assert.That(report.Findings.Single(f => f.Rule == RuleCatalogue.OruConfigPrbSpan).Examples, Is.EqualTo(new long[] { 2 }));
            Assert.That(report.CountOf(RuleCatalogue.CPlanePrbBeyondCarrier), Is.Zero, "within the analysis profile's 106 PRBs");
            Assert.That(report.Verdict.Value, Is.EqualTo(Verdict.Fail));
        }
    }

    [Test]
    public void Analyzer_must_leave_an_aspect_without_frames_not_evaluated_never_passed()
    {
        var report = Run(Agreed with { EaxcIds = [0] },
            FronthaulFrames.CPlane(0, 0, downlink: true),
            FronthaulFrames.UPlane(0, 0, downlink: true));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Aspect(report, "compression DL").Verdict, Is.EqualTo(Verdict.Pass));
            Assert.That(Aspect(report, "compression UL").Verdict, Is.EqualTo(Verdict.NotSet));
            Assert.That(Aspect(report, "compression UL").VerdictName, Is.EqualTo("NOT_EVALUATED"));
            Assert.That(Aspect(report, "compression UL").Reason, Is.EqualTo("no UL U-plane section in the capture"));
            Assert.That(Aspect(report, "eAxC ids").Verdict, Is.EqualTo(Verdict.Pass));
            Assert.That(report.Findings.Where(f => f.Rule.Family == "ORU"), Is.Empty);
        }
    }

    [Test]
    public void Analyzer_must_not_pass_an_oru_comparison_without_fronthaul_traffic()
    {
        var report = Run(Agreed);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.OruConfiguration.Aspects.Select(a => a.Evaluated), Is.All.False);
            Assert.That(report.Verdict.Value, Is.EqualTo(Verdict.Inconclusive));
        }
    }

    [Test]
    public void Analyzer_without_an_oru_configuration_must_report_the_comparison_disabled()
    {
        var analyzer = new FronthaulAnalyzer(Agreed, CaptureTap.Ru);
        analyzer.Process(FronthaulFrames.CPlane(0, 0, downlink: true), 1000, 1);

        var report = analyzer.BuildReport();

        Assert.That(report.OruConfiguration.Enabled, Is.False);
        Assert.That(AnalysisReportJson.ToJson(report), Does.Not.Contain("oruConfiguration"));
    }

    [Test]
    public void Analyzer_must_compare_with_the_oru_configuration_without_allocating_per_frame()
    {
        var frames = new byte[512][];
        for (int i = 0; i < frames.Length; i++)
        {
            frames[i] = i % 2 == 0
                ? FronthaulFrames.CPlane((ushort)(i % 8), (byte)(i / 8), downlink: true, slotId: i % 2, numPrbc: 4)
                : FronthaulFrames.UPlane((ushort)(i % 8), (byte)(i / 8), downlink: true, slotId: i % 2, numPrb: 4);
        }

        var oru = Agreed with { EaxcIds = [0, 1, 2], Carrier = new Carrier(0, 2), UplinkCompression = new UPlaneCompression(UdCompHdr.From(CompressionMethod.BlockFloatingPoint, 14), true) };
        long withComparison = Allocated(new FronthaulAnalyzer(Agreed, CaptureTap.Ru, oruConfiguration: oru), frames);
        long without = Allocated(new FronthaulAnalyzer(Agreed, CaptureTap.Ru), frames);

        Assert.That(withComparison, Is.EqualTo(without), "the comparison (with mismatches on every aspect) adds no allocation");
    }

    private static long Allocated(FronthaulAnalyzer analyzer, byte[][] frames)
    {
        for (int i = 0; i < frames.Length; i++)
        {
            analyzer.Process(frames[i], (i + 1) * 1000L, i + 1); // warm: flows, findings' first examples
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int round = 1; round <= 4; round++)
        {
            for (int i = 0; i < frames.Length; i++)
            {
                analyzer.Process(frames[i], ((round * frames.Length) + i + 1) * 1000L, (round * frames.Length) + i + 1);
            }
        }

        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
