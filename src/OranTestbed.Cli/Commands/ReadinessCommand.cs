using System.CommandLine;
using OranTestbed.Plans;
using OranTestbed.Plans.Yaml;
using OranTestbed.Results.Model;
using OranTestbed.Results.Readiness;

namespace OranTestbed.Cli.Commands;

/// <summary>
/// <c>oran-testbed readiness --operator ID [--band B] [--format table|json] [--plans DIR] [--results DIR|--postgres CS
/// --artifacts DIR]</c>: for each need of the operator profile in each of its bands, every candidate combination of the
/// lab: READY, NOT READY (case, metric, versions), NOT TESTED (the cases without a result) or INCOMPATIBLE (why). Exit
/// codes: 0, 64 usage, invalid plan, unknown operator or band, 66 no plan directory or no store.
/// </summary>
internal static class ReadinessCommand
{
    public static Command Create()
    {
        var store = new ResultsStoreArguments();
        var op = new Option<string>("--operator") { Description = "the operator profile (testplans/operators/ID.yaml)", Required = true };
        var band = new Option<string?>("--band") { Description = "only this band of the operator" };
        var plans = new Option<string>("--plans") { Description = "the plan directory", DefaultValueFactory = _ => "testplans" };
        var format = new Option<string>("--format") { DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var command = new Command("readiness", "Which combinations an operator can deploy, per need and band, from the results store")
        {
            op, band, plans, format,
        };
        store.AddTo(command);
        command.SetAction(async (parse, cancel) =>
        {
            string directory = parse.GetRequiredValue(plans), operatorId = parse.GetRequiredValue(op);
            if (!Directory.Exists(directory))
            {
                Console.Error.WriteLine($"oran-testbed readiness: {directory}: no such plan directory");
                return ExitCodes.NoInput;
            }

            TestPlan plan;
            try
            {
                plan = TestPlanLoader.Load(directory);
            }
            catch (PlanValidationException e)
            {
                e.Errors.ToList().ForEach(x => Console.Error.WriteLine(x.ToString()));
                return ExitCodes.Usage;
            }

            if (Unknown(plan, operatorId, parse.GetValue(band)) is { } error)
            {
                Console.Error.WriteLine($"oran-testbed readiness: {error}");
                return ExitCodes.Usage;
            }

            if (await store.OpenExistingAsync(parse, "readiness", Console.Error, cancel).ConfigureAwait(false) is not { } results)
            {
                return ExitCodes.NoInput;
            }

            var runs = (await results.ListRunsAsync(cancel).ConfigureAwait(false)).Select(r => r.RunId).ToList();
            // The latest result of each execution per set of versions tested, kept by the store (an older release's
            // results count after a newer one's run), not the operator's whole history.
            var executions = await results.ListExecutionsAsync(
                new ExecutionFilter { OperatorProfile = operatorId, Band = parse.GetValue(band), LatestPerVersions = true }, cancel)
                .ConfigureAwait(false);
            var readiness = OperatorReadiness.Build(plan, operatorId, parse.GetValue(band), executions, runs);
            if (parse.GetRequiredValue(format) == "json")
            {
                Console.Out.Write(ReadinessFormats.Json(readiness));
            }
            else
            {
                ReadinessTable.Write(Console.Out, readiness);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Why the operator or band cannot be shown (naming the ones there are); null when both exist.</summary>
    private static string? Unknown(TestPlan plan, string operatorId, string? band)
    {
        if (plan.FindOperator(operatorId) is not { } op)
        {
            return $"no operator profile {operatorId} in {plan.Root} (there are {string.Join(", ", plan.Operators.Select(o => o.Id))})";
        }

        return band is not null && op.Bands.All(b => b.BandId != band)
            ? $"{op.Id} has no band {band} (it has {string.Join(", ", op.Bands.Select(b => b.BandId))})"
            : null;
    }
}
