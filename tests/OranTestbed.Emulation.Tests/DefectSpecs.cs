using System.Buffers.Binary;
using OranTestbed.Analysis;
using OranTestbed.Analysis.Verdicts;
using OranTestbed.Emulation.Tests.Support;
using OranTestbed.Fronthaul.Compression;
using OranTestbed.Fronthaul.Ecpri;
using OranTestbed.Fronthaul.Profiles;
using OranTestbed.Plans.Personalities;

namespace OranTestbed.Emulation.Tests;

/// <summary>
/// Each declared defect makes the analyzer report exactly its finding (the rule <c>DefectFindings</c> names), with
/// the count the emulator says it injected for the seed, and nothing else.
/// </summary>
public sealed class DefectSpecs
{
    private const string Liteon = "n78-100mhz-4t4r-liteon";
    private const string Dynamic = "n3-20mhz-fdd-mu0"; // udCompHdr in U-plane sections both ways

    private static readonly EaxcBitWidths WrongSplit = new(2, 6, 4, 4);

    public static IEnumerable<TestCaseData> Cases()
    {
        yield return Case(NodeRole.Du, new SequenceGapDefect(0.002, gap: 2), Liteon, "SEQ-LOST");
        yield return Case(NodeRole.Ru, new SequenceGapDefect(0.01), Liteon, "SEQ-LOST");
        yield return Case(NodeRole.Du, new SequenceGapDefect(0.05, plane: DefectPlane.CPlane), Liteon, "SEQ-LOST");
        yield return Case(NodeRole.Du, new LateBurstDefect(0.002, length: 2), Liteon, "TIMING-T2A-UP-LATE");
        yield return Case(NodeRole.Du, new LateBurstDefect(0.002, length: 2), Liteon, "TIMING-T1A-UP-LATE", CaptureTap.Du);
        yield return Case(NodeRole.Ru, new LateBurstDefect(0.01, length: 3), Liteon, "TIMING-TA3-LATE");
        yield return Case(NodeRole.Ru, new LateBurstDefect(0.01, length: 3), Liteon, "TIMING-TA4-LATE", CaptureTap.Du);
        yield return Case(NodeRole.Du, new DuplicateDefect(0.002), Liteon, "SEQ-DUPLICATE");
        yield return Case(NodeRole.Ru, new DuplicateDefect(0.01), Liteon, "SEQ-DUPLICATE");
        yield return Case(NodeRole.Du,
            new WrongUdCompHdrDefect(0.01, UdCompHdr.From(CompressionMethod.BlockFloatingPoint, 9)), Dynamic,
            "COMP-PROFILE-MISMATCH");
        yield return Case(NodeRole.Ru,
            new WrongUdCompHdrDefect(0.05, UdCompHdr.From(CompressionMethod.BlockFloatingPoint, 12)), Dynamic,
            "COMP-PROFILE-MISMATCH");
        yield return Case(NodeRole.Du, new PrbsBeyondCarrierDefect(0.2), Liteon, "CPLANE-PRB-BEYOND-CARRIER");
        yield return Case(NodeRole.Ru, new PrbsBeyondCarrierDefect(0.05, extraPrbs: 2), Liteon, "UPLANE-PRB-BEYOND-CARRIER");
        yield return Case(NodeRole.Du, new MissingCPlaneDefect(0.05), Liteon, "UPLANE-ORPHAN");
        yield return Case(NodeRole.Du, new WrongEaxcSplitDefect(0.3, WrongSplit), Liteon, "CPLANE-UNANSWERED");
        yield return Case(NodeRole.Ru, new WrongEaxcSplitDefect(0.2, WrongSplit), Liteon, "CPLANE-UNANSWERED");
    }

    [TestCaseSource(nameof(Cases))]
    public void Defect_must_cause_exactly_its_finding_with_the_injected_count(NodeRole node, Defect defect,
        string profileName, string ruleId, CaptureTap tap)
    {
        var du = node == NodeRole.Du ? new Personality("test/du", NodeRole.Du, [defect]) : Personality.CleanDu();
        var ru = node == NodeRole.Ru ? new Personality("test/ru", NodeRole.Ru, [defect]) : Personality.CleanRu();
        var options = Emulate.Options(Emulate.Profile(profileName), du, ru, durationMs: 40, tap: tap) with
        {
            DuPortId = 1, // a non-zero DU port id, so that a wrong eAxC split composes other ids
        };

        var (emulation, analysis, firstFronthaulNs, lastFronthaulNs) = EmulateAndAnalyze(options);
        var tally = emulation.DefectOf(defect.Kind)!;
        long expected = tally.Count;
        if (defect.Kind == DefectKind.WrongEaxcSplit)
        {
            // UL C-plane of the last 10 ms (the analyzer's correlation horizon) cannot be judged unanswered yet.
            expected = tally.Examples.Count(e => e.TimestampNanoseconds + 10_000_000 <= lastFronthaulNs);
            Assert.That(tally.Examples, Has.Length.LessThan(Reports.DefectTally.MaxExamples));
        }
        else if (defect.Kind == DefectKind.MissingCPlane)
        {
            // DL U-plane this close to the capture start could have its C-plane before the capture: not evaluated.
            long allowance = analysis.Correlation.CaptureStartAllowanceNs;
            // The examples are the first injections, so they hold every one within the allowance.
            Assert.That(tally.Examples[^1].TimestampNanoseconds - firstFronthaulNs, Is.GreaterThanOrEqualTo(allowance));
            expected = tally.Count - tally.Examples.Count(e => e.TimestampNanoseconds - firstFronthaulNs < allowance);
            Assert.That(analysis.Correlation.Totals.DlNotEvaluatedAtStart, Is.EqualTo(tally.Count - expected));
        }

        Assert.Multiple(() =>
        {
            Assert.That(tally.ExpectedRuleId, Is.EqualTo(ruleId));
            Assert.That(tally.Count, Is.Positive, "the defect struck at this seed");
            Assert.That(analysis.Findings.Select(f => (f.Rule.Id, f.Count)), Is.EqualTo(new[] { (ruleId, expected) }),
                analysis.Describe());
            Assert.That(analysis.Verdict.Value, Is.EqualTo(Verdict.Fail));
        });
    }

    [Test]
    public void Clock_class_degradation_must_show_as_clock_class_changes_of_the_grandmaster()
    {
        var ports = new ProductSettings(antennaPorts: 1);
        var du = new Personality("test/du", NodeRole.Du, [new ClockClassDegradationDefect(0.5, 7, 150_000_000)])
        {
            Settings = ports,
        };
        var options = Emulate.Options(Emulate.Profile(Liteon), du, Personality.CleanRu() with { Settings = ports },
            durationMs: 800, seed: 3);
        var (emulation, analysis, _, _) = EmulateAndAnalyze(options);
        var tally = emulation.DefectOf(DefectKind.ClockClassDegradation)!;
        Assert.Multiple(() =>
        {
            Assert.That(tally.Count, Is.Positive, "the clock degraded at this seed");
            Assert.That(analysis.Findings.Select(f => (f.Rule.Id, f.Count)),
                Is.EqualTo(new[] { ("PTP-CLOCK-CLASS-CHANGE", tally.Count) }), analysis.Describe());
            Assert.That(analysis.Ptp.Clocks.Single().ClockClassChangeCount, Is.EqualTo(tally.Count));
            Assert.That(analysis.Verdict.Value, Is.EqualTo(Verdict.Pass), "a clockClass change is a warning");
        });
    }

    private static TestCaseData Case(NodeRole node, Defect defect, string profile, string rule,
        CaptureTap tap = CaptureTap.Ru) =>
        new TestCaseData(node, defect, profile, rule, tap)
            .SetArgDisplayNames($"{node} {defect.Kind} at tap {tap} ({profile})");

    private static (Reports.EmulationReport, Analysis.Reports.AnalysisReport, long FirstFronthaulNs, long LastFronthaulNs)
        EmulateAndAnalyze(EmulationOptions options)
    {
        var emulation = new PairEmulation(options);
        var analyzer = new FronthaulAnalyzer(options.Profile, options.EffectiveTap);
        long first = long.MinValue, last = 0;
        while (emulation.TryReadNext(out var frame))
        {
            analyzer.Process(frame);
            if (BinaryPrimitives.ReadUInt16BigEndian(frame.Data[12..]) != 0x88F7)
            {
                last = frame.TimestampNanoseconds;
                first = first == long.MinValue ? last : first;
            }
        }

        return (emulation.BuildReport(), analyzer.BuildReport(), first, last);
    }
}
