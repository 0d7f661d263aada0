using System.Text;
using System.Text.Json;
using OranTestbed.Plans.Yaml;

namespace OranTestbed.Plans.Expansion;

/// <summary>
/// The JSON form of an expansion (<c>oran-testbed plan expand --format json</c>), for tools and the results store:
/// <code>
/// {"campaign", "description", "executionCount", "exclusionCount",
///  "cells": [{"band", "operatorProfile", "iotProfile", "pairs", "compatiblePairs", "executions", "exclusions"}],
///  "executions": [{"id", "band", "operatorProfile", "iotProfile", "fronthaulProfile",
///                  "products": {"oDu", "oRu", "oCu"?}, "case", "group", "status", "repetition", "priority",
///                  "expectedDuration", "after": [id], "thresholds": {metric: "&gt;= 0.8"}}],
///  "exclusions": [{"kind", "operatorProfile", "band" (null: every band), "products": {"oDu"?, "oRu"?} or null,
///                  "case" (null: the whole combination), "what", "reason"}]}
/// </code>
/// Executions are in run order; "after" names the executions that must finish first.
/// </summary>
public static class ExpansionJson
{
    public static string ToJson(CampaignExpansion expansion, bool indented = true)
    {
        ArgumentNullException.ThrowIfNull(expansion);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented }))
        {
            Write(writer, expansion);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static void Write(Utf8JsonWriter writer, CampaignExpansion expansion)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(expansion);
        writer.WriteStartObject();
        writer.WriteString("campaign", expansion.Campaign.Id);
        writer.WriteString("description", expansion.Campaign.Description);
        writer.WriteNumber("executionCount", expansion.Executions.Length);
        writer.WriteNumber("exclusionCount", expansion.Exclusions.Length);
        writer.WriteStartArray("cells");
        foreach (var cell in expansion.Cells)
        {
            writer.WriteStartObject();
            writer.WriteString("band", cell.Band);
            writer.WriteString("operatorProfile", cell.OperatorProfile);
            writer.WriteString("iotProfile", cell.IotProfile);
            writer.WriteNumber("pairs", cell.Pairs);
            writer.WriteNumber("compatiblePairs", cell.CompatiblePairs);
            writer.WriteNumber("executions", cell.Executions);
            writer.WriteNumber("exclusions", cell.Exclusions);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("executions");
        foreach (var execution in expansion.Executions)
        {
            WriteExecution(writer, execution);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("exclusions");
        foreach (var exclusion in expansion.Exclusions)
        {
            WriteExclusion(writer, exclusion);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteExecution(Utf8JsonWriter writer, Execution execution)
    {
        writer.WriteStartObject();
        writer.WriteString("id", execution.Id);
        writer.WriteString("band", execution.Setup.Band.Id);
        writer.WriteString("operatorProfile", execution.Setup.Operator.Id);
        writer.WriteString("iotProfile", execution.Setup.IotProfile.Name);
        writer.WriteString("fronthaulProfile", execution.Setup.FronthaulProfile.Name);
        writer.WriteStartObject("products");
        writer.WriteString("oDu", execution.Products.ODu.Id);
        writer.WriteString("oRu", execution.Products.ORu.Id);
        if (execution.Products.OCu is { } cu)
        {
            writer.WriteString("oCu", cu.Id);
        }

        writer.WriteEndObject();
        writer.WriteString("case", execution.Case.Id);
        writer.WriteString("group", PlanNames.Of(execution.Case.Case.Group));
        writer.WriteString("status", PlanNames.Of(execution.Case.Case.Status));
        writer.WriteNumber("repetition", execution.Repetition);
        writer.WriteNumber("priority", execution.Priority);
        writer.WriteString("expectedDuration", DurationText.Format(execution.Case.ExpectedDuration.Ticks * 100));
        writer.WriteStartArray("after");
        foreach (string id in execution.After)
        {
            writer.WriteStringValue(id);
        }

        writer.WriteEndArray();
        writer.WriteStartObject("thresholds");
        foreach (var metric in execution.Case.Metrics)
        {
            writer.WriteString(metric.Id, metric.Threshold.ToString());
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteExclusion(Utf8JsonWriter writer, Exclusion exclusion)
    {
        writer.WriteStartObject();
        writer.WriteString("kind", PlanNames.Of(exclusion.Kind));
        writer.WriteString("operatorProfile", exclusion.OperatorProfile);
        writer.WriteString("band", exclusion.Band);
        if (exclusion.ODu is null && exclusion.ORu is null && exclusion.OCu is null)
        {
            writer.WriteNull("products");
        }
        else
        {
            writer.WriteStartObject("products");
            foreach (var (name, id) in (ReadOnlySpan<(string, string?)>)[("oDu", exclusion.ODu), ("oRu", exclusion.ORu), ("oCu", exclusion.OCu)])
            {
                if (id is not null)
                {
                    writer.WriteString(name, id);
                }
            }

            writer.WriteEndObject();
        }

        writer.WriteString("case", exclusion.Case);
        writer.WriteString("what", exclusion.What);
        writer.WriteString("reason", exclusion.Reason);
        writer.WriteEndObject();
    }
}
