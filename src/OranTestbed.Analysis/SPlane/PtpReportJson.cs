using System.Globalization;
using System.Text.Json;
using OranTestbed.Analysis.Reports;

namespace OranTestbed.Analysis.SPlane;

/// <summary>
/// The <c>ptp</c> block of the JSON report: {messages, untracked, evaluated, reason, clocks: [{portIdentity, domain,
/// messages, grandmasterIdentity, clockClass, clockClassChanges: [{from, to, timestampNs, frame}],
/// clockClassChangeCount, rates {sync, followUp, delayReq, delayResp, announce: {count, perSecond, expected,
/// evaluated, outOfTolerance, reason}}, sequenceGaps, sequenceMissing, unpairedSync, unpairedFollowUp, timeError (<see cref="TimeErrorReportJson"/>)}]}. Identities
/// are written as linuxptp prints them (<c>aabbcc.fffe.ddeeff-1</c>).
/// </summary>
public static class PtpReportJson
{
    public static void Write(Utf8JsonWriter writer, PtpReport report)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(report);
        writer.WriteStartObject("ptp");
        writer.WriteNumber("messages", report.Messages);
        writer.WriteNumber("untracked", report.Untracked);
        writer.WriteBoolean("evaluated", report.Evaluated);
        writer.WriteNullableString("reason", report.NotEvaluatedReason);
        writer.WriteStartArray("clocks");
        foreach (var clock in report.Clocks)
        {
            writer.WriteStartObject();
            writer.WriteString("portIdentity", string.Create(CultureInfo.InvariantCulture,
                $"{ClockIdentity(clock.PortIdentity.ClockIdentity)}-{clock.PortIdentity.PortNumber}"));
            writer.WriteNumber("domain", clock.Domain);
            writer.WriteNumber("messages", clock.Messages);
            writer.WriteNullableString("grandmasterIdentity",
                clock.GrandmasterIdentity is { } gm ? ClockIdentity(gm) : null);
            if (clock.ClockClass is { } clockClass)
            {
                writer.WriteNumber("clockClass", clockClass);
            }
            else
            {
                writer.WriteNull("clockClass");
            }

            writer.WriteNumber("clockClassChangeCount", clock.ClockClassChangeCount);
            writer.WriteStartArray("clockClassChanges");
            foreach (var change in clock.ClockClassChanges)
            {
                writer.WriteStartObject();
                writer.WriteNumber("from", change.From);
                writer.WriteNumber("to", change.To);
                writer.WriteNumber("timestampNs", change.TimestampNanoseconds);
                writer.WriteNumber("frame", change.FrameNumber);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartObject("rates");
            WriteRate(writer, "sync", clock.Rates.Sync);
            WriteRate(writer, "followUp", clock.Rates.FollowUp);
            WriteRate(writer, "delayReq", clock.Rates.DelayReq);
            WriteRate(writer, "delayResp", clock.Rates.DelayResp);
            WriteRate(writer, "announce", clock.Rates.Announce);
            writer.WriteEndObject();
            writer.WriteNumber("sequenceGaps", clock.SequenceGaps);
            writer.WriteNumber("sequenceMissing", clock.SequenceMissing);
            writer.WriteNumber("unpairedSync", clock.UnpairedSync);
            writer.WriteNumber("unpairedFollowUp", clock.UnpairedFollowUp);
            TimeErrorReportJson.Write(writer, clock.TimeError);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>An EUI-64 clock identity as linuxptp prints it: <c>aabbcc.fffe.ddeeff</c>.</summary>
    public static string ClockIdentity(ulong identity) => string.Create(CultureInfo.InvariantCulture,
        $"{identity >> 40:x6}.{(identity >> 24) & 0xFFFF:x4}.{identity & 0xFF_FFFF:x6}");

    private static void WriteRate(Utf8JsonWriter writer, string name, PtpRate rate)
    {
        writer.WriteStartObject(name);
        writer.WriteNumber("count", rate.Count);
        writer.WriteNullableNumber("perSecond", rate.PerSecond);
        writer.WriteNullableNumber("expected", rate.ExpectedPerSecond);
        writer.WriteBoolean("evaluated", rate.Evaluated);
        writer.WriteBoolean("outOfTolerance", rate.OutOfTolerance);
        writer.WriteNullableString("reason", rate.Reason);
        writer.WriteEndObject();
    }
}
