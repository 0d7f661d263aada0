using System.Collections.Immutable;
using OranTestbed.Plans.Campaigns;
using OranTestbed.Plans.Iot;
using OranTestbed.Plans.Iot.Procedure;
using OranTestbed.Plans.Lab;
using OranTestbed.Plans.Operators;

namespace OranTestbed.Plans.Expansion;

/// <summary>
/// Expands a campaign into executions: for each operator profile and each of its bands (as the campaign filters them),
/// every O-DU × O-RU pair of the operator's vendors that can work there (× every compatible O-CU for a case that needs
/// one), times the selected cases that apply, times the repetitions. Whatever the campaign asked for that cannot run is
/// an <see cref="Exclusion"/> with its reason. Compatibility comes from precomputed capability masks: products are
/// checked once per setup, pairs once, and a case on a pair is a few mask operations; reasons are only formatted for
/// what is excluded.
/// </summary>
public static class CampaignExpander
{
    public static CampaignExpansion Expand(TestPlan plan, Campaign campaign)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(campaign);
        var executions = new List<Execution>();
        var exclusions = new List<Exclusion>();
        var cells = ImmutableArray.CreateBuilder<ExpansionCell>();
        var products = campaign.Products.IsEmpty ? null : campaign.Products.ToHashSet(StringComparer.Ordinal);
        var bands = campaign.Bands.IsEmpty ? null : campaign.Bands.ToHashSet(StringComparer.Ordinal);
        var library = DependenciesFirst(plan.Cases);
        var views = plan.Lab.Products.ToDictionary(p => p.Id, p => new ProductView(p), StringComparer.Ordinal);
        foreach (string operatorId in campaign.Operators)
        {
            var op = plan.FindOperator(operatorId) ?? throw new ArgumentException($"the plan has no operator profile {operatorId}", nameof(campaign));
            var mine = plan.Lab.Products
                .Where(p => op.Vendors.Contains(p.VendorId) && (products is null || products.Contains(p.Id)))
                .Select(p => views[p.Id]).ToList();
            var dus = mine.Where(v => v.Product.Role == ProductRole.ODu).ToArray();
            var rus = mine.Where(v => v.Product.Role == ProductRole.ORu).ToArray();
            var cus = mine.Where(v => v.Product.Role == ProductRole.OCu).ToArray();
            var planned = PlanCases(campaign, op, library, exclusions);
            foreach (var operatorBand in op.Bands)
            {
                if (bands is not null && !bands.Contains(operatorBand.BandId))
                {
                    continue;
                }

                var setup = new ExecutionSetup(op, plan.FindBand(operatorBand.BandId)!, plan.FindFronthaulProfile(operatorBand.FronthaulProfile)!,
                    plan.FindIotProfile(operatorBand.IotProfile)!);
                int executionsBefore = executions.Count, exclusionsBefore = exclusions.Count;
                var (pairs, compatible) = ExpandSetup(plan, campaign, setup, planned, dus, rus, cus, executions, exclusions);
                cells.Add(new ExpansionCell(setup.Band.Id, op.Id, setup.IotProfile.Name, executions.Count - executionsBefore, pairs, compatible,
                    exclusions.Count - exclusionsBefore));
            }
        }

        var ordered = campaign.Priorities.IsEmpty
            ? [.. executions]
            : executions.OrderByDescending(e => e.Priority).ToImmutableArray();
        return new CampaignExpansion(campaign, ordered, [.. exclusions], cells.ToImmutable());
    }

    private static (int Pairs, int Compatible) ExpandSetup(TestPlan plan, Campaign campaign, ExecutionSetup setup, List<PlannedCase> planned,
        ProductView[] dus, ProductView[] rus, ProductView[] cus, List<Execution> executions, List<Exclusion> exclusions)
    {
        var rules = new SetupRules(setup);
        string op = setup.Operator.Id, band = setup.Band.Id;
        var cases = new List<CaseView>(planned.Count);
        foreach (var p in planned)
        {
            var view = new CaseView(p);
            var reasons = rules.CaseReasons(view);
            if (reasons.Count > 0)
            {
                exclusions.Add(new Exclusion(ExclusionKind.Case, op, band, null, null, null, p.Id, Join(reasons)));
            }
            else
            {
                cases.Add(view);
            }
        }

        var selected = cases.Select(c => c.Planned.Id).ToHashSet(StringComparer.Ordinal);
        var prerequisites = cases.SelectMany(c => c.Planned.Case.DependsOn).Where(selected.Contains).ToHashSet(StringComparer.Ordinal);
        bool dependencies = prerequisites.Count > 0;
        var duReasons = dus.Select(rules.ProductReasons).ToArray();
        var ruReasons = rus.Select(rules.ProductReasons).ToArray();
        var benches = plan.Lab.Benches;
        int pairs = 0, compatible = 0;
        for (int d = 0; d < dus.Length; d++)
        {
            var du = dus[d];
            for (int r = 0; r < rus.Length; r++)
            {
                var ru = rus[r];
                pairs++;
                var reasons = duReasons[d].Count + ruReasons[r].Count == 0
                    ? rules.PairReasons(du, ru)
                    : [.. duReasons[d], .. ruReasons[r]];
                if (reasons.Count == 0 && !benches.Any(b => b.Hosts(du.Product) && b.Hosts(ru.Product)))
                {
                    reasons.Add(NoBench(benches, du.Product, ru.Product));
                }

                if (reasons.Count > 0)
                {
                    exclusions.Add(new Exclusion(ExclusionKind.Combination, op, band, du.Product.Id, ru.Product.Id, null, null, Join(reasons)));
                    continue;
                }

                compatible++;
                List<ExecutionProducts> pairProducts = [new ExecutionProducts(du.Product, ru.Product, null)];
                (List<ExecutionProducts> Products, string? Reason)? oCus = null;
                Dictionary<string, List<string>?>? done = dependencies ? new(StringComparer.Ordinal) : null;
                foreach (var c in cases)
                {
                    var caseReasons = rules.CaseOnPairReasons(c, du, ru);
                    if (c.Planned.Captures && !benches.Any(b => b.Captures && b.Hosts(du.Product) && b.Hosts(ru.Product)))
                    {
                        (caseReasons ??= []).Add($"no bench hosting {du.Product.Id} and {ru.Product.Id} captures the fronthaul "
                            + "(the case captures; an M-plane bench has no capture interface)");
                    }
                    if (c.NeedsOCu)
                    {
                        oCus ??= CompatibleCus(setup, cus, du, ru, benches);
                        if (oCus.Value.Reason is { } why)
                        {
                            (caseReasons ??= []).Add(why);
                        }
                    }

                    var after = ImmutableArray<string>.Empty;
                    foreach (string prerequisite in c.Planned.Case.DependsOn)
                    {
                        if (done is null || !prerequisites.Contains(prerequisite))
                        {
                            continue;
                        }

                        if (done.GetValueOrDefault(prerequisite) is { } ids)
                        {
                            after = after.AddRange(ids);
                        }
                        else
                        {
                            (caseReasons ??= []).Add($"it runs after {prerequisite}, which is excluded on this combination");
                        }
                    }

                    // Only the executions of cases others depend on are remembered (for their dependents' "after").
                    bool track = done is not null && prerequisites.Contains(c.Planned.Id);
                    if (caseReasons is not null)
                    {
                        exclusions.Add(new Exclusion(ExclusionKind.Execution, op, band, du.Product.Id, ru.Product.Id, null, c.Planned.Id, Join(caseReasons)));
                        if (track)
                        {
                            done!.Add(c.Planned.Id, null);
                        }

                        continue;
                    }

                    var trackedIds = track ? new List<string>() : null;
                    int priority = campaign.Priorities.Of(op, c.Planned.Case);
                    foreach (var products in c.NeedsOCu ? oCus!.Value.Products : pairProducts)
                    {
                        for (int repetition = 1; repetition <= campaign.Repetitions; repetition++)
                        {
                            string id = ExecutionIds.Of(op, band, setup.IotProfile.Name, setup.FronthaulProfile.Name, du.Product.Id,
                                ru.Product.Id, products.OCu?.Id, c.Planned.Id, repetition);
                            executions.Add(new Execution(id, setup, products, c.Planned, repetition, priority,
                                after.IsEmpty ? after : [.. SameRepetition(after, campaign.Repetitions, repetition)]));
                            trackedIds?.Add(id);
                        }
                    }

                    if (track)
                    {
                        done!.Add(c.Planned.Id, trackedIds);
                    }
                }
            }
        }

        return (pairs, compatible);
    }

    /// <summary>The operator's view of the selected cases: thresholds, capture duration, mandatory needs, skips.</summary>
    private static List<PlannedCase> PlanCases(Campaign campaign, OperatorProfile op, List<TestCase> library, List<Exclusion> exclusions)
    {
        var planned = new List<PlannedCase>();
        foreach (var testCase in library)
        {
            var mandatoryBy = op.Needs.Where(n => n.MandatoryCases.Contains(testCase.Id)).Select(n => n.Id).ToImmutableArray();
            if (!campaign.Cases.Selects(testCase, !mandatoryBy.IsEmpty))
            {
                if (!mandatoryBy.IsEmpty)
                {
                    exclusions.Add(new Exclusion(ExclusionKind.Case, op.Id, null, null, null, null, testCase.Id,
                        $"mandatory for {op.Id} (need {string.Join(", ", mandatoryBy)}) but campaign {campaign.Id} does not select it"));
                }

                continue;
            }

            if (op.Needs.FirstOrDefault(n => n.SkipCases.Contains(testCase.Id)) is { } skip)
            {
                exclusions.Add(new Exclusion(ExclusionKind.Case, op.Id, null, null, null, null, testCase.Id,
                    $"{op.Id} skips it (need {skip.Id}, {PlanNames.Of(skip.Kind)})"));
                continue;
            }

            var metrics = OperatorMetrics.For(testCase, op);

            var procedure = testCase.Procedure;
            var expected = testCase.ExpectedDuration;
            if (campaign.CaptureDuration is { } capture)
            {
                foreach (var step in procedure.OfType<CaptureStep>())
                {
                    expected -= step.Duration - capture;
                }

                procedure = [.. procedure.Select(s => s is CaptureStep ? new CaptureStep(capture) : s)];
                expected = expected < capture ? capture : expected;
            }

            planned.Add(new PlannedCase(testCase, metrics, procedure, expected, mandatoryBy));
        }

        return planned;
    }

    private static (List<ExecutionProducts> Products, string? Reason) CompatibleCus(ExecutionSetup setup, ProductView[] cus, ProductView du,
        ProductView ru, ImmutableArray<Bench> benches)
    {
        var fit = new List<ExecutionProducts>();
        var why = new List<string>();
        var duVersions = du.Product.Capabilities.F1apVersions;
        foreach (var cu in cus)
        {
            var cuVersions = cu.Product.Capabilities.F1apVersions;
            if (!cuVersions.Any(duVersions.Contains))
            {
                why.Add($"{cu.Product.Id} speaks F1AP {string.Join("/", cuVersions)}, {du.Product.Id} "
                    + (duVersions.IsEmpty ? "declares no F1AP version" : string.Join("/", duVersions)));
            }
            else if (!benches.Any(b => b.Hosts(du.Product) && b.Hosts(ru.Product) && b.Hosts(cu.Product)))
            {
                why.Add($"no bench hosts {cu.Product.Id} with {du.Product.Id} and {ru.Product.Id}");
            }
            else
            {
                fit.Add(new ExecutionProducts(du.Product, ru.Product, cu.Product));
            }
        }

        return fit.Count > 0 ? (fit, null)
            : (fit, cus.Length == 0
                ? $"the case needs an O-CU and {setup.Operator.Id} has none in the campaign"
                : $"the case needs an O-CU and none fits: {string.Join("; ", why)}");
    }

    private static string NoBench(ImmutableArray<Bench> benches, Product du, Product ru)
    {
        var physical = benches.Where(b => b.Kind == BenchKind.Physical).Select(b => $"{b.Id} has {string.Join(", ", b.Products)}");
        string emulated = du.Driver is EmulatedDriver || ru.Driver is EmulatedDriver
            ? "the emulated bench runs only emulated products"
            : "neither is emulated";
        return $"no bench hosts both {du.Id} and {ru.Id} ({string.Join("; ", physical.Prepend(emulated))})";
    }

    /// <summary>Of the prerequisite executions (all repetitions in order, per O-CU), those of the same repetition.</summary>
    private static IEnumerable<string> SameRepetition(ImmutableArray<string> ids, int repetitions, int repetition)
    {
        for (int i = repetition - 1; i < ids.Length; i += repetitions)
        {
            yield return ids[i];
        }
    }

    /// <summary>The case library with every case after the cases it depends on (stable otherwise; no cycles remain).</summary>
    private static List<TestCase> DependenciesFirst(ImmutableArray<TestCase> cases)
    {
        var byId = cases.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var placed = new HashSet<string>(StringComparer.Ordinal);
        var order = new List<TestCase>(cases.Length);
        foreach (var c in cases)
        {
            Place(c);
        }

        return order;

        void Place(TestCase c)
        {
            if (!placed.Add(c.Id))
            {
                return;
            }

            foreach (string d in c.DependsOn)
            {
                if (byId.TryGetValue(d, out var dependency))
                {
                    Place(dependency);
                }
            }

            order.Add(c);
        }
    }

    private static string Join(List<string> reasons) => string.Join("; ", reasons);
}
