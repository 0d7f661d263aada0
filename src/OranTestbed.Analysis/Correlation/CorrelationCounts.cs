namespace OranTestbed.Analysis.Correlation;

/// <summary>
/// C/U-plane correlation counts, for all traffic or one eAxC. DL: every DL U-plane section is covered, an orphan, or not
/// evaluated (its slot lost C-plane sections to the per-slot bound); <c>DlUplaneSections = DlCovered + DlOrphans +
/// DlNotEvaluated</c>. UL: every UL C-plane section is answered, an orphan, or not evaluated (its answer could still come
/// after the end of the capture, or it did not fit the per-slot bound); <c>UlCplaneSections = UlAnswered + UlOrphans +
/// UlNotEvaluated</c>.
/// </summary>
public sealed record CorrelationCounts(long DlUplaneSections, long DlCovered, long DlOrphans, long DlNotEvaluated,
    long UlCplaneSections, long UlAnswered, long UlOrphans, long UlNotEvaluated)
{
    public static CorrelationCounts Zero { get; } = new(0, 0, 0, 0, 0, 0, 0, 0);

    /// <summary>Sections of either direction that were not judged.</summary>
    public long NotEvaluated => DlNotEvaluated + UlNotEvaluated;
}
