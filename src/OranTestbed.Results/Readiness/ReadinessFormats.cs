using System.Text;
using System.Text.Json;
using OranTestbed.Analysis.Verdicts;
using OranTestbed.Plans;

namespace OranTestbed.Results.Readiness;

/// <summary>The readiness view as JSON for machines: per need × band, every candidate with its state, the reason it is
/// incompatible, and per set of versions the state, the cases without a result and the findings with their results.</summary>
public static class ReadinessFormats
{
    public static string Json(OperatorReadiness readiness)
    {
        ArgumentNullException.ThrowIfNull(readiness);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("operatorProfile", readiness.Operator.Id);
            json.WriteString("name", readiness.Operator.Name);
            json.WriteStartArray("needs");
            foreach (var need in readiness.Needs)
            {
                json.WriteStartObject();
                json.WriteString("need", need.Need.Id);
                json.WriteString("kind", PlanNames.Of(need.Need.Kind));
                json.WriteString("band", need.Band);
                Strings(json, "cases", need.Cases);
                json.WriteString("casesFrom", need.CasesFrom);
                Strings(json, "products", need.Need.Products);
                json.WriteStartArray("thresholds");
                foreach (var t in need.Need.Thresholds)
                {
                    json.WriteStartObject();
                    json.WriteString("case", t.CaseId);
                    json.WriteString("metric", t.MetricId);
                    json.WriteString("threshold", t.Threshold.ToString());
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteStartArray("candidates");
                foreach (var candidate in need.Candidates)
                {
                    Candidate(json, candidate);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Candidate(Utf8JsonWriter json, ReadinessCandidate candidate)
    {
        json.WriteStartObject();
        json.WriteString("oDu", candidate.ODu);
        json.WriteString("oRu", candidate.ORu);
        json.WriteString("oCu", candidate.OCu);
        json.WriteString("state", ReadinessStates.Name(candidate.State));
        if (candidate.Incompatible is { } why)
        {
            json.WriteString("incompatible", why);
        }

        json.WriteStartArray("versions");
        foreach (var v in candidate.Versions)
        {
            json.WriteStartObject();
            Strings(json, "versions", v.Versions);
            json.WriteString("state", ReadinessStates.Name(v.State));
            Strings(json, "notTested", v.Missing);
            json.WriteStartArray("cases");
            foreach (var c in v.Cases)
            {
                json.WriteStartObject();
                json.WriteString("case", c.CaseId);
                json.WriteString("state", ReadinessStates.Name(c.State));
                json.WriteStartArray("results");
                foreach (var r in c.Latest)
                {
                    json.WriteStartObject();
                    json.WriteString("runId", r.RunId);
                    json.WriteString("executionId", r.ExecutionId);
                    json.WriteString("verdict", r.Outcome.Verdict.ToWireName());
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteStartArray("findings");
                foreach (var f in c.Findings)
                {
                    json.WriteStartObject();
                    json.WriteString("metric", f.MetricId);
                    json.WriteString("text", f.Text);
                    json.WriteString("runId", f.RunId);
                    json.WriteString("executionId", f.ExecutionId);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Strings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (string value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
