using System.Collections.Immutable;

namespace OranTestbed.Results.OranJson;

/// <summary>What an import stored: the runs it names and how many executions were new or already there (a duplicate
/// upload stores nothing twice).</summary>
public sealed record ImportSummary(ImmutableArray<string> RunIds, int Stored, int AlreadyStored);
