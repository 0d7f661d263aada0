using System.Collections.Immutable;
using System.Globalization;
using OranTestbed.Analysis.Findings;
using OranTestbed.Analysis.Iq;
using OranTestbed.Analysis.Reports;
using OranTestbed.Analysis.Rules;
using OranTestbed.Analysis.Sequence;
using OranTestbed.Analysis.Timing;
using OranTestbed.Capture;
using OranTestbed.Fronthaul.Profiles;

namespace OranTestbed.Analysis.Verdicts;

/// <summary>
/// The one place where a traffic sample's findings become its verdict (PASS needs evidence; README "Verdict rules"):
/// <list type="number">
/// <item>Capture completeness first: frames the capture dropped (or may have) make every finding they can explain
/// (<see cref="MissingFrames"/>) INCONCLUSIVE, and the drop count is the first reason whatever the verdict; a capture
/// cut short is never PASS.</item>
/// <item>Rules with a threshold are judged by their share, never hit by hit: early/late per delay window against
/// <c>early</c>/<c>late</c> of the messages judged in that window, SEQ-LOST / SEQ-DUPLICATE / SEQ-OUT-OF-ORDER against
/// <c>lost</c>/<c>duplicate</c>/<c>out-of-order</c> of the sequence numbers expected, malformed frames (every decoder
/// error rule) against <c>malformed</c> of the frames.</item>
/// <item>Every other error-severity finding FAILs.</item>
/// <item>Timing needs evidence: without a tap or delay windows, or when no message could be placed in air time
/// (relative timestamps, a clock on another time scale), timing is INCONCLUSIVE with the reason and the fix; a
/// frameId mismatch on most messages is the clock's, not the equipment's.</item>
/// <item>A check asked for that the capture could not feed (IQ statistics without a decompressible sample) is
/// INCONCLUSIVE.</item>
/// <item>An O-RU configuration to compare with (<c>--oru-config</c>) of which no aspect could be compared is
/// INCONCLUSIVE; a disagreement is an error-severity finding (ORU-CONFIG-*) and FAILs.</item>
/// <item>No C/U-plane traffic at all is INCONCLUSIVE; otherwise what was judged and passed is PASS.</item>
/// </list>
/// </summary>
public static class SampleVerdict
{
    public static VerdictOutcome Judge(PacketCounts packets, SequenceReport sequence, TimingReport timing,
        ImmutableArray<Finding> findings, VerdictThresholds thresholds, CaptureCompleteness completeness,
        IqReport? iq = null, OruConfig.OruConfigurationReport? oruConfiguration = null, SPlane.PtpReport? ptp = null)
    {
        ArgumentNullException.ThrowIfNull(packets);
        ArgumentNullException.ThrowIfNull(sequence);
        ArgumentNullException.ThrowIfNull(timing);
        ArgumentNullException.ThrowIfNull(thresholds);
        ArgumentNullException.ThrowIfNull(completeness);
        var verdict = new VerdictBuilder();
        JudgeCompleteness(verdict, completeness, findings);
        JudgeThresholdRules(verdict, packets, sequence, findings, thresholds, completeness);
        JudgeOtherErrors(verdict, findings, timing.Placement, completeness);
        JudgeWindows(verdict, timing, findings, thresholds);
        JudgeTimeErrorEvidence(verdict, ptp, findings);
        if (NoTrafficReason(packets) is { } noTraffic)
        {
            verdict.UpgradeVerdict(Verdict.Inconclusive, noTraffic);
        }
        else
        {
            JudgeTimingEvidence(verdict, timing);
            if (iq is { Enabled: true } && packets.UPlane > 0 && iq.PerFlow.Sum(f => f.Samples) == 0)
            {
                verdict.UpgradeVerdict(Verdict.Inconclusive,
                    Invariant($"IQ statistics were asked for, but none of the {packets.UPlane} U-plane frames had a section whose samples could be decompressed"));
            }

            if (oruConfiguration is { Enabled: true } oru && !oru.Aspects.Any(a => a.Evaluated))
            {
                verdict.UpgradeVerdict(Verdict.Inconclusive,
                    "O-RU configuration: the capture had nothing to compare with what the O-RU states ("
                    + string.Join("; ", oru.Aspects.Select(a => $"{a.Name}: {a.Reason}")) + ")");
            }

            verdict.UpgradeVerdict(Verdict.Pass, Invariant(
                $"{packets.CPlane} C-plane and {packets.UPlane} U-plane frames without error-severity findings; {timing.Judged} message(s) judged in their delay windows"));
        }

        return verdict.Build();
    }

    /// <summary>
    /// S-plane time error needs evidence when the profile sets limits (<c>s-plane</c>): no master, a master whose time
    /// error could not be evaluated (too few pairs, a capture clock off the PTP time scale) or a mask of which no
    /// observation interval fits in the capture is INCONCLUSIVE with the reason, never PASS. Violations are
    /// error-severity PTP-TE-* findings (judged in <see cref="SPlane.TimeErrorAnalysis.Judge"/>) and FAIL as such.
    /// </summary>
    private static void JudgeTimeErrorEvidence(VerdictBuilder verdict, SPlane.PtpReport? ptp, ImmutableArray<Finding> findings)
    {
        if (ptp?.TimeErrorLimits is not { JudgesAnything: true })
        {
            return;
        }

        var masters = ptp.Clocks.Where(c => c.TimeError.IsMaster).ToList();
        if (masters.Count == 0)
        {
            verdict.UpgradeVerdict(Verdict.Inconclusive,
                Invariant($"S-plane time error not evaluated: no PTP master (Sync) in the capture ({ptp.Messages} PTP messages)"));
            return;
        }

        foreach (var clock in masters)
        {
            string name = Invariant($"S-plane time error of {SPlane.PtpReportJson.ClockIdentity(clock.PortIdentity.ClockIdentity)}-{clock.PortIdentity.PortNumber} domain {clock.Domain}");
            var te = clock.TimeError;
            if (!te.Evaluated)
            {
                verdict.UpgradeVerdict(Verdict.Inconclusive, $"{name} not evaluated: {te.Reason}");
                continue;
            }

            foreach (var mask in new[] { te.MtieMask, te.TdevMask })
            {
                if (mask is { Evaluated: false })
                {
                    verdict.UpgradeVerdict(Verdict.Inconclusive, Invariant(
                        $"{name}: the {mask.Name} mask covers no observation interval the {te.ObservationSeconds:0.###} s capture could evaluate"));
                }
            }

            // The figures behind the PTP-TE-* findings (judged in TimeErrorAnalysis.Judge), where the rule is an error.
            bool IsError(string ruleId) =>
                findings.Any(f => f.Rule.Id == ruleId && f.Severity == RuleSeverity.Error);
            foreach (var check in te.Checks.Where(c => !c.Pass && IsError(c.RuleId)))
            {
                verdict.UpgradeVerdict(Verdict.Fail, Invariant(
                    $"{name}: {check.RuleId} {check.Metric} {check.Nanoseconds:0.###} ns > {check.LimitNanoseconds} ns ({te.Limits?.Mask ?? "the profile's s-plane limits"})"));
            }

            foreach (var (rule, metric, mask) in new[] { ("PTP-TE-MTIE-MASK", "MTIE", te.MtieMask), ("PTP-TE-TDEV-MASK", "TDEV", te.TdevMask) })
            {
                if (mask is { Evaluated: true, Pass: false } && IsError(rule))
                {
                    var failed = mask.Points.Where(p => !p.Pass).ToList();
                    verdict.UpgradeVerdict(Verdict.Fail, Invariant(
                        $"{name}: {rule} dTE_L {metric} above the {mask.Name} mask at {failed.Count} of {mask.Points.Length} intervals: ")
                        + string.Join(", ", failed.Select(p => Invariant($"{p.Nanoseconds:0.###} ns > {p.LimitNanoseconds} ns at τ {p.TauSeconds:0.####} s"))));
                }
            }
        }
    }

    /// <summary>Why a sample without C-plane or U-plane traffic judges nothing; null when it has some.</summary>
    public static string? NoTrafficReason(PacketCounts packets)
    {
        ArgumentNullException.ThrowIfNull(packets);
        return packets.Fronthaul == 0 ? Invariant($"no C-plane or U-plane traffic in {packets.Total} frames") : null;
    }

    /// <summary>The reason every verdict of an incomplete capture starts with.</summary>
    public static string? CompletenessReason(CaptureCompleteness completeness)
    {
        ArgumentNullException.ThrowIfNull(completeness);
        if (completeness.DroppedFrames > 0)
        {
            return Invariant($"the capture dropped {completeness.DroppedFrames} frame(s) ({completeness.DropDetail ?? "drop counters"}): findings that missing frames can cause are not blamed on the equipment");
        }

        return completeness.DropsUnknown
            ? "the capture could not read its drop counters: nothing proves it saw every frame"
            : null;
    }

    private static void JudgeCompleteness(VerdictBuilder verdict, CaptureCompleteness completeness,
        ImmutableArray<Finding> findings)
    {
        if (CompletenessReason(completeness) is { } drops)
        {
            verdict.AddContext(drops);
            verdict.UpgradeVerdict(Verdict.Inconclusive, drops);
            var explained = findings.Where(f => f.Severity == RuleSeverity.Error && MissingFrames.CanExplain(f.Rule)).ToList();
            if (explained.Count > 0)
            {
                verdict.UpgradeVerdict(Verdict.Inconclusive, "explained by the missing frames, not judged: "
                    + string.Join(", ", explained.Select(f => Invariant($"{f.Rule.Id} x{f.Count}"))));
            }
        }

        if (completeness.CutShort is { } cut)
        {
            verdict.UpgradeVerdict(Verdict.Inconclusive, cut);
        }
    }

    private static void JudgeThresholdRules(VerdictBuilder verdict, PacketCounts packets, SequenceReport sequence,
        ImmutableArray<Finding> findings, VerdictThresholds thresholds, CaptureCompleteness completeness)
    {
        long expected = sequence.Received + sequence.Lost;
        if (!completeness.MissesFrames)
        {
            JudgeShare(verdict, findings, RuleCatalogue.SeqLost, sequence.Lost, expected, thresholds.Lost, "sequence numbers expected");
            JudgeShare(verdict, findings, RuleCatalogue.SeqDuplicate, sequence.Duplicate, expected, thresholds.Duplicate, "sequence numbers expected");
            if (thresholds.OutOfOrder is { } outOfOrder)
            {
                JudgeShare(verdict, findings, RuleCatalogue.SeqOutOfOrder, sequence.OutOfOrder, expected, outOfOrder, "sequence numbers expected");
            }
        }

        if (packets.Malformed > 0 && Share(packets.Malformed, packets.Total) > thresholds.Malformed)
        {
            var rules = findings.Where(f => RuleCatalogue.IsDecodeErrorRule(f.Rule)).ToList();
            verdict.UpgradeVerdict(Verdict.Fail, Invariant(
                $"{packets.Malformed} of {packets.Total} frames malformed (ratio {Ratio(packets.Malformed, packets.Total)} > allowed {Format(thresholds.Malformed)}): {string.Join(", ", rules.Select(f => $"{f.Rule.Id} x{f.Count} (first in frame {FirstExample(f)})"))}"));
        }
    }

    private static void JudgeShare(VerdictBuilder verdict, ImmutableArray<Finding> findings, Rule rule, long count,
        long total, decimal threshold, string of)
    {
        if (count > 0 && Share(count, total) > threshold)
        {
            var finding = findings.FirstOrDefault(f => f.Rule == rule);
            verdict.UpgradeVerdict(Verdict.Fail, Invariant(
                $"{rule.Id}: {count} of {total} {of} (ratio {Ratio(count, total)} > allowed {Format(threshold)}; first in frame {(finding is null ? 0 : FirstExample(finding))})"));
        }
    }

    private static void JudgeOtherErrors(VerdictBuilder verdict, ImmutableArray<Finding> findings,
        TimingPlacement placement, CaptureCompleteness completeness)
    {
        foreach (var finding in findings)
        {
            if (finding.Severity != RuleSeverity.Error || IsJudgedByThreshold(finding.Rule)
                || (completeness.MissesFrames && MissingFrames.CanExplain(finding.Rule))
                || (finding.Rule == RuleCatalogue.TimingFrameIdMismatch && placement.IsSystematic))
            {
                continue;
            }

            verdict.UpgradeVerdict(Verdict.Fail, finding.Detail is { } detail
                ? Invariant($"{finding.Rule.Id}: {detail} (first in frame {FirstExample(finding)})")
                : Invariant($"{finding.Rule.Id}: {finding.Count} x {finding.Rule.Description} (first in frame {FirstExample(finding)})"));
        }
    }

    /// <summary>FAIL for every checked window whose early or late share exceeds its threshold.</summary>
    private static void JudgeWindows(VerdictBuilder verdict, TimingReport timing, ImmutableArray<Finding> findings,
        VerdictThresholds thresholds)
    {
        foreach (var window in timing.Windows)
        {
            long total = window.Offsets.Total;
            if (!window.Checked || total == 0)
            {
                continue;
            }

            JudgeWindow(verdict, window, window.Offsets.Early, total, thresholds.Early, TimingWindows.EarlyRule(window.Window), "early", findings);
            JudgeWindow(verdict, window, window.Offsets.Late, total, thresholds.Late, TimingWindows.LateRule(window.Window), "late", findings);
        }
    }

    private static void JudgeWindow(VerdictBuilder verdict, WindowReport window, long count, long total,
        decimal threshold, Rule rule, string what, ImmutableArray<Finding> findings)
    {
        if (count == 0 || Share(count, total) <= threshold)
        {
            return;
        }

        var finding = findings.FirstOrDefault(f => f.Rule == rule);
        verdict.UpgradeVerdict(Verdict.Fail, Invariant(
            $"{rule.Id}: {count} of {total} messages {what} in {window.Name} (ratio {Ratio(count, total)} > allowed {Format(threshold)}; first in frame {(finding is null ? 0 : FirstExample(finding))})"));
    }

    /// <summary>Timing is INCONCLUSIVE when nothing could be judged or messages could not be placed in air time.</summary>
    private static void JudgeTimingEvidence(VerdictBuilder verdict, TimingReport timing)
    {
        var placement = timing.Placement;
        if (placement.Unplaceable > 0 && (placement.IsSystematic || placement.TimestampOutOfRange > 0))
        {
            string cause = placement.TimestampOutOfRange > 0
                ? "timestamps outside 1972..2199"
                : "frameId more than 20 ms from the timestamp on most messages: the capture clock, not the equipment";
            verdict.UpgradeVerdict(Verdict.Inconclusive, Invariant(
                $"timing: {placement.Unplaceable} of {placement.Unplaceable + placement.Placed} C/U-plane message(s) cannot be placed in air time ({cause}){(placement.Hint is { } hint ? "; " + hint : "")}"));
        }

        if (timing.NotCheckedReason is { } notChecked)
        {
            verdict.UpgradeVerdict(Verdict.Inconclusive, "timing: no delay window could be judged: " + notChecked);
            return;
        }

        if (timing.Windows.All(w => !w.Checked))
        {
            verdict.UpgradeVerdict(Verdict.Inconclusive, "timing: no delay window could be judged: "
                + string.Join("; ", timing.Windows.Select(w => $"{w.Name}: {w.Reason}")));
            return;
        }

        if (timing.Judged == 0 && !placement.IsSystematic)
        {
            verdict.UpgradeVerdict(Verdict.Inconclusive, "timing: no message fell in a checked delay window ("
                + string.Join(", ", timing.Windows.Where(w => !w.Checked).Select(w => $"{w.Name} not checked: {w.Reason}"))
                + ")");
        }
    }

    /// <summary>True for the rules judged by their share against a threshold rather than hit by hit.</summary>
    public static bool IsJudgedByThreshold(Rule rule) =>
        TimingWindows.IsWindowRule(rule) || RuleCatalogue.IsDecodeErrorRule(rule)
        || rule == RuleCatalogue.SeqLost || rule == RuleCatalogue.SeqDuplicate || rule == RuleCatalogue.SeqOutOfOrder;

    private static long FirstExample(Finding finding) => finding.Examples.IsEmpty ? 0 : finding.Examples[0];

    private static decimal Share(long part, long whole) => whole == 0 ? 0 : (decimal)part / whole;

    private static string Ratio(long part, long whole) => Format(Share(part, whole));

    private static string Format(decimal value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
