using System.CommandLine;
using System.Globalization;
using OranTestbed.Analysis.Verdicts;
using OranTestbed.Results.Exports;
using OranTestbed.Results.Matrices;
using OranTestbed.Results.Model;
using OranTestbed.Results.OranJson;
using OranTestbed.Results.Store;

namespace OranTestbed.Cli.Commands;

/// <summary>
/// <c>oran-testbed results list|export|import|diff</c> on the results store: list runs; export a run as O-RAN ALLIANCE
/// test-results JSON (with its evidence beside it under <c>artifacts/</c>), JUnit XML, CSV or an HTML report; import an
/// O-RAN results file (validated against the schema: errors name the JSON pointer, nothing is stored); compare two runs,
/// or two software versions of a product (regressions, fixes, newly covered, dropped). Exit codes: 0; 1 when a diff
/// finds regressions; 64 usage or invalid input; 66 no store, run or file; 73 the export could not be written (nothing is left
/// half-written).
/// </summary>
internal static class ResultsCommand
{
    public static Command Create()
    {
        var command = new Command("results", "List, export, import and compare stored results");
        command.Subcommands.Add(List());
        command.Subcommands.Add(Export());
        command.Subcommands.Add(Import());
        command.Subcommands.Add(Diff());
        return command;
    }

    private static Command List()
    {
        var store = new ResultsStoreArguments();
        var command = new Command("list", "The runs in the store");
        store.AddTo(command);
        command.SetAction(async (parse, cancel) =>
        {
            if (await Open(store, parse, "list", cancel).ConfigureAwait(false) is not { } results)
            {
                return ExitCodes.NoInput;
            }

            foreach (var run in await results.ListRunsAsync(cancel).ConfigureAwait(false))
            {
                var executions = await results.ListExecutionsAsync(new ExecutionFilter { RunId = run.RunId }, cancel).ConfigureAwait(false);
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{run.RunId}  {run.CampaignId}  {run.Origin}  {run.StartedAt.UtcDateTime.ToString("u", CultureInfo.InvariantCulture)}  {executions.Length} executions"
                    + $"{(run.Aborted ? "  aborted" : run.FinishedAt is null ? "  running" : string.Empty)}"));
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Export()
    {
        var store = new ResultsStoreArguments();
        var run = new Argument<string>("RUN") { Description = "the run id (results list)" };
        var format = new Option<string>("--format") { DefaultValueFactory = _ => "oran" };
        format.AcceptOnlyFromAmong("oran", "junit", "csv", "html");
        var output = new Option<string>("--out") { Description = "the file to write", Required = true };
        var command = new Command("export", "Export a run: O-RAN results JSON (evidence beside it), JUnit XML, CSV, HTML")
        {
            run, format, output,
        };
        store.AddTo(command);
        command.SetAction(async (parse, cancel) =>
        {
            if (await Open(store, parse, "export", cancel).ConfigureAwait(false) is not { } results)
            {
                return ExitCodes.NoInput;
            }

            string runId = parse.GetRequiredValue(run);
            if (await results.GetRunAsync(runId, cancel).ConfigureAwait(false) is not { } info)
            {
                Console.Error.WriteLine($"oran-testbed results export: no run {runId} in the store");
                return ExitCodes.NoInput;
            }

            var filter = new ExecutionFilter { RunId = runId };
            var executions = await results.ListExecutionsAsync(filter, cancel).ConfigureAwait(false);
            string file = parse.GetRequiredValue(output);
            if (Directory.Exists(file))
            {
                Console.Error.WriteLine($"oran-testbed results export: --out {file} is a directory: give the file to write");
                return ExitCodes.CannotCreate;
            }

            string text = parse.GetRequiredValue(format) switch
            {
                "junit" => JUnitExport.Write(executions),
                "csv" => CsvExport.Write(executions),
                "html" => HtmlReport.Write($"Run {runId}", [info], executions),
                _ => await OranResultsExporter.ExportAsync(results, filter, cancellationToken: cancel).ConfigureAwait(false),
            };
            bool written = false;
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
                await File.WriteAllTextAsync(file, text, cancel).ConfigureAwait(false);
                written = true;
                if (parse.GetRequiredValue(format) == "oran")
                {
                    OranResultsExporter.CopyArtifacts(results, executions, Path.GetDirectoryName(Path.GetFullPath(file))!);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // A document whose evidence is missing, or cut short, must not be uploaded: it is removed.
                bool removed = TryDelete(file);
                Console.Error.WriteLine($"oran-testbed results export: cannot write {(written ? "the evidence of " : string.Empty)}{file}: {ex.Message}"
                    + (removed ? $"; {file} was removed" : string.Empty));
                return ExitCodes.CannotCreate;
            }

            Console.Error.WriteLine($"results export: {executions.Length} executions of {runId} to {file}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Import()
    {
        var store = new ResultsStoreArguments();
        var file = new Argument<string>("FILE") { Description = "an O-RAN ALLIANCE test-results JSON file" };
        var artifacts = new Option<string?>("--artifact-root")
        {
            Description = "the folder the document's artifact paths are relative to (default: the file's folder)",
        };
        var command = new Command("import", "Import an O-RAN ALLIANCE test-results file (validated; all or nothing)") { file, artifacts };
        store.AddTo(command);
        command.SetAction(async (parse, cancel) =>
        {
            string path = parse.GetRequiredValue(file);
            if (!File.Exists(path))
            {
                Console.Error.WriteLine($"oran-testbed results import: {path}: no such file");
                return ExitCodes.NoInput;
            }

            if (store.Resolve(parse, mustExist: false, out var error) is not { } options)
            {
                Console.Error.WriteLine($"oran-testbed results import: {error}");
                return ExitCodes.Usage;
            }

            if (new FileInfo(path).Length > OranResultsImporter.MaxDocumentBytes)
            {
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{path}: the file is {new FileInfo(path).Length:N0} bytes; a results document is at most {OranResultsImporter.MaxDocumentBytes:N0}"));
                return ExitCodes.Usage;
            }

            var results = await ResultsStore.OpenAsync(options, cancel).ConfigureAwait(false);
            try
            {
                var summary = await OranResultsImporter.ImportAsync(results, await File.ReadAllTextAsync(path, cancel).ConfigureAwait(false),
                    parse.GetValue(artifacts) ?? Path.GetDirectoryName(Path.GetFullPath(path)), cancel).ConfigureAwait(false);
                Console.Error.WriteLine($"results import: {summary.Stored} executions stored, {summary.AlreadyStored} already "
                                        + $"stored, runs {string.Join(", ", summary.RunIds)}");
                return ExitCodes.Success;
            }
            catch (ResultsImportException e)
            {
                foreach (var problem in e.Errors)
                {
                    Console.Error.WriteLine(problem.Line > 0 ? $"{path}:{problem}" : $"{path}: {problem}");
                }

                return ExitCodes.Usage;
            }
        });
        return command;
    }

    private static Command Diff()
    {
        var store = new ResultsStoreArguments();
        var before = new Argument<string?>("BEFORE") { Description = "the earlier run", Arity = ArgumentArity.ZeroOrOne };
        var after = new Argument<string?>("AFTER") { Description = "the later run", Arity = ArgumentArity.ZeroOrOne };
        var product = new Option<string?>("--product") { Description = "compare two software versions of this product" };
        var from = new Option<string?>("--from") { Description = "the earlier software version" };
        var to = new Option<string?>("--to") { Description = "the later software version" };
        var command = new Command("diff", "Compare two runs (BEFORE AFTER) or two versions (--product P --from V1 --to V2)")
        {
            before, after, product, from, to,
        };
        store.AddTo(command);
        command.SetAction(async (parse, cancel) =>
        {
            if (await Open(store, parse, "diff", cancel).ConfigureAwait(false) is not { } results)
            {
                return ExitCodes.NoInput;
            }

            ResultsComparison diff;
            if (parse.GetValue(product) is { } id)
            {
                if (parse.GetValue(from) is not { } v1 || parse.GetValue(to) is not { } v2)
                {
                    Console.Error.WriteLine("oran-testbed results diff: --product needs --from and --to versions");
                    return ExitCodes.Usage;
                }

                diff = await ResultsComparison.OfVersionsAsync(results, id, v1, v2, cancel).ConfigureAwait(false);
            }
            else if (parse.GetValue(before) is { } a && parse.GetValue(after) is { } b)
            {
                foreach (string run in new[] { a, b })
                {
                    if (await results.GetRunAsync(run, cancel).ConfigureAwait(false) is null)
                    {
                        Console.Error.WriteLine($"oran-testbed results diff: no run {run} in the store");
                        return ExitCodes.NoInput;
                    }
                }

                diff = ResultsComparison.Compare(
                    await results.ListExecutionsAsync(new ExecutionFilter { RunId = a }, cancel).ConfigureAwait(false),
                    await results.ListExecutionsAsync(new ExecutionFilter { RunId = b }, cancel).ConfigureAwait(false));
            }
            else
            {
                Console.Error.WriteLine("oran-testbed results diff: give two runs, or --product P --from V1 --to V2");
                return ExitCodes.Usage;
            }

            Write(diff);
            return diff.Regressions.IsEmpty ? ExitCodes.Success : ExitCodes.Defects;
        });
        return command;
    }

    private static bool TryDelete(string file)
    {
        try
        {
            if (!File.Exists(file))
            {
                return false;
            }

            File.Delete(file);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static void Write(ResultsComparison diff)
    {
        var o = Console.Out;
        o.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{diff.Regressions.Length} regressions, {diff.Fixes.Length} fixes, {diff.Changed.Length} other changes, "
            + $"{diff.Unchanged} unchanged, {diff.NewlyCovered.Length} newly covered, {diff.Dropped.Length} dropped"));
        foreach (var (title, changes) in new[] { ("REGRESSION", diff.Regressions), ("FIXED", diff.Fixes), ("CHANGED", diff.Changed) })
        {
            foreach (var c in changes)
            {
                o.WriteLine($"  {title} {Test(c.After)}: {c.Before.Outcome.Verdict.ToWireName()} -> {c.After.Outcome.Verdict.ToWireName()}"
                            + (c.After.Outcome.Reasons.IsEmpty ? string.Empty : " (" + c.After.Outcome.Reasons[0] + ")"));
            }
        }

        diff.NewlyCovered.ToList().ForEach(e => o.WriteLine($"  NEW {Test(e)}: {e.Outcome.Verdict.ToWireName()}"));
        diff.Dropped.ToList().ForEach(e => o.WriteLine($"  DROPPED {Test(e)}"));
    }

    private static string Test(ExecutionResult e) =>
        $"{e.Subject.Band}/{e.Subject.OperatorProfile} {e.Subject.Combination} {e.Subject.CaseId}#{e.Subject.Repetition}";

    private static Task<ResultsStore?> Open(ResultsStoreArguments store, ParseResult parse, string verb, CancellationToken cancel) =>
        store.OpenExistingAsync(parse, "results " + verb, Console.Error, cancel);
}
