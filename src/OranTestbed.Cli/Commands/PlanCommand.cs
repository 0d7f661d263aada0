using System.CommandLine;
using System.Globalization;
using OranTestbed.Analysis;
using OranTestbed.Analysis.Verdicts;
using OranTestbed.Plans;
using OranTestbed.Plans.Expansion;
using OranTestbed.Plans.Iot;
using OranTestbed.Plans.Yaml;

namespace OranTestbed.Cli.Commands;

/// <summary>
/// <c>oran-testbed plan validate DIR</c> and <c>oran-testbed plan expand CAMPAIGN [--format table|json] [--plans DIR]</c>.
/// Exit codes: 0 valid (expanded), 64 the plan is invalid (every error printed as file:line:column: key: message) or
/// the command line is wrong, 66 the directory or campaign file does not exist.
/// </summary>
internal static class PlanCommand
{
    public static Command Create()
    {
        var directory = new Argument<string>("DIR") { Description = "the plan directory (testplans/)" };
        var validate = new Command("validate",
            "Validate every plan file of a directory (lab, bands, IOT profiles and cases, fronthaul profiles, operators, "
            + "campaigns): all errors with file:line:column; exit 0 when valid, 64 when not")
        {
            directory,
        };
        validate.SetAction(parse => Validate(parse.GetRequiredValue(directory), Console.Out, Console.Error));

        var campaign = new Argument<string>("CAMPAIGN") { Description = "a campaign file (testplans/campaigns/*.yaml)" };
        var format = new Option<PlanFormat>("--format")
        {
            Description = "table (counts per band × operator profile and the exclusions) or json (every execution and exclusion)",
            DefaultValueFactory = _ => PlanFormat.Table,
        };
        var plans = new Option<string?>("--plans")
        {
            Description = "the plan directory (default: the parent of the campaign's campaigns/ folder)",
        };
        var expand = new Command("expand",
            "Expand a campaign into executions (stable ids) and exclusions (with reasons); exit 0, or 64 when the plan is invalid")
        {
            campaign, format, plans,
        };
        expand.SetAction(parse => Expand(parse.GetRequiredValue(campaign), parse.GetValue(format), parse.GetValue(plans),
            Console.Out, Console.Error));
        return new Command("plan", "Test plans (testplans/): validate them, expand campaigns") { validate, expand };
    }

    internal static int Validate(string directory, TextWriter output, TextWriter diagnostics)
    {
        if (!Directory.Exists(directory))
        {
            diagnostics.WriteLine($"oran-testbed plan validate: {directory}: no such directory");
            return ExitCodes.NoInput;
        }

        TestPlan plan;
        try
        {
            plan = TestPlanLoader.Load(directory);
        }
        catch (PlanValidationException ex)
        {
            return Errors(diagnostics, "plan validate", ex);
        }

        // What the plan's own loader cannot know: the analyzer's rule catalogue and metric ids.
        var unusable = UnusableProfiles(plan).ToList();
        if (unusable.Count > 0)
        {
            foreach (string problem in unusable)
            {
                diagnostics.WriteLine(problem);
            }

            diagnostics.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"oran-testbed plan validate: {unusable.Count} error(s) in the plan"));
            return ExitCodes.Usage;
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{directory}: ok: {plan.Lab.Vendors.Length} vendors, {plan.Lab.Products.Length} products, {plan.Lab.Benches.Length} benches, "
            + $"{plan.Bands.Length} bands, {plan.IotProfiles.Length} IOT profiles, {plan.Cases.Length} cases, "
            + $"{plan.FronthaulProfiles.Length} fronthaul profiles, {plan.Operators.Length} operator profiles, {plan.Campaigns.Length} campaigns"));
        foreach (string note in UnmeasuredMetrics(plan))
        {
            output.WriteLine(note);
        }

        foreach (var campaign in plan.Campaigns)
        {
            var expansion = CampaignExpander.Expand(plan, campaign);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"campaign {campaign.Id}: {expansion.Executions.Length} executions, {expansion.Exclusions.Length} exclusions"));
        }

        return ExitCodes.Success;
    }

    /// <summary>Profiles whose rule-severity choices name no rule of the analyzer's catalogue.</summary>
    private static IEnumerable<string> UnusableProfiles(TestPlan plan)
    {
        foreach (var profile in plan.FronthaulProfiles)
        {
            if (FronthaulAnalyzer.ProfileError(profile.Profile) is { } error)
            {
                yield return $"profile {profile.Profile.Name}: {error}";
            }
        }
    }

    /// <summary>Analyzer metrics a case names that the analyzer does not measure (yet): said up front, since every
    /// execution of such a case will be INCONCLUSIVE on them.</summary>
    private static IEnumerable<string> UnmeasuredMetrics(TestPlan plan) =>
        from testCase in plan.Cases
        from metric in testCase.Metrics
        where metric.Source == MetricSource.Analyzer && !AnalyzerMetrics.IsKnown(metric.Id)
        select $"note: case {testCase.Id}: metric '{metric.Id}' (source analyzer) is not measured by the analyzer: its executions will be INCONCLUSIVE on it";

    internal static int Expand(string campaignFile, PlanFormat format, string? plans, TextWriter output, TextWriter diagnostics)
    {
        if (!File.Exists(campaignFile))
        {
            diagnostics.WriteLine($"oran-testbed plan expand: {campaignFile}: no such file");
            return ExitCodes.NoInput;
        }

        if (plans is not null && !Directory.Exists(plans))
        {
            diagnostics.WriteLine($"oran-testbed plan expand: {plans}: no such directory");
            return ExitCodes.NoInput;
        }

        CampaignExpansion expansion;
        try
        {
            var (plan, campaign) = TestPlanLoader.LoadCampaign(campaignFile, plans);
            expansion = CampaignExpander.Expand(plan, campaign);
        }
        catch (PlanValidationException ex)
        {
            return Errors(diagnostics, "plan expand", ex);
        }

        if (format == PlanFormat.Json)
        {
            output.WriteLine(ExpansionJson.ToJson(expansion));
        }
        else
        {
            PlanTable.Write(output, expansion);
        }

        return ExitCodes.Success;
    }

    private static int Errors(TextWriter diagnostics, string command, PlanValidationException exception)
    {
        foreach (var error in exception.Errors)
        {
            diagnostics.WriteLine($"{error}");
        }

        diagnostics.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"oran-testbed {command}: {exception.Errors.Length} error(s) in the plan"));
        return ExitCodes.Usage;
    }
}
