using System.Globalization;
using OranTestbed.Analysis.Timing;
using OranTestbed.Analysis.Verdicts;
using OranTestbed.Analysis.SPlane;

namespace OranTestbed.Analysis.Reports;

/// <summary>
/// The short terminal summary of an <see cref="AnalysisReport"/> (issue 3 §5): one packets line, one line per checked
/// window (early / on time / late, min/max µs), one sequence line, the top findings with their first example frames,
/// free-form notes (capture health, options not implemented) and the verdict with its reasons. Plain text, invariant
/// culture, no colours, so it reads the same in a terminal, a CI log and a file.
/// </summary>
public static class AnalysisSummaryWriter
{
    /// <summary>Findings listed; the rest are counted in one line (the JSON and HTML reports list them all).</summary>
    public const int DefaultTopFindings = 8;

    private const int ExamplesShown = 3;

    public static void Write(TextWriter output, AnalysisReport report, IReadOnlyList<string>? notes = null,
        Verdicts.VerdictOutcome? verdict = null, int topFindings = DefaultTopFindings)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(report);
        var p = report.Packets;
        var v = verdict ?? report.Verdict;
        output.WriteLine(Invariant(
            $"packets   {p.Total} total: {p.CPlane} C-plane, {p.UPlane} U-plane, {p.Ptp} PTP, {p.Other} other; {p.Malformed} malformed"));
        WriteWindows(output, report.Timing);
        var s = report.Sequence;
        output.WriteLine(Invariant(
            $"sequence  {s.Flows.Length} flow(s), {s.Received} received: {s.Lost} lost, {s.Duplicate} duplicate, {s.OutOfOrder} out of order, {s.FragmentsIncomplete} incomplete fragment(s)"));
        var c = report.Correlation.Totals;
        output.WriteLine(Invariant(
            $"c/u       DL U-plane sections {c.DlUplaneSections}: {c.DlCovered} covered by C-plane, {c.DlOrphans} orphan; UL C-plane sections {c.UlCplaneSections}: {c.UlAnswered} answered, {c.UlOrphans} unanswered; {c.NotEvaluated} not evaluated"));
        if (c.DlNotEvaluatedAtStart > 0)
        {
            output.WriteLine(Invariant(
                $"          {c.DlNotEvaluatedAtStart} DL U-plane section(s) not evaluated: their C-plane may precede the capture start (first {report.Correlation.CaptureStartAllowanceNs / 1000.0} µs)"));
        }

        WritePtp(output, report.Ptp);
        WriteOruConfiguration(output, report.OruConfiguration);
        if (report.Findings.IsEmpty)
        {
            output.WriteLine("findings  none");
        }
        else
        {
            output.WriteLine(Invariant($"findings  {report.Findings.Length} rule(s) hit:"));
            var ordered = report.Findings.OrderByDescending(f => f.Severity).ThenByDescending(f => f.Count).ToList();
            foreach (var finding in ordered.Take(topFindings))
            {
                string examples = string.Join(", ", finding.Examples.Take(ExamplesShown).Select(e => e.ToString(CultureInfo.InvariantCulture)));
                output.WriteLine(Invariant(
                    $"  {finding.Rule.Id,-28} {Rules.RuleSeverityNames.Of(finding.Severity),-7} x{finding.Count}  frames {examples}{(finding.Count > ExamplesShown ? ", …" : "")}"));
                if (finding.Detail is { } detail)
                {
                    output.WriteLine("    " + detail);
                }
            }

            if (ordered.Count > topFindings)
            {
                output.WriteLine(Invariant($"  … and {ordered.Count - topFindings} more rule(s) (see the JSON or HTML report)"));
            }
        }

        foreach (string note in notes ?? [])
        {
            output.WriteLine("note      " + note);
        }

        output.WriteLine("verdict   " + v.Value.ToWireName());
        foreach (string reason in v.Reasons)
        {
            output.WriteLine("  - " + reason);
        }
    }

    private static void WritePtp(TextWriter output, PtpReport ptp)
    {
        if (ptp.Clocks.IsEmpty)
        {
            output.WriteLine("ptp       " + (ptp.NotEvaluatedReason ?? "no PTP traffic"));
            return;
        }

        foreach (var clock in ptp.Clocks)
        {
            output.WriteLine(Invariant(
                $"ptp       clock 0x{clock.PortIdentity.ClockIdentity:x16}-{clock.PortIdentity.PortNumber} domain {clock.Domain}: {clock.Messages} messages, clockClass {clock.ClockClass?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"} ({clock.ClockClassChangeCount} change(s)), {clock.SequenceGaps} sequence gap(s), {clock.UnpairedSync} Sync without Follow_Up"));
            WriteTimeError(output, clock.TimeError);
        }
    }

    /// <summary>
    /// <c>ptp-te    two-way TE mean +250.000 ns, max|TE| 250.000 ns, mean path delay 1000.000 ns, cTE +250.000 ns (3.9 s), 63 pairs, capture clock utc; MTIE(1 s) 0.0 ns, TDEV(1 s) 0.00 ns; g8273.2-class-c: PTP-TE-MAX-ABS FAIL (250.000 > 30 ns) …</c>,
    /// or why it was not evaluated. Nothing for a port that sent no Sync.
    /// </summary>
    private static void WriteTimeError(TextWriter output, TimeErrorReport te)
    {
        if (!te.IsMaster)
        {
            return;
        }

        if (!te.Evaluated)
        {
            output.WriteLine(Invariant($"ptp-te    time error not evaluated ({te.Pairs} pairs): {te.Reason}"));
            return;
        }

        var line = new System.Text.StringBuilder(Invariant(
            $"ptp-te    two-way TE mean {te.TwoWayMeanNs:+0.000;-0.000;0.000} ns, max|TE| {te.MaxAbsTwoWayNs:0.000} ns, mean path delay {te.MeanPathDelayNs:0.000} ns, cTE {te.CteNs:+0.000;-0.000;0.000} ns ({te.CteWindowSeconds:0.#} s), {te.Pairs} pairs over {te.ObservationSeconds:0.#} s, capture clock {te.CaptureTimeScale}"));
        foreach (var (name, curve) in new[] { ("MTIE", te.Mtie), ("TDEV", te.Tdev) })
        {
            if (!curve.IsEmpty)
            {
                var last = curve[^1];
                var one = curve.FirstOrDefault(p => p.TauSeconds == 1);
                line.Append(Invariant($"; {name}(1 s) {(one.TauSeconds == 1 ? one.Nanoseconds.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) : "-")} ns, {name}({last.TauSeconds:0.###} s) {last.Nanoseconds:0.00} ns"));
            }
        }

        if (te.Limits is { } limits)
        {
            line.Append(Invariant($"; against {limits.Mask ?? "the profile's limits"}:"));
            foreach (var check in te.Checks)
            {
                line.Append(Invariant($" {check.RuleId} {check.Metric} {(check.Pass ? "pass" : "FAIL")} ({check.Nanoseconds:0.000} {(check.Pass ? "<=" : ">")} {check.LimitNanoseconds} ns)"));
            }

            foreach (var (rule, mask) in new[] { ("PTP-TE-MTIE-MASK", te.MtieMask), ("PTP-TE-TDEV-MASK", te.TdevMask) })
            {
                if (mask is not null)
                {
                    int failed = mask.Points.Count(p => !p.Pass);
                    line.Append(Invariant($" {rule} {(!mask.Evaluated ? "not evaluated" : failed == 0 ? "pass" : "FAIL")} ({mask.Points.Length - failed}/{mask.Points.Length} intervals)"));
                }
            }
        }

        output.WriteLine(line.ToString());
        output.WriteLine("ptp-te    " + TimeErrorReport.AsymmetryNote);
    }

    private static void WriteWindows(TextWriter output, TimingReport timing)
    {
        if (timing.NotCheckedReason is { } reason)
        {
            output.WriteLine("windows   not checked: " + reason);
            return;
        }

        foreach (var window in timing.Windows)
        {
            if (!window.Checked)
            {
                output.WriteLine(Invariant($"{window.Name,-9} not checked: {window.Reason}"));
                continue;
            }

            var o = window.Offsets;
            string range = window.Limits is { } l ? Invariant($"[{l.EarliestNs / 1000.0:0.###}, {l.LatestNs / 1000.0:0.###}] µs") : "";
            string minMax = o.MinUs is { } min && o.MaxUs is { } max ? Invariant($"min {min:0.###} µs, max {max:0.###} µs") : "no messages";
            output.WriteLine(Invariant(
                $"{window.Name,-9} {range}: {o.Early} early, {o.OnTime} on time, {o.Late} late; {minMax}"));
        }
    }

    /// <summary>"o-ru      " the source, then one line per aspect: verdict, aspect, O-RU says, capture shows.</summary>
    private static void WriteOruConfiguration(TextWriter output, OruConfig.OruConfigurationReport oru)
    {
        if (!oru.Enabled)
        {
            return;
        }

        output.WriteLine("o-ru      configuration (M-plane): " + oru.SourceText);
        foreach (var a in oru.Aspects)
        {
            output.WriteLine(Invariant(
                $"  {a.VerdictName,-13} {a.Name,-16} O-RU says {a.OruSays}; capture shows {a.CaptureShows}{(a.Reason is { } r ? " (" + r + ")" : "")}"));
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
