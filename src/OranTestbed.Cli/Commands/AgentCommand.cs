using System.Collections.Immutable;
using System.CommandLine;
using OranTestbed.Orchestration.Cluster;
using OranTestbed.Plans;
using OranTestbed.Plans.Lab;
using OranTestbed.Plans.Yaml;

namespace OranTestbed.Cli.Commands;

/// <summary>
/// <c>oran-testbed agent --join HOST:PORT [--listen HOST:PORT] [--benches B,...] [--plans DIR] [--results DIR]</c>: a
/// bench agent on another lab host. It joins the coordinator's cluster (<c>oran-testbed run --listen HOST:PORT</c>),
/// offers its benches and runs what the coordinator sends, run after run, joining again whenever a coordinator goes
/// away. The agent loads the same plan as the coordinator (execution ids are content hashes; a mismatch is reported).
/// Ctrl+C leaves: executions in flight are aborted, their clean-up runs, and the coordinator re-queues them; a second
/// Ctrl+C exits at once. Exit codes: 0 left, 64 usage or invalid plan, 69 every bench refused by the coordinator.
/// </summary>
internal static class AgentCommand
{
    public static Command Create()
    {
        var join = new Option<string>("--join")
        {
            Description = "HOST:PORT of the coordinator (its run --listen)",
            Required = true,
        };
        var listen = new Option<string>("--listen")
        {
            Description = "HOST:PORT this agent listens on (port 0: any free port); the coordinator must reach it",
            DefaultValueFactory = _ => "127.0.0.1:0",
        };
        var benches = new Option<string[]>("--benches")
        {
            Description = "the benches this host serves (ids of lab/benches.yaml; default: all)",
            AllowMultipleArgumentsPerToken = true,
        };
        var plans = new Option<string>("--plans")
        {
            Description = "the plan directory (the same plan as the coordinator's)",
            DefaultValueFactory = _ => "testplans",
        };
        var results = new Option<string>("--results")
        {
            Description = "where this host keeps its evidence (runs/RUN-ID/)",
            DefaultValueFactory = _ => "results",
        };
        var command = new Command("agent", "Serve this host's benches to a coordinator on another lab host (Akka.Cluster)")
        {
            join, listen, benches, plans, results,
        };
        command.SetAction(async (parse, cancel) =>
        {
            using var loggers = CliLogging.Create(parse);
            return await RunAsync(new AgentOptions(parse.GetRequiredValue(join), parse.GetRequiredValue(listen),
                parse.GetValue(benches) ?? [], parse.GetRequiredValue(plans), parse.GetRequiredValue(results)),
                Console.Error, loggers).ConfigureAwait(false);
        });
        return command;
    }

    internal static async Task<int> RunAsync(AgentOptions options, TextWriter diagnostics,
        Microsoft.Extensions.Logging.ILoggerFactory loggers)
    {
        if (File.Exists(options.Results))
        {
            diagnostics.WriteLine($"oran-testbed agent: --results {options.Results} is a file, not a results folder");
            return ExitCodes.CannotCreate;
        }

        if (ClusterEndpoint.TryParse(options.Join, out var joinError) is not { Port: > 0 } coordinator)
        {
            diagnostics.WriteLine($"oran-testbed agent: --join {joinError ?? "needs the coordinator's port"}");
            return ExitCodes.Usage;
        }

        if (ClusterEndpoint.TryParse(options.Listen, out var listenError) is not { } self)
        {
            diagnostics.WriteLine($"oran-testbed agent: --listen {listenError}");
            return ExitCodes.Usage;
        }

        TestPlan plan;
        try
        {
            plan = TestPlanLoader.Load(options.Plans);
        }
        catch (PlanValidationException ex)
        {
            foreach (var error in ex.Errors)
            {
                diagnostics.WriteLine(error.ToString());
            }

            return ExitCodes.Usage;
        }

        var unknown = options.Benches.Where(b => plan.Lab.Benches.All(x => x.Id != b)).ToList();
        if (unknown.Count > 0)
        {
            diagnostics.WriteLine($"oran-testbed agent: no bench {string.Join(", ", unknown)}; the lab has "
                                  + string.Join(", ", plan.Lab.Benches.Select(b => b.Id)));
            return ExitCodes.Usage;
        }

        ImmutableArray<Bench> served = options.Benches.Length == 0
            ? plan.Lab.Benches
            : [.. plan.Lab.Benches.Where(b => options.Benches.Contains(b.Id))];
        if (served.Any(b => b.Kind == BenchKind.Physical) && LibpcapRequirement.Check("agent", diagnostics) is { } missing)
        {
            return missing;
        }

        diagnostics.WriteLine($"agent: serving {string.Join(", ", served.Select(b => b.Id))}; joining the coordinator at "
                              + $"{coordinator}; evidence in {Path.GetFullPath(options.Results)}");
        using var leave = new CancellationTokenSource();
        int interrupts = 0;
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            if (Interlocked.Increment(ref interrupts) == 1)
            {
                e.Cancel = true;
                diagnostics.WriteLine("interrupted: leaving (executions in flight are aborted and re-queued by the "
                                      + "coordinator); Ctrl+C again to quit at once");
                leave.Cancel();
            }
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            var request = new AgentRequest(coordinator, self, plan, served, options.Results);
            using var progress = new AgentProgress(diagnostics, coordinator.ToString());
            var end = await AgentRunner.RunAsync(request, progress, loggers, leave.Token).ConfigureAwait(false);
            diagnostics.WriteLine($"agent: {end.Reason}");
            return leave.IsCancellationRequested ? ExitCodes.Success : ExitCodes.Unavailable;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }
}

internal sealed record AgentOptions(string Join, string Listen, string[] Benches, string Plans, string Results);
