using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using OranTestbed.Analysis.Flows;
using OranTestbed.Analysis.Rules;
using OranTestbed.Analysis.Sequence;

namespace OranTestbed.Analysis.Reports;

/// <summary>
/// The JSON rendering of an <see cref="AnalysisReport"/> with the keys of issue 3 §5: <c>packets</c> {total, cplane,
/// uplane, ptp, other, malformed}, <c>sequence</c> {received, lost, duplicate, outOfOrder, fragmentsIncomplete,
/// flows: [{eAxC, plane, direction, …}]}, <c>findings</c> [{rule, severity, count, examples}], <c>verdict</c>
/// {value, reasons}. Written with <see cref="Utf8JsonWriter"/> so the key order is fixed.
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
