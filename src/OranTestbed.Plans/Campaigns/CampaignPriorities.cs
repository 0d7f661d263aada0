using System.Collections.Immutable;
using OranTestbed.Plans.Iot;

namespace OranTestbed.Plans.Campaigns;

/// <summary>
/// Priorities of a campaign's executions: the sum of the weights of its operator profile, case and group (0 when not
/// listed); higher runs first, ties keep the expansion order.
/// </summary>
public sealed record CampaignPriorities(ImmutableSortedDictionary<string, int> Operators, ImmutableSortedDictionary<string, int> Cases,
    ImmutableSortedDictionary<TestCaseGroup, int> Groups)
{
    public static CampaignPriorities None { get; } = new(
        ImmutableSortedDictionary<string, int>.Empty.WithComparers(StringComparer.Ordinal),
        ImmutableSortedDictionary<string, int>.Empty.WithComparers(StringComparer.Ordinal),
        ImmutableSortedDictionary<TestCaseGroup, int>.Empty);

    public bool IsEmpty => Operators.IsEmpty && Cases.IsEmpty && Groups.IsEmpty;

    public int Of(string operatorId, TestCase testCase)
    {
        ArgumentNullException.ThrowIfNull(testCase);
        return Operators.GetValueOrDefault(operatorId) + Cases.GetValueOrDefault(testCase.Id) + Groups.GetValueOrDefault(testCase.Group);
    }
}
