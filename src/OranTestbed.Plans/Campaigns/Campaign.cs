using System.Collections.Immutable;

namespace OranTestbed.Plans.Campaigns;

/// <summary>
/// A campaign (<c>testplans/campaigns/ID.yaml</c>): which operator profiles, bands, products and cases to run, how
/// often, with which priorities, and optionally one capture duration replacing every case's (a quick run).
/// </summary>
public sealed record Campaign
{
    public required string Id { get; init; }

    public string? Description { get; init; }

    public required ImmutableArray<string> Operators { get; init; }

    /// <summary>Band ids to keep; empty = every band of each operator.</summary>
    public ImmutableArray<string> Bands { get; init; } = [];

    /// <summary>Products (VENDOR/PRODUCT) to keep; empty = every product of each operator's vendors.</summary>
    public ImmutableArray<string> Products { get; init; } = [];

    public required CaseSelection Cases { get; init; }

    /// <summary>How many times each execution runs (1 or more), each with its own id.</summary>
    public int Repetitions { get; init; } = 1;

    /// <summary>Replaces the duration of every capture step; null keeps each case's.</summary>
    public TimeSpan? CaptureDuration { get; init; }

    public CampaignPriorities Priorities { get; init; } = CampaignPriorities.None;

    public override string ToString() => Id;
}
