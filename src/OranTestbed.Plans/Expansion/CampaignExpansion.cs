using System.Collections.Immutable;
using OranTestbed.Plans.Campaigns;

namespace OranTestbed.Plans.Expansion;

/// <summary>A campaign expanded: every execution (in run order), every exclusion with its reason, and counts per band × operator.</summary>
public sealed record CampaignExpansion(Campaign Campaign, ImmutableArray<Execution> Executions, ImmutableArray<Exclusion> Exclusions,
    ImmutableArray<ExpansionCell> Cells);
