using System.Collections.Immutable;
using OranTestbed.Plans.Iot;

namespace OranTestbed.Plans.Campaigns;

/// <summary>
/// Which cases a campaign runs: every case (<c>cases: all</c>), or the union of cases named, of groups, and of
/// statuses (a case an operator need makes mandatory counts as mandatory for that operator).
/// </summary>
public sealed record CaseSelection(bool All, ImmutableArray<string> Ids, ImmutableArray<TestCaseGroup> Groups,
    ImmutableArray<TestCaseStatus> Statuses)
{
    public static CaseSelection Everything { get; } = new(true, [], [], []);

    /// <summary>True when the case is selected; <paramref name="mandatoryForOperator"/> upgrades its status to mandatory.</summary>
    public bool Selects(TestCase testCase, bool mandatoryForOperator)
    {
        ArgumentNullException.ThrowIfNull(testCase);
        return All || Ids.Contains(testCase.Id) || Groups.Contains(testCase.Group) || Statuses.Contains(testCase.Status)
            || (mandatoryForOperator && Statuses.Contains(TestCaseStatus.Mandatory));
    }
}
