using OranTestbed.Analysis.Verdicts;

namespace OranTestbed.Results.Model;

/// <summary>
/// One metric of an execution: where it was measured (<c>analyzer</c>, <c>o-ru-counters</c>...), the value in
/// <see cref="Unit"/> (one of <see cref="Units"/>; null when nothing could be measured), the threshold as written, the
/// verdict it gives and a note saying why when it is not a plain comparison.
/// </summary>
public sealed record MetricRecord(string Id, string Source, string Unit, decimal? Measured, string Threshold, Verdict Verdict)
{
    public string? Note { get; init; }
}
