using System.CommandLine;
using OranTestbed.Plans;
using OranTestbed.Plans.Expansion;
using OranTestbed.Plans.Yaml;
using OranTestbed.Results.Matrices;
using OranTestbed.Results.Model;
using OranTestbed.Results.Store;

namespace OranTestbed.Cli.Commands;

/// <summary>
/// <c>oran-testbed matrix [--band B] [--operator O] [--ocu C|none] [--run RUN] [--campaign FILE [--plans DIR]]
/// [--format table|html|csv|json] [--results DIR|--postgres CS --artifacts DIR]</c>: the interoperability matrices
/// from the results store, the latest result of each execution across runs (or one run's); with a campaign, NOT RUN
/// and INCOMPATIBLE cells too. Exit codes: 0, 64 usage or invalid campaign, 66 no store.
/// </summary>
internal static class MatrixCommand
{
    public static Command Create()
    {
        var store = new ResultsStoreArguments();
        var band = new Option<string?>("--band") { Description = "only this band" };
        var op = new Option<string?>("--operator") { Description = "only this operator profile" };
        var ocu = new Option<string?>("--ocu") { Description = "only combinations with this O-CU ('none': without one)" };
        var run = new Option<string?>("--run") { Description = "only this run's results (default: the latest of every run)" };
        var campaign = new Option<string?>("--campaign") { Description = "a campaign file: show its NOT RUN and INCOMPATIBLE cells" };
        var plans = new Option<string?>("--plans") { Description = "the campaign's plan directory" };
        var format = new Option<string>("--format") { DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "html", "csv", "json");
        var command = new Command("matrix", "Interoperability matrices per band × operator profile from the results store")
        {
            band, op, ocu, run, campaign, plans, format,
        };
        store.AddTo(command);
        command.SetAction(async (parse, cancel) =>
        {
            MatrixPlan? plan = null;
            if (parse.GetValue(campaign) is { } file)
            {
                try
                {
                    var (loaded, c) = TestPlanLoader.LoadCampaign(file, parse.GetValue(plans));
                    var expansion = CampaignExpander.Expand(loaded, c);
                    plan = MatrixPlan.Of(expansion, expansion.Executions);
                }
                catch (PlanValidationException e)
                {
                    e.Errors.ToList().ForEach(x => Console.Error.WriteLine(x.ToString()));
                    return ExitCodes.Usage;
                }
            }

            if (await store.OpenExistingAsync(parse, "matrix", Console.Error, cancel).ConfigureAwait(false) is not { } results)
            {
                return ExitCodes.NoInput;
            }

            var runs = (await results.ListRunsAsync(cancel).ConfigureAwait(false)).Select(r => r.RunId).ToList();
            // The latest result of each execution (kept by the store as results are recorded), or one run's results:
            // what the matrices judge, read by their filters, never the whole history.
            string? runId = parse.GetValue(run);
            var executions = await results.ListExecutionsAsync(new ExecutionFilter
            {
                RunId = runId, LatestOnly = runId is null, Band = parse.GetValue(band), OperatorProfile = parse.GetValue(op),
                OCu = parse.GetValue(ocu),
            }, cancel).ConfigureAwait(false);
            var matrices = InteropMatrix.Build(executions, runs,
                new MatrixQuery { Band = parse.GetValue(band), OperatorProfile = parse.GetValue(op), OCu = parse.GetValue(ocu) }, plan);
            switch (parse.GetRequiredValue(format))
            {
                case "json":
                    Console.Out.Write(MatrixFormats.Json(matrices));
                    break;
                case "csv":
                    Console.Out.Write(MatrixFormats.Csv(matrices));
                    break;
                case "html":
                    Console.Out.Write(MatrixFormats.Html("Interoperability matrices", matrices));
                    break;
                default:
                    MatrixTable.Write(Console.Out, matrices);
                    break;
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
