using OranTestbed.Analysis.Verdicts;

namespace OranTestbed.Results.Model;

/// <summary>Which executions to read: every field that is set must match (null = any).</summary>
public sealed record ExecutionFilter
{
    public static readonly ExecutionFilter All = new();

    public string? RunId { get; init; }

    public string? CampaignId { get; init; }

    public string? Band { get; init; }

    public string? OperatorProfile { get; init; }

    /// <summary>A product id in any role.</summary>
    public string? Product { get; init; }

    /// <summary>A vendor id (of the lab) of any product of the execution: what a vendor's account may see.</summary>
    public string? Vendor { get; init; }

    public string? CaseId { get; init; }

    public Verdict? Verdict { get; init; }

    /// <summary>The O-DU, O-RU and O-CU of the pair (product ids); <see cref="NoProduct"/> = the role is absent.</summary>
    public string? ODu { get; init; }

    public string? ORu { get; init; }

    public string? OCu { get; init; }

    /// <summary>Only the latest result of each execution id (the newest run's, never an aborted one): what matrices judge.</summary>
    public bool LatestOnly { get; init; }

    /// <summary>Only the latest result of each execution id per set of versions tested (O-DU and O-RU software, the
    /// newest run's, never an aborted one): what the readiness view judges, version by version.</summary>
    public bool LatestPerVersions { get; init; }

    /// <summary>Read the subject (with products) and the verdict only, no reasons, metrics, measurements or evidence:
    /// what the cells of a matrix shown as a table or heatmap need, for a fraction of the reading.</summary>
    public bool SubjectsOnly { get; init; }

    /// <summary>Leave out the latest result of each execution id: its history (a cell's earlier results).</summary>
    public bool ExcludeLatest { get; init; }

    /// <summary>At most this many, the newest runs first (runs by start time, then id), then <see cref="Before"/> pages on.</summary>
    public int? Limit { get; init; }

    /// <summary>With <see cref="Limit"/>: only results older than this one (the last of the previous page).</summary>
    public ExecutionCursor? Before { get; init; }

    /// <summary>The value of <see cref="ODu"/>, <see cref="ORu"/> or <see cref="OCu"/> that selects results without that role.</summary>
    public const string NoProduct = "none";
}

