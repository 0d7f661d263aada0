using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Akka.Actor;
using Microsoft.Extensions.Logging.Abstractions;
using OranTestbed.Benchmarks.Reporting;
using OranTestbed.Orchestration.Benches;
using OranTestbed.Orchestration.Campaigns;
using OranTestbed.Orchestration.Capture;
using OranTestbed.Orchestration.Devices;
using OranTestbed.Orchestration.Hosting;
using OranTestbed.Orchestration.TestRuns;
using OranTestbed.Plans;
using OranTestbed.Plans.Expansion;
using OranTestbed.Plans.Lab;

namespace OranTestbed.Benchmarks.Orchestration;

/// <summary>
/// <c>schedule [--executions N] [--benches B]</c>: the orchestrator's own cost per execution. N executions of a no-op
/// case (no steps, no metrics; devices that answer at once) go through the whole actor path — persistent coordinator
/// with its SQLite journal (one durable event per result), bench actors, a test-run actor per attempt, the procedure
/// runner with open/close of both devices — and the wall time to the closed run is divided by N.
/// </summary>
public static class SchedulingOverhead
{
    public static int Run(string[] args)
    {
        int executions = Option(args, "--executions", 10_000);
        int benchCount = Option(args, "--benches", 4);
        var root = Repository.Root;
        var (plan, campaign) = TestPlanLoader.LoadCampaign(Path.Combine(root, "testplans", "campaigns", "demo.yaml"));
        var template = CampaignExpander.Expand(plan, campaign).Executions[0];
        var noOp = template.Case with { Procedure = [], Metrics = [], ExpectedDuration = TimeSpan.FromSeconds(1) };
        var work = Enumerable.Range(0, executions)
            .Select(i => template with { Id = i.ToString("x16", CultureInfo.InvariantCulture), Case = noOp, After = [] })
            .ToImmutableArray();
        var benches = Enumerable.Range(0, benchCount)
            .Select(i => new Bench($"b{i}", null, BenchKind.Emulated, [], null, null)).ToImmutableArray();
        var folder = Path.Combine(Path.GetTempPath(), "oran-testbed-schedule-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        using var host = OrchestrationHost.Build(Path.Combine(folder, "journal.db"), NullLoggerFactory.Instance);
        host.StartAsync().GetAwaiter().GetResult();
        try
        {
            var system = host.ActorSystem();
            var settings = new CoordinatorSettings(folder, new NoOpEquipment(), new TestRunSettings(), NullLoggerFactory.Instance);
            var coordinator = system.ActorOf(CampaignCoordinatorActor.Props("schedule", settings));
            var clock = Stopwatch.StartNew();
            var completed = coordinator.Ask<RunCompleted>(
                new StartRun("schedule", "schedule", "h", work, benches, ActorRefs.Nobody), TimeSpan.FromHours(1))
                .GetAwaiter().GetResult();
            clock.Stop();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{completed.Records.Length} no-op executions on {benchCount} benches in {clock.Elapsed.TotalSeconds:0.00} s: "
                + $"{clock.Elapsed.TotalMilliseconds * 1000 / executions:0} µs per execution, {executions / clock.Elapsed.TotalSeconds:0} executions/s "
                + $"(journal {new FileInfo(Path.Combine(folder, "journal.db")).Length / 1024} KiB)"));
            return completed.Records.Length == executions ? 0 : 1;
        }
        finally
        {
            host.StopAsync().GetAwaiter().GetResult();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static int Option(string[] args, string name, int fallback)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private sealed class NoOpEquipment : IBenchEquipment
    {
        public BenchSession Prepare(Bench bench, Execution execution, string evidenceDirectory) =>
            new(new NoOpDriver(execution.Products.ODu), new NoOpDriver(execution.Products.ORu), null, new NoTap());
    }

    private sealed class NoOpDriver(Product product) : IDeviceDriver
    {
        public Product Product { get; } = product;

        public Task OpenAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task ConfigureAsync(DeviceSetup setup, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<DeviceCounters> ReadCountersAsync(CancellationToken cancellationToken) => Task.FromResult(DeviceCounters.None);

        public Task CloseAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<DeviceHealth> CheckHealthAsync(CancellationToken cancellationToken) => Task.FromResult(DeviceHealth.Ok);
    }

    private sealed class NoTap : IFronthaulTap
    {
        public Task<CaptureResult> CaptureAsync(CaptureRequest request, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("the no-op case captures nothing");
    }
}
