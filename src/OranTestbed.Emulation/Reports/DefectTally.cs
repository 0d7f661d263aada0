using System.Collections.Immutable;
using OranTestbed.Plans.Personalities;

namespace OranTestbed.Emulation.Reports;

/// <summary>
/// What one declared defect did in an emulation. <see cref="Count"/> is in the unit of the analyzer finding it causes
/// (<see cref="ExpectedRuleId"/>): ids skipped, messages late or duplicated, sections, clockClass changes;
/// <see cref="Events"/> counts the injections themselves (gaps, bursts, withheld messages, degradations).
/// <see cref="Examples"/> keeps the first injections (at most <see cref="MaxExamples"/>).
/// </summary>
public sealed record DefectTally(DefectKind Kind, NodeRole Node, string ExpectedRuleId, long Count, long Events,
    ImmutableArray<DefectExample> Examples)
{
    public const int MaxExamples = 1000;
}
