using System.Collections.Immutable;
using System.CommandLine;
using System.Globalization;
using OranTestbed.Analysis.Verdicts;
using OranTestbed.Orchestration.Campaigns;
using OranTestbed.Orchestration.Cluster;
using OranTestbed.Orchestration.Emulated;
using OranTestbed.Orchestration.Results;
using OranTestbed.Orchestration.Runs;
using OranTestbed.Plans;
using OranTestbed.Plans.Expansion;
using OranTestbed.Plans.Lab;
using OranTestbed.Plans.Yaml;
using OranTestbed.Results.Matrices;
using OranTestbed.Results.Model;
using OranTestbed.Results.Store;

namespace OranTestbed.Cli.Commands;

/// <summary>
/// <c>oran-testbed run CAMPAIGN [--benches B,...] [--resume RUN-ID] [--only-failed RUN-ID] [--results DIR]
/// [--listen HOST:PORT [--bench-wait D]]</c>: expands the campaign and runs every execution on the lab's benches through
/// the orchestrator, and with <c>--listen</c> also on the benches of agents that join (<c>oran-testbed agent</c>); progress on standard error,
/// the matrix per band × operator profile on standard output. Ctrl+C aborts gracefully (clean-up runs, results kept,
/// the run is marked aborted and can be resumed); a second Ctrl+C exits at once. Exit codes: 0 all pass, 1 any fail,
/// 2 inconclusive, errors, aborted or not run; 64 usage or invalid plan; 66 missing campaign or run; 75 the run is owned
/// by another process (still running, or being resumed).
/// </summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var campaign = new Argument<string>("CAMPAIGN") { Description = "a campaign file (testplans/campaigns/*.yaml)" };
        var benches = new Option<string[]>("--benches")
        {
            Description = "run only on these benches (ids of testplans/lab/benches.yaml)",
            AllowMultipleArgumentsPerToken = true,
        };
        var resume = new Option<string?>("--resume") { Description = "resume this run: only what had not finished runs" };
        var onlyFailed = new Option<string?>("--only-failed")
        {
            Description = "a new run of the executions that did not pass in this run",
        };
        var results = new Option<string>("--results")
        {
            Description = "results folder (journal.db, runs/RUN-ID/)",
            DefaultValueFactory = _ => "results",
        };
        var plans = new Option<string?>("--plans") { Description = "the plan directory (default: the campaign's)" };
        var listen = new Option<string?>("--listen")
        {
            Description = "HOST:PORT where bench agents on other lab hosts join (oran-testbed agent --join HOST:PORT)",
        };
        var benchWait = new Option<string>("--bench-wait")
        {
            Description = "with --listen: how long an execution that no bench can host waits for an agent's bench",
            DefaultValueFactory = _ => "60s",
        };
        AcceptOnlyRunIds(resume);
        AcceptOnlyRunIds(onlyFailed);
        var command = new Command("run", "Run a campaign on the lab's benches (emulated equipment by default)")
        {
            campaign, benches, resume, onlyFailed, results, plans, listen, benchWait,
        };
        command.SetAction(async (parse, cancel) =>
        {
            using var loggers = CliLogging.Create(parse);
            return await RunAsync(new RunOptions(parse.GetRequiredValue(campaign), parse.GetValue(benches) ?? [],
                parse.GetValue(resume), parse.GetValue(onlyFailed), parse.GetRequiredValue(results), parse.GetValue(plans))
            {
                Listen = parse.GetValue(listen),
                BenchWait = parse.GetRequiredValue(benchWait),
            }, Console.Out, Console.Error, loggers).ConfigureAwait(false);
        });
        return command;
    }

    internal static async Task<int> RunAsync(RunOptions options, TextWriter output, TextWriter diagnostics,
        Microsoft.Extensions.Logging.ILoggerFactory loggers)
    {
        if (!File.Exists(options.Campaign))
        {
            diagnostics.WriteLine($"oran-testbed run: {options.Campaign}: no such campaign file");
            return ExitCodes.NoInput;
        }

        if (File.Exists(options.Results))
        {
            diagnostics.WriteLine($"oran-testbed run: --results {options.Results} is a file, not a results folder");
            return ExitCodes.CannotCreate;
        }

        TestPlan plan;
        CampaignExpansion expansion;
        try
        {
            var (loaded, campaign) = TestPlanLoader.LoadCampaign(options.Campaign, options.Plans);
            plan = loaded;
            expansion = CampaignExpander.Expand(plan, campaign);
        }
        catch (PlanValidationException ex)
        {
            foreach (var error in ex.Errors)
            {
                diagnostics.WriteLine(error.ToString());
            }

            return ExitCodes.Usage;
        }

        var benches = plan.Lab.Benches;
        if (options.Benches.Length > 0)
        {
            var unknown = options.Benches.Where(b => benches.All(x => x.Id != b)).ToList();
            if (unknown.Count > 0)
            {
                diagnostics.WriteLine($"oran-testbed run: no bench {string.Join(", ", unknown)}; the lab has "
                                      + string.Join(", ", benches.Select(b => b.Id)));
                return ExitCodes.Usage;
            }

            benches = [.. benches.Where(b => options.Benches.Contains(b.Id))];
        }

        // Emulated benches write and judge their captures without libpcap; a physical bench captures through it.
        if (benches.Any(b => b.Kind == BenchKind.Physical) && LibpcapRequirement.Check("run", diagnostics) is { } missing)
        {
            return missing;
        }

        var executions = expansion.Executions;
        string runId;
        if (options.OnlyFailed is { } previous)
        {
            var store = await ResultsStore.OpenSqliteAsync(Path.Combine(options.Results, "results.db")).ConfigureAwait(false);
            if (await store.GetRunAsync(previous).ConfigureAwait(false) is null)
            {
                diagnostics.WriteLine($"oran-testbed run: no run {previous} in {options.Results}");
                return ExitCodes.NoInput;
            }

            var again = (await store.ListExecutionsAsync(new ExecutionFilter { RunId = previous }).ConfigureAwait(false))
                .Where(r => r.Outcome.Verdict != Verdict.Pass).Select(r => r.ExecutionId).ToHashSet(StringComparer.Ordinal);
            executions = [.. executions.Where(e => again.Contains(e.Id))];
            runId = NewRunId(expansion.Campaign.Id) + "-retry";
        }
        else
        {
            runId = options.Resume ?? NewRunId(expansion.Campaign.Id);
            if (options.Resume is not null && !Directory.Exists(Path.Combine(options.Results, "runs", options.Resume)))
            {
                diagnostics.WriteLine($"oran-testbed run: no run {options.Resume} in {options.Results}");
                return ExitCodes.NoInput;
            }
        }

        CoordinatorCluster? cluster = null;
        if (options.Listen is not null)
        {
            if (ClusterEndpoint.TryParse(options.Listen, out var endpointError) is not { Port: > 0 } listen)
            {
                diagnostics.WriteLine($"oran-testbed run: --listen {endpointError ?? "needs a fixed port for agents to join"}");
                return ExitCodes.Usage;
            }

            if (!AnalyzeDuration.TryParse(options.BenchWait, out var wait))
            {
                diagnostics.WriteLine($"oran-testbed run: --bench-wait '{options.BenchWait}' is not a duration (e.g. 60s, 5m)");
                return ExitCodes.Usage;
            }

            cluster = new CoordinatorCluster(listen, plan.Lab.Benches, wait);
        }

        var request = new RunRequest(runId, expansion, executions, benches, new LabEquipment(plan, loggers), options.Results)
        {
            Campaign = CampaignSource.FromFile(options.Campaign),
            Cluster = cluster,
        };
        diagnostics.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"run {runId}: {executions.Length} executions of campaign {expansion.Campaign.Id} on {benches.Length} bench(es)"
            + $"{(cluster is null ? string.Empty : $" and the agents joining at {cluster.Listen}")}; results in {request.RunFolder}"));
        var progress = new RunProgress(diagnostics, executions.Length, benches.Select(b => b.Id).ToImmutableArray());
        using var abort = new CancellationTokenSource();
        int interrupts = 0;
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            if (Interlocked.Increment(ref interrupts) == 1)
            {
                e.Cancel = true;
                diagnostics.WriteLine("interrupted: aborting (clean-up runs, results are kept); Ctrl+C again to quit at once");
                abort.Cancel();
            }
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            RunCompleted completed;
            try
            {
                completed = await CampaignRunner.RunAsync(request, progress, loggers, abort.Token).ConfigureAwait(false);
            }
            catch (RunOwnedException owned)
            {
                diagnostics.WriteLine($"oran-testbed run: {owned.Message}");
                return ExitCodes.TemporaryFailure;
            }
            catch (RunStorageException full)
            {
                return StoppedForStorage(diagnostics, full.Message, runId);
            }

            if (completed.StorageFault is { } storage)
            {
                return StoppedForStorage(diagnostics, $"{request.RunFolder}: the testbed's storage is full ({storage})", runId);
            }

            if (completed.Refused is { } refused)
            {
                diagnostics.WriteLine($"oran-testbed run: {refused}");
                return ExitCodes.Usage;
            }

            var store = await ResultsStore.OpenSqliteAsync(request.ResultsFile).ConfigureAwait(false);
            var results = await store.ListExecutionsAsync(new ExecutionFilter { RunId = runId }).ConfigureAwait(false);
            MatrixTable.Write(output, InteropMatrix.Build(results, [runId], plan: MatrixPlan.Of(expansion, executions)));
            var verdict = RunVerdict.Of(completed);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"run {runId}: {Analysis.Verdicts.VerdictExtensions.ToWireName(verdict)}{(completed.Aborted ? " (aborted; resume with --resume " + runId + ")" : string.Empty)}; "
                + $"{completed.Records.Count(r => r.Verdict == Analysis.Verdicts.Verdict.Pass)} pass, "
                + $"{completed.Records.Count(r => r.Verdict == Analysis.Verdicts.Verdict.Fail)} fail, "
                + $"{completed.Records.Count(r => r.Verdict is Analysis.Verdicts.Verdict.Inconclusive)} inconclusive, "
                + $"{completed.Records.Count(r => r.Verdict is Analysis.Verdicts.Verdict.Error)} error, "
                + $"{completed.NotRun.Length} not run, {completed.Records.Count(r => r.Flaky)} flaky; summary {Path.Combine(request.RunFolder, "summary.json")}"));
            return RunVerdict.ExitCode(completed);
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    /// <summary>The run stopped because its journal, results or evidence could not be written: one line, what is kept and
    /// how to go on, exit 73.</summary>
    private static int StoppedForStorage(TextWriter diagnostics, string what, string runId)
    {
        diagnostics.WriteLine($"oran-testbed run: {what}; the run stopped and keeps every result recorded before: make "
                              + $"room and resume it with --resume {runId}");
        return ExitCodes.CannotCreate;
    }

    /// <summary>A run id becomes a folder name (RESULTS/runs/RUN-ID): refuse '..', separators and the like while parsing.</summary>
    private static void AcceptOnlyRunIds(Option<string?> option) =>
        option.Validators.Add(result =>
        {
            if (result.GetValue(option) is { } id && !RunIds.IsValid(id))
            {
                result.AddError($"{option.Name}: {RunIds.Invalid(id)}");
            }
        });

    private static string NewRunId(string campaign) =>
        $"{campaign}-{DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}";
}

internal sealed record RunOptions(string Campaign, string[] Benches, string? Resume, string? OnlyFailed, string Results,
    string? Plans)
{
    /// <summary>HOST:PORT where agents join; null runs on local benches only.</summary>
    public string? Listen { get; init; }

    public string BenchWait { get; init; } = "60s";
}
