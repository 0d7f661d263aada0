using System.Text.Json;
using OranTestbed.Analysis.Flows;
using OranTestbed.Analysis.Reports;

namespace OranTestbed.Analysis.Iq;

/// <summary>
/// The <c>iq</c> block of the JSON report: {enabled, fullScale, perFlow: [{eAxC, direction, samples, meanPowerDbfs,
/// peakDbfs, clipped, clippedRatio, skippedSections}]}; dBFS values are null without signal.
/// </summary>
public static class IqReportJson
{
    public static void Write(Utf8JsonWriter writer, IqReport report)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(report);
        writer.WriteStartObject("iq");
        writer.WriteBoolean("enabled", report.Enabled);
        writer.WriteNumber("fullScale", IqStatistics.FullScale);
        writer.WriteStartArray("perFlow");
        foreach (var flow in report.PerFlow)
        {
            writer.WriteStartObject();
            writer.WriteNumber("eAxC", flow.Eaxc);
            writer.WriteString("direction", flow.Direction == DataDirection.Downlink ? "DL" : "UL");
            writer.WriteNumber("samples", flow.Samples);
            writer.WriteNullableNumber("meanPowerDbfs", RoundedDb(flow.MeanPowerDbfs));
            writer.WriteNullableNumber("peakDbfs", RoundedDb(flow.PeakDbfs));
            writer.WriteNumber("clipped", flow.Clipped);
            writer.WriteNumber("clippedRatio", flow.ClippedRatio);
            writer.WriteNumber("skippedSections", flow.SkippedSections);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>Levels to 0.001 dB: finer digits are noise of the floating-point sums.</summary>
    private static double? RoundedDb(double? db) => db is { } v ? Math.Round(v, 3) : null;
}
