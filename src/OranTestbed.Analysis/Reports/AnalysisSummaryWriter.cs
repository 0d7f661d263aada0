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
        }
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
