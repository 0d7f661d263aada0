namespace OranTestbed.Plans.Expansion;

/// <summary>Counts of one band × operator profile: executions, O-DU × O-RU pairs considered and compatible, exclusions.</summary>
public sealed record ExpansionCell(string Band, string OperatorProfile, string IotProfile, int Executions, int Pairs,
    int CompatiblePairs, int Exclusions);
