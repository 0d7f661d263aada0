namespace OranTestbed.Cli.Commands;

/// <summary>Output formats of <c>plan expand</c>.</summary>
internal enum PlanFormat
{
    /// <summary>Counts per band × operator profile, then every exclusion with its reason.</summary>
    Table,

    /// <summary>Every execution and exclusion (<see cref="OranTestbed.Plans.Expansion.ExpansionJson"/>).</summary>
    Json,
}
