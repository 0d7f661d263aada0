using OranTestbed.Analysis.Verdicts;
using OranTestbed.Results.Model;

namespace OranTestbed.Server.Api.Contracts;

/// <summary>A metric: source, measured value in its unit (null when nothing was measured), threshold, verdict, note.</summary>
public sealed record MetricDto(string Id, string Source, string Unit, decimal? Measured, string Threshold, string Verdict, string? Note)
{
    public static MetricDto Of(MetricRecord m)
    {
        ArgumentNullException.ThrowIfNull(m);
        return new MetricDto(m.Id, m.Source, m.Unit, m.Measured, m.Threshold, m.Verdict.ToWireName(), m.Note);
    }
}
