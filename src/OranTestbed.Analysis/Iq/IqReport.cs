using System.Collections.Immutable;

namespace OranTestbed.Analysis.Iq;

/// <summary>
/// IQ statistics (issue 3 §3, <c>--iq</c>): per eAxC and direction, ordered by eAxC then DL before UL.
/// <see cref="Enabled"/> is false (and <see cref="PerFlow"/> empty) when the analyzer was not asked to decompress.
/// </summary>
public sealed record IqReport(bool Enabled, ImmutableArray<IqFlowReport> PerFlow)
{
    public static IqReport Disabled { get; } = new(false, []);
}
