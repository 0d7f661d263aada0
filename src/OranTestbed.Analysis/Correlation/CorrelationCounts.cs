namespace OranTestbed.Analysis.Correlation;

/// <summary>
/// C/U-plane correlation counts, for all traffic or one eAxC. DL: every DL U-plane section is covered, an orphan, or not
/// evaluated (its slot lost C-plane sections to the per-slot bound, or its C-plane may precede the start of the capture,
/// <see cref="DlNotEvaluatedAtStart"/>); <c>DlUplaneSections = DlCovered + DlOrphans +
/// DlNotEvaluated</c>. UL: every UL C-plane section is answered, an orphan, or not evaluated (its answer could still come
/// after the end of the capture, or it did not fit the per-slot bound); <c>UlCplaneSections = UlAnswered + UlOrphans +
/// UlNotEvaluated</c>.
/// </summary>
public sealed record CorrelationCounts(long DlUplaneSections, long DlCovered, long DlOrphans, long DlNotEvaluated,
    long UlCplaneSections, long UlAnswered, long UlOrphans, long UlNotEvaluated)
{
    public static CorrelationCounts Zero { get; } = new(0, 0, 0, 0, 0, 0, 0, 0);

    /// <summary>
    /// The DL sections of <see cref="DlNotEvaluated"/> whose slot has no C-plane in the capture and which came so soon
    /// after its start that their C-plane may have been sent before it (the mirror of the UL sections whose answer could
    /// come after the end).
    /// </summary>
    public long DlNotEvaluatedAtStart { get; init; }

    /// <summary>Sections of either direction that were not judged.</summary>
    public long NotEvaluated => DlNotEvaluated + UlNotEvaluated;
}
