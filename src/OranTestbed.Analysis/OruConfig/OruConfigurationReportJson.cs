using System.Text.Json;
using OranTestbed.Analysis.Reports;

namespace OranTestbed.Analysis.OruConfig;

/// <summary>
/// The <c>oruConfiguration</c> key of the analysis JSON, written only when the analysis compared the capture with the
/// O-RU's stated configuration: {profile, source {mPlane, readAt} or null, aspects [{aspect, rule, oruSays,
/// captureShows, verdict (PASS, FAIL, NOT_EVALUATED), compared, mismatched, examples, reason}]}.
/// </summary>
public static class OruConfigurationReportJson
{
    public static void Write(Utf8JsonWriter writer, OruConfigurationReport report)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(report);
        if (!report.Enabled)
        {
            return;
        }

        writer.WriteStartObject("oruConfiguration");
        writer.WriteNullableString("profile", report.Profile);
        if (report.Source is { } source)
        {
            writer.WriteStartObject("source");
            writer.WriteString("mPlane", source.Mplane);
            writer.WriteString("readAt", source.ReadAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNull("source");
        }

        writer.WriteStartArray("aspects");
        foreach (var aspect in report.Aspects)
        {
            writer.WriteStartObject();
            writer.WriteString("aspect", aspect.Name);
            writer.WriteString("rule", aspect.Rule.Id);
            writer.WriteString("oruSays", aspect.OruSays);
            writer.WriteString("captureShows", aspect.CaptureShows);
            writer.WriteString("verdict", aspect.VerdictName);
            writer.WriteNumber("compared", aspect.Compared);
            writer.WriteNumber("mismatched", aspect.Mismatched);
            writer.WriteStartArray("examples");
            foreach (long frame in aspect.Examples)
            {
                writer.WriteNumberValue(frame);
            }

            writer.WriteEndArray();
            writer.WriteNullableString("reason", aspect.Reason);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
