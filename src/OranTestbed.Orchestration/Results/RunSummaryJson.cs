using System.Text.Json;
using OranTestbed.Analysis.Verdicts;
using OranTestbed.Orchestration.Campaigns;
using OranTestbed.Orchestration.Runs;

namespace OranTestbed.Orchestration.Results;

/// <summary>
/// <c>summary.json</c> of a run: counts per verdict, and every execution with what was tested and its outcome.
/// </summary>
public static class RunSummaryJson
{
    public static void Write(string file, RunRequest request, RunCompleted completed)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(completed);
        var records = completed.Records.ToDictionary(r => r.ExecutionId, StringComparer.Ordinal);
        using var stream = File.Create(file);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("runId", completed.RunId);
        json.WriteString("campaign", request.Expansion.Campaign.Id);
        json.WriteString("planHash", request.PlanHash);
        json.WriteBoolean("aborted", completed.Aborted);
        json.WriteString("verdict", RunVerdict.Of(completed).ToWireName());
        json.WriteStartObject("counts");
        foreach (var group in completed.Records.GroupBy(r => r.Verdict).OrderBy(g => g.Key))
        {
            json.WriteNumber(group.Key.ToWireName(), group.Count());
        }

        json.WriteNumber("NOT_RUN", completed.NotRun.Length);
        json.WriteNumber("flaky", completed.Records.Count(r => r.Flaky));
        json.WriteEndObject();
        json.WriteStartArray("executions");
        foreach (var e in request.Executions)
        {
            json.WriteStartObject();
            json.WriteString("id", e.Id);
            json.WriteString("band", e.Setup.Band.Id);
            json.WriteString("operatorProfile", e.Setup.Operator.Id);
            json.WriteString("iotProfile", e.Setup.IotProfile.Name);
            json.WriteString("oDu", e.Products.ODu.Id);
            json.WriteString("oRu", e.Products.ORu.Id);
            if (e.Products.OCu is { } cu)
            {
                json.WriteString("oCu", cu.Id);
            }

            json.WriteString("case", e.Case.Id);
            json.WriteNumber("repetition", e.Repetition);
            if (records.TryGetValue(e.Id, out var r))
            {
                json.WriteString("verdict", r.Verdict.ToWireName());
                json.WriteNumber("attempts", r.Attempts);
                json.WriteBoolean("flaky", r.Flaky);
                json.WriteString("bench", r.BenchId);
                json.WriteNumber("durationMs", (long)r.Duration.TotalMilliseconds);
                json.WriteString("evidence", r.EvidenceFolder);
                json.WriteStartArray("reasons");
                foreach (var reason in r.Reasons)
                {
                    json.WriteStringValue(reason);
                }

                json.WriteEndArray();
            }
            else
            {
                json.WriteString("verdict", "NOT_RUN");
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
