using System.Collections.Immutable;
using System.Text.Json;
using OranTestbed.Analysis.Reports;

namespace OranTestbed.Analysis.SPlane;

/// <summary>
/// The <c>timeError</c> object of a clock in <c>ptp.clocks[]</c>:
/// <code>
/// {evaluated, reason, pairs, forwardSamples, reverseSamples, unpairedReverse, syncsWithoutFollowUp,
///  followUpsWithoutSync, delayRespWithoutRequest, duplicates, outOfRange, captureTimeScale ("utc"|"tai"|null),
///  utcOffsetSeconds, twoWayMeanNs, maxAbsTwoWayNs, minTwoWayNs, maxTwoWayNs, meanPathDelayNs, cteNs, cteWindowSeconds,
///  maxAbsLowPassNs, sampleIntervalSeconds, observationSeconds, lowPassFilter,
///  mtie, tdev, dteMtie, dteTdev: [[tauSeconds, ns], …], seriesStartNs, series: [[seconds, ns], …] (TE over time, at
///  most 1000 points), mtieNotEvaluated, tdevNotEvaluated: [tauSeconds, …],
///  fpp {windowSeconds, clusterRangeNs, forwardPercent, reversePercent},
///  limits null | {mask, minPairs, maxAbsTeNs, maxAbsLowPassTeNs, cteNs, cteWindowSeconds},
///  checks [{rule, metric, limitNs, ns, pass}], mtieMask, tdevMask null | {name, clause, evaluated, pass,
///  points [{tauSeconds, limitNs, ns, pass}]}, asymmetryNote}
/// </code>
/// Every figure is null when <c>evaluated</c> is false.
/// </summary>
public static class TimeErrorReportJson
{
    public static void Write(Utf8JsonWriter writer, TimeErrorReport te)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(te);
        writer.WriteStartObject("timeError");
        writer.WriteBoolean("evaluated", te.Evaluated);
        writer.WriteNullableString("reason", te.Reason);
        writer.WriteNumber("pairs", te.Pairs);
        writer.WriteNumber("forwardSamples", te.ForwardSamples);
        writer.WriteNumber("reverseSamples", te.ReverseSamples);
        writer.WriteNumber("unpairedReverse", te.UnpairedReverse);
        writer.WriteNumber("syncsWithoutFollowUp", te.SyncsWithoutFollowUp);
        writer.WriteNumber("followUpsWithoutSync", te.FollowUpsWithoutSync);
        writer.WriteNumber("delayRespWithoutRequest", te.DelayRespWithoutRequest);
        writer.WriteNumber("duplicates", te.Duplicates);
        writer.WriteNumber("outOfRange", te.OutOfRange);
        writer.WriteNullableString("captureTimeScale", te.CaptureTimeScale);
        writer.WriteNullableNumber("utcOffsetSeconds", te.UtcOffsetSeconds);
        writer.WriteNullableNumber("twoWayMeanNs", te.TwoWayMeanNs);
        writer.WriteNullableNumber("maxAbsTwoWayNs", te.MaxAbsTwoWayNs);
        writer.WriteNullableNumber("minTwoWayNs", te.MinTwoWayNs);
        writer.WriteNullableNumber("maxTwoWayNs", te.MaxTwoWayNs);
        writer.WriteNullableNumber("meanPathDelayNs", te.MeanPathDelayNs);
        writer.WriteNullableNumber("cteNs", te.CteNs);
        writer.WriteNullableNumber("cteWindowSeconds", te.CteWindowSeconds);
        writer.WriteNullableNumber("maxAbsLowPassNs", te.MaxAbsLowPassNs);
        writer.WriteNullableNumber("sampleIntervalSeconds", te.SampleIntervalSeconds);
        writer.WriteNullableNumber("observationSeconds", te.ObservationSeconds);
        writer.WriteString("lowPassFilter", TimeErrorAnalysis.LowPassFilter);
        WriteCurve(writer, "mtie", te.Mtie);
        WriteCurve(writer, "tdev", te.Tdev);
        WriteCurve(writer, "dteMtie", te.DteMtie);
        WriteCurve(writer, "dteTdev", te.DteTdev);
        WriteSeries(writer, te.Series);
        WriteTaus(writer, "mtieNotEvaluated", te.MtieNotEvaluated);
        WriteTaus(writer, "tdevNotEvaluated", te.TdevNotEvaluated);
        writer.WriteStartObject("fpp");
        writer.WriteNumber("windowSeconds", te.FppWindowSeconds);
        writer.WriteNumber("clusterRangeNs", te.FppClusterRangeNs);
        writer.WriteNullableNumber("forwardPercent", te.FppForwardPercent);
        writer.WriteNullableNumber("reversePercent", te.FppReversePercent);
        writer.WriteEndObject();
        if (te.Limits is { } limits)
        {
            writer.WriteStartObject("limits");
            writer.WriteNullableString("mask", limits.Mask);
            writer.WriteNumber("minPairs", limits.MinPairs);
            writer.WriteNullableNumber("maxAbsTeNs", limits.MaxAbsTeNanoseconds);
            writer.WriteNullableNumber("maxAbsLowPassTeNs", limits.MaxAbsLowPassTeNanoseconds);
            writer.WriteNullableNumber("cteNs", limits.CteNanoseconds);
            writer.WriteNumber("cteWindowSeconds", limits.CteWindowSeconds);
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNull("limits");
        }

        writer.WriteStartArray("checks");
        foreach (var check in te.Checks)
        {
            writer.WriteStartObject();
            writer.WriteString("rule", check.RuleId);
            writer.WriteString("metric", check.Metric);
            writer.WriteNumber("limitNs", check.LimitNanoseconds);
            writer.WriteNumber("ns", check.Nanoseconds);
            writer.WriteBoolean("pass", check.Pass);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        WriteMask(writer, "mtieMask", te.MtieMask);
        WriteMask(writer, "tdevMask", te.TdevMask);
        writer.WriteString("asymmetryNote", TimeErrorReport.AsymmetryNote);
        writer.WriteEndObject();
    }

    private static void WriteCurve(Utf8JsonWriter writer, string name, ImmutableArray<TimeErrorPoint> curve)
    {
        writer.WriteStartArray(name);
        foreach (var point in curve)
        {
            writer.WriteStartArray();
            writer.WriteNumberValue(point.TauSeconds);
            writer.WriteNumberValue(point.Nanoseconds);
            writer.WriteEndArray();
        }

        writer.WriteEndArray();
    }

    /// <summary><c>seriesStartNs</c> (capture time of the first pair) and <c>series</c> [[seconds since then, TE ns], …].</summary>
    private static void WriteSeries(Utf8JsonWriter writer, ImmutableArray<(long TimeNs, double TeNs)> series)
    {
        if (series.IsEmpty)
        {
            writer.WriteNull("seriesStartNs");
        }
        else
        {
            writer.WriteNumber("seriesStartNs", series[0].TimeNs);
        }

        writer.WriteStartArray("series");
        foreach (var (time, te) in series)
        {
            writer.WriteStartArray();
            writer.WriteNumberValue(Math.Round((time - series[0].TimeNs) / 1e9, 6));
            writer.WriteNumberValue(te);
            writer.WriteEndArray();
        }

        writer.WriteEndArray();
    }

    private static void WriteTaus(Utf8JsonWriter writer, string name, ImmutableArray<double> taus)
    {
        writer.WriteStartArray(name);
        foreach (double tau in taus)
        {
            writer.WriteNumberValue(tau);
        }

        writer.WriteEndArray();
    }

    private static void WriteMask(Utf8JsonWriter writer, string name, TimeErrorMaskResult? mask)
    {
        if (mask is null)
        {
            writer.WriteNull(name);
            return;
        }

        writer.WriteStartObject(name);
        writer.WriteString("name", mask.Name);
        writer.WriteString("clause", mask.Clause);
        writer.WriteBoolean("evaluated", mask.Evaluated);
        writer.WriteBoolean("pass", mask.Pass);
        writer.WriteStartArray("points");
        foreach (var point in mask.Points)
        {
            writer.WriteStartObject();
            writer.WriteNumber("tauSeconds", point.TauSeconds);
            writer.WriteNumber("limitNs", point.LimitNanoseconds);
            writer.WriteNumber("ns", point.Nanoseconds);
            writer.WriteBoolean("pass", point.Pass);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
