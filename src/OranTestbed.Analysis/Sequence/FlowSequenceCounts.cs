using OranTestbed.Analysis.Flows;

namespace OranTestbed.Analysis.Sequence;

/// <summary>Sequence counts of one flow: messages received (fragments of one message count once), lost, duplicated, out of order, and fragmented messages left incomplete.</summary>
public sealed record FlowSequenceCounts(FlowKey Flow, long Received, long Lost, long Duplicate, long OutOfOrder,
    long FragmentsIncomplete);
