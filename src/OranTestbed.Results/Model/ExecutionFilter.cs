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
}
