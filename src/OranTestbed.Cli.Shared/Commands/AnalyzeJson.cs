using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using OranTestbed.Analysis.Reports;

namespace OranTestbed.Cli.Commands;

/// <summary>
/// The <c>analyze --json</c> document: the analyzer's report (<see cref="AnalysisReportJson"/>, with the combined
/// verdict) plus <c>capture</c> {mode, source, interface/path, framesCaptured, kernelDropped, interfaceDropped,
/// consumerDropped, complete, error, …}; <c>iq</c> comes from the analyzer (enabled with <c>--iq</c>).
/// Composed around the analyzer's JSON so that sections other components add to it pass through unchanged; the
/// verdict stays the last key.
/// </summary>
internal static class AnalyzeJson
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Compose(AnalysisReport report, AnalyzeCaptureInfo capture)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(capture);
        var root = JsonNode.Parse(AnalysisReportJson.ToJson(report, indented: false))!.AsObject();
        var verdict = root["verdict"];
        root.Remove("verdict");
        root["capture"] = Capture(capture);
        root["verdict"] = verdict;
        return root.ToJsonString(Indented);
    }

    private static JsonObject Capture(AnalyzeCaptureInfo capture)
    {
        var node = new JsonObject
        {
            ["mode"] = capture.Mode,
        };
        if (capture.Mode == "live")
        {
            node["interface"] = capture.Source;
            node["namespace"] = capture.NetworkNamespace;
        }
        else
        {
            node["path"] = capture.Source;
        }

        node["filter"] = capture.Filter;
        node["framesRead"] = capture.FramesRead;
        node["elapsedS"] = Math.Round(capture.Elapsed.TotalSeconds, 3);
        node["limitedByDuration"] = capture.LimitedByDuration;
        if (capture.Health is { } h)
        {
            node["framesCaptured"] = h.FramesCaptured;
            node["framesDelivered"] = h.FramesDelivered;
            node["kernelReceived"] = h.KernelReceived;
            node["kernelDropped"] = h.KernelDropped;
            node["interfaceDropped"] = h.InterfaceDropped;
            node["consumerDropped"] = h.ConsumerDroppedFrames;
            node["statisticsAvailable"] = h.StatisticsAvailable;
        }

        node["complete"] = capture.Complete;
        node["error"] = capture.Error;
        return node;
    }
}
