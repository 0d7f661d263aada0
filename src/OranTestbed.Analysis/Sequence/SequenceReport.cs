using System.Collections.Immutable;

namespace OranTestbed.Analysis.Sequence;

/// <summary>
/// Sequence totals over every flow and the per-flow breakdown (flows in ascending <see cref="Flows.FlowKey.Index"/>
/// order: by eAxC, then C before U, then UL before DL). <see cref="FragmentsIncomplete"/> includes continuation
/// fragments that could not be attributed to a flow (<see cref="UnattributedFragments"/>).
/// </summary>
public sealed record SequenceReport(long Received, long Lost, long Duplicate, long OutOfOrder, long FragmentsIncomplete,
    long UnattributedFragments, ImmutableArray<FlowSequenceCounts> Flows)
{
    public static SequenceReport Empty { get; } = new(0, 0, 0, 0, 0, 0, []);
}
