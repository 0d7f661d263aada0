using OranTestbed.Analysis.Flows;

namespace OranTestbed.Analysis;

/// <summary>
/// Where an O-RAN message sits in the traffic: its frame (number, capture timestamp in ns), its flow and its eCPRI
/// sequence fields. Built once per C-plane or U-plane message by <see cref="FronthaulAnalyzer"/> and handed to every
/// per-message check; the timing, correlation and IQ components take the same context.
/// </summary>
public readonly record struct MessageContext(long FrameNumber, long TimestampNanoseconds, FlowKey Flow, byte SequenceId,
    bool EBit, byte SubsequenceId);
