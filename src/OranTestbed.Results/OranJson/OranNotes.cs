using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OranTestbed.Results.OranJson;

/// <summary>
/// What the O-RAN schema has no place for, carried in its free-text notes as compact JSON so that an export imports
/// back unchanged: the runs (top-level note <see cref="RunsTitle"/>) and, per test case, the execution's identity and
/// setting (note <see cref="ExecutionTitle"/>). Reasons go in plain notes titled <see cref="ReasonTitle"/>.
/// </summary>
internal static class OranNotes
{
    public const string RunsTitle = "oran-testbed/runs";
    public const string ExecutionTitle = "oran-testbed/execution";
    public const string ReasonTitle = "reason";

    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}

internal sealed record RunNote(string RunId, string CampaignId, string? CampaignDescription, string PlanHash, string Origin,
    DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, bool Aborted);

internal sealed record ProductNote(string Role, string Id, string Hardware, string Software, string Firmware);

internal sealed record MetricNote(string Source, string Unit);

internal sealed record ArtifactNote(string Kind, long Size);

internal sealed record ExecutionNote(string RunId, string ExecutionId, string Band, string OperatorProfile, string IotProfile,
    string IotSpecification, string IotSpecVersion, string FronthaulProfile, string CaseId, string CaseStatus, int Repetition,
    string Verdict, int Attempts, bool Flaky, string Bench, long DurationTicks, ImmutableArray<ProductNote> Products,
    ImmutableArray<MetricNote> Metrics, ImmutableArray<string> MeasurementUnits, ImmutableArray<ArtifactNote> Artifacts);
