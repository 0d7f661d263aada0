using System.Collections.Immutable;
using OranTestbed.Plans;
using OranTestbed.Plans.Iot;
using OranTestbed.Plans.Operators;

namespace OranTestbed.Results.Readiness;

/// <summary>
/// The cases that judge a need in a band. A need with <c>mandatory-cases</c> is judged on those. A need without (a
/// cost-first need lists only <c>skip-cases</c>: "only what the spec demands") is judged on the IOT profile's mandatory
/// cases that apply in the band, less the cases it skips.
/// </summary>
internal static class NeedCases
{
    public const string Mandatory = "the need's mandatory cases";

    public static (ImmutableArray<NeedCase> Cases, string From) Of(TestPlan plan, OperatorNeed need, OperatorBand band, BandExpansion expansion)
    {
        if (!need.MandatoryCases.IsEmpty)
        {
            return ([.. need.MandatoryCases.Select(id => Case(plan, id))], Mandatory);
        }

        var cases = plan.Cases
            .Where(c => c.Status == TestCaseStatus.Mandatory && !need.SkipCases.Contains(c.Id) && expansion.CaseExcluded(c.Id) is null)
            .Select(c => new NeedCase(c.Id, c.Requires.OCu));
        string from = $"the mandatory cases of {band.IotProfile} that apply in {band.BandId}"
                      + (need.SkipCases.IsEmpty ? "" : $", less the need's skip-cases ({string.Join(", ", need.SkipCases)})");
        return ([.. cases], from);
    }

    private static NeedCase Case(TestPlan plan, string id) => new(id, plan.FindCase(id)?.Requires.OCu ?? false);
}
