using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using OranTestbed.Analysis.Correlation;
using OranTestbed.Analysis.Flows;
using OranTestbed.Analysis.Rules;
using OranTestbed.Analysis.Sequence;
using OranTestbed.Analysis.SPlane;
using OranTestbed.Analysis.Timing;
using OranTestbed.Fronthaul.Profiles;

namespace OranTestbed.Analysis.Reports;

/// <summary>
/// The JSON rendering of an <see cref="AnalysisReport"/> with the keys of issue 3 §5: <c>packets</c> {total, cplane,
/// uplane, ptp, other, malformed}, <c>sequence</c> {received, lost, duplicate, outOfOrder, fragmentsIncomplete,
/// flows: [{eAxC, plane, direction, …}]}, <c>timing</c> {tap, checked, reason, frameIdMismatch, unresolved,
/// histogramRangeUs, receptionIntervalNs, receptionReason, receptionSpanNs, receptionIntervals [{startNs, endNs, uplane, cplane}]}, <c>windows</c> keyed by window name ({checked, reason, earliestUs, latestUs, early, onTime, late,
/// minUs, meanUs, maxUs, percentiles {p50, p90, p99, p99.9}, histogram [[binUs, count], …] (non-empty 1 µs bins of
/// packet − air time), underflow, overflow, perEaxc [{eAxC, early, …, percentiles}]}; every window of the tap, or all
/// eight unchecked when the tap is unknown), <c>correlation</c> (C/U-plane, see WriteCorrelation),
/// <c>cplaneSectionTypes</c> [{sectionType, messages, eaxcs}], <c>ptp</c>
/// (<see cref="SPlane.PtpReportJson"/>), <c>iq</c> (<see cref="Iq.IqReportJson"/>), <c>oruConfiguration</c> (only with an O-RU configuration to compare with,
/// <see cref="OruConfig.OruConfigurationReportJson"/>), <c>completeness</c> {cutShort,
/// droppedFrames, dropsUnknown}, <c>findings</c> [{rule, severity,
/// count, examples, detail (O-RU configuration findings only)}], <c>verdict</c> {value, reasons}. Written with <see cref="Utf8JsonWriter"/> so the key order is fixed.
/// </summary>
public static class AnalysisReportJson
{
    public static void Write(Utf8JsonWriter writer, AnalysisReport report)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(report);
        writer.WriteStartObject();
        WritePackets(writer, report.Packets);
        WriteSequence(writer, report.Sequence);
        WriteTiming(writer, report.Timing);
        WriteWindows(writer, report.Timing);
        WriteCorrelation(writer, report.Correlation);
        writer.WriteStartArray("cplaneSectionTypes");
        foreach (var type in report.CPlaneSectionTypes)
        {
            writer.WriteStartObject();
            writer.WriteNumber("sectionType", (int)type.SectionType);
            writer.WriteNumber("messages", type.Messages);
            writer.WriteStartArray("eaxcs");
            foreach (ushort eaxc in type.Eaxcs)
            {
                writer.WriteNumberValue(eaxc);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        PtpReportJson.Write(writer, report.Ptp);
        Iq.IqReportJson.Write(writer, report.Iq);
        OruConfig.OruConfigurationReportJson.Write(writer, report.OruConfiguration);
        writer.WriteStartObject("completeness");
        writer.WriteNullableString("cutShort", report.Completeness.CutShort);
        writer.WriteNumber("droppedFrames", report.Completeness.DroppedFrames);
        writer.WriteBoolean("dropsUnknown", report.Completeness.DropsUnknown);
        writer.WriteEndObject();
        writer.WriteStartArray("findings");
        foreach (var finding in report.Findings)
        {
            writer.WriteStartObject();
            writer.WriteString("rule", finding.Rule.Id);
            writer.WriteString("severity", RuleSeverityNames.Of(finding.Severity));
            writer.WriteNumber("count", finding.Count);
            writer.WriteStartArray("examples");
            foreach (long frame in finding.Examples)
            {
                writer.WriteNumberValue(frame);
            }

            writer.WriteEndArray();
            if (finding.Detail is { } detail)
            {
                writer.WriteString("detail", detail);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartObject("verdict");
        writer.WriteString("value", Verdicts.VerdictExtensions.ToWireName(report.Verdict.Value));
        writer.WriteStartArray("reasons");
        foreach (string reason in report.Verdict.Reasons)
        {
            writer.WriteStringValue(reason);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary>The report as a UTF-8 JSON document (indented by default).</summary>
    public static string ToJson(AnalysisReport report, bool indented = true)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            Write(writer, report);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WritePackets(Utf8JsonWriter writer, PacketCounts packets)
    {
        writer.WriteStartObject("packets");
        writer.WriteNumber("total", packets.Total);
        writer.WriteNumber("cplane", packets.CPlane);
        writer.WriteNumber("uplane", packets.UPlane);
        writer.WriteNumber("ptp", packets.Ptp);
        writer.WriteNumber("other", packets.Other);
        writer.WriteNumber("malformed", packets.Malformed);
        writer.WriteEndObject();
    }

    private static void WriteTiming(Utf8JsonWriter writer, TimingReport timing)
    {
        writer.WriteStartObject("timing");
        if (timing.Tap is { } tap)
        {
            writer.WriteString("tap", tap == CaptureTap.Ru ? "ru" : "du");
        }
        else
        {
            writer.WriteNull("tap");
        }

        writer.WriteBoolean("checked", timing.NotCheckedReason is null);
        writer.WriteNullableString("reason", timing.NotCheckedReason);
        writer.WriteNumber("frameIdMismatch", timing.FrameIdMismatch);
        writer.WriteNumber("unresolved", timing.Unresolved);
        writer.WriteNumber("placed", timing.Placement.Placed);
        writer.WriteNumber("timestampOutOfRange", timing.Placement.TimestampOutOfRange);
        writer.WriteNumber("judged", timing.Judged);
        writer.WriteNullableString("clockHint", timing.Placement.Hint);
        writer.WriteStartArray("histogramRangeUs");
        writer.WriteNumberValue(OffsetStatistics.HistogramMinUs);
        writer.WriteNumberValue(OffsetStatistics.HistogramMaxUs);
        writer.WriteEndArray();
        WriteReception(writer, timing.Reception);
        writer.WriteEndObject();
    }

    /// <summary><c>receptionIntervalNs</c>, <c>receptionReason</c> (null when available), <c>receptionSpanNs</c> [first, last]
    /// and <c>receptionIntervals</c> [{startNs, endNs, uplane {early, onTime, late}, cplane {…}}] (O-RU tap only).</summary>
    private static void WriteReception(Utf8JsonWriter writer, ReceptionSeries reception)
    {
        writer.WriteNumber("receptionIntervalNs", reception.IntervalNs);
        writer.WriteNullableString("receptionReason", reception.NotAvailableReason);
        if (reception is { FirstNs: { } first, LastNs: { } last })
        {
            writer.WriteStartArray("receptionSpanNs");
            writer.WriteNumberValue(first);
            writer.WriteNumberValue(last);
            writer.WriteEndArray();
        }
        else
        {
            writer.WriteNull("receptionSpanNs");
        }

        writer.WriteStartArray("receptionIntervals");
        foreach (var interval in reception.Intervals)
        {
            writer.WriteStartObject();
            writer.WriteNumber("startNs", interval.StartNs);
            writer.WriteNumber("endNs", interval.EndNs);
            WriteReceptionCounts(writer, "uplane", interval.UPlane);
            WriteReceptionCounts(writer, "cplane", interval.CPlane);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteReceptionCounts(Utf8JsonWriter writer, string name, ReceptionCounts counts)
    {
        writer.WriteStartObject(name);
        writer.WriteNumber("early", counts.Early);
        writer.WriteNumber("onTime", counts.OnTime);
        writer.WriteNumber("late", counts.Late);
        writer.WriteEndObject();
    }

    private static void WriteWindows(Utf8JsonWriter writer, TimingReport timing)
    {
        writer.WriteStartObject("windows");
        if (timing.Tap is null)
        {
            var none = new OffsetSummary(0, 0, 0, null, null, null, null);
            foreach (var window in Enum.GetValues<DelayWindow>())
            {
                writer.WriteStartObject(TimingWindows.Name(window));
                writer.WriteBoolean("checked", false);
                writer.WriteNullableString("reason", timing.NotCheckedReason);
                WriteLimits(writer, null);
                WriteSummary(writer, none);
                writer.WriteStartArray("histogram");
                writer.WriteEndArray();
                writer.WriteNumber("underflow", 0);
                writer.WriteNumber("overflow", 0);
                writer.WriteStartArray("perEaxc");
                writer.WriteEndArray();
                writer.WriteEndObject();
            }
        }

        foreach (var window in timing.Windows)
        {
            writer.WriteStartObject(window.Name);
            writer.WriteBoolean("checked", window.Checked);
            writer.WriteNullableString("reason", window.Reason);
            WriteLimits(writer, window.Limits);
            WriteSummary(writer, window.Offsets);
            writer.WriteStartArray("histogram");
            foreach (var bin in window.Histogram)
            {
                writer.WriteStartArray();
                writer.WriteNumberValue(bin.BinUs);
                writer.WriteNumberValue(bin.Count);
                writer.WriteEndArray();
            }

            writer.WriteEndArray();
            writer.WriteNumber("underflow", window.Underflow);
            writer.WriteNumber("overflow", window.Overflow);
            writer.WriteStartArray("perEaxc");
            foreach (var eaxc in window.PerEaxc)
            {
                writer.WriteStartObject();
                writer.WriteNumber("eAxC", eaxc.Eaxc);
                WriteSummary(writer, eaxc.Offsets);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static void WriteLimits(Utf8JsonWriter writer, WindowLimits? limits)
    {
        writer.WriteNullableNumber("earliestUs", limits?.EarliestNs / 1000.0);
        writer.WriteNullableNumber("latestUs", limits?.LatestNs / 1000.0);
    }

    private static void WriteSummary(Utf8JsonWriter writer, OffsetSummary offsets)
    {
        writer.WriteNumber("early", offsets.Early);
        writer.WriteNumber("onTime", offsets.OnTime);
        writer.WriteNumber("late", offsets.Late);
        writer.WriteNullableNumber("minUs", offsets.MinUs);
        writer.WriteNullableNumber("meanUs", offsets.MeanUs);
        writer.WriteNullableNumber("maxUs", offsets.MaxUs);
        if (offsets.Percentiles is { } p)
        {
            writer.WriteStartObject("percentiles");
            writer.WriteNumber("p50", p.P50Us);
            writer.WriteNumber("p90", p.P90Us);
            writer.WriteNumber("p99", p.P99Us);
            writer.WriteNumber("p99.9", p.P999Us);
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNull("percentiles");
        }
    }

    /// <summary>
    /// <c>correlation</c> {dlUplaneSections, dlCovered, dlOrphans, ulCplaneSections, ulAnswered, ulOrphans,
    /// notEvaluated, dlNotEvaluated, ulNotEvaluated, dlNotEvaluatedAtStart, sectionOverflow, horizonUs,
    /// captureStartAllowanceUs, perEaxc [{eAxC, …the counts}]}.
    /// </summary>
    private static void WriteCorrelation(Utf8JsonWriter writer, CorrelationReport correlation)
    {
        writer.WriteStartObject("correlation");
        WriteCorrelationCounts(writer, correlation.Totals);
        writer.WriteNumber("sectionOverflow", correlation.SectionOverflow);
        writer.WriteNumber("horizonUs", correlation.HorizonNs / 1000.0);
        writer.WriteNumber("captureStartAllowanceUs", correlation.CaptureStartAllowanceNs / 1000.0);
        writer.WriteStartArray("perEaxc");
        foreach (var eaxc in correlation.PerEaxc)
        {
            writer.WriteStartObject();
            writer.WriteNumber("eAxC", eaxc.Eaxc);
            WriteCorrelationCounts(writer, eaxc.Counts);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteCorrelationCounts(Utf8JsonWriter writer, CorrelationCounts counts)
    {
        writer.WriteNumber("dlUplaneSections", counts.DlUplaneSections);
        writer.WriteNumber("dlCovered", counts.DlCovered);
        writer.WriteNumber("dlOrphans", counts.DlOrphans);
        writer.WriteNumber("ulCplaneSections", counts.UlCplaneSections);
        writer.WriteNumber("ulAnswered", counts.UlAnswered);
        writer.WriteNumber("ulOrphans", counts.UlOrphans);
        writer.WriteNumber("notEvaluated", counts.NotEvaluated);
        writer.WriteNumber("dlNotEvaluated", counts.DlNotEvaluated);
        writer.WriteNumber("ulNotEvaluated", counts.UlNotEvaluated);
        writer.WriteNumber("dlNotEvaluatedAtStart", counts.DlNotEvaluatedAtStart);
    }

    private static void WriteSequence(Utf8JsonWriter writer, SequenceReport sequence)
    {
        writer.WriteStartObject("sequence");
        writer.WriteNumber("received", sequence.Received);
        writer.WriteNumber("lost", sequence.Lost);
        writer.WriteNumber("duplicate", sequence.Duplicate);
        writer.WriteNumber("outOfOrder", sequence.OutOfOrder);
        writer.WriteNumber("fragmentsIncomplete", sequence.FragmentsIncomplete);
        writer.WriteStartArray("flows");
        foreach (var flow in sequence.Flows)
        {
            writer.WriteStartObject();
            writer.WriteNumber("eAxC", flow.Flow.Eaxc);
            writer.WriteString("plane", flow.Flow.Plane == MessagePlane.CPlane ? "C" : "U");
            writer.WriteString("direction", flow.Flow.Direction == DataDirection.Downlink ? "DL" : "UL");
            writer.WriteNumber("received", flow.Received);
            writer.WriteNumber("lost", flow.Lost);
            writer.WriteNumber("duplicate", flow.Duplicate);
            writer.WriteNumber("outOfOrder", flow.OutOfOrder);
            writer.WriteNumber("fragmentsIncomplete", flow.FragmentsIncomplete);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
