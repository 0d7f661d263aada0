using Akka.Actor;
using Microsoft.Extensions.Logging;
using OranTestbed.Analysis.Verdicts;
using OranTestbed.Orchestration.Campaigns;
using OranTestbed.Orchestration.Runs;
using OranTestbed.Orchestration.Tests.Support;
using OranTestbed.Results.Store;
using OranTestbed.TestSupport;

namespace OranTestbed.Orchestration.Tests.Runs;

public sealed class RunProgressActorSpecs : AkkaSpec
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "oran-testbed-tests", "run-progress", Guid.NewGuid().ToString("N"));

    [TearDown]
    public void DeleteFolder() => TempFolders.Delete(_folder);

    [Test]
    public async Task RunProgressActor_must_log_a_projection_that_fails_after_an_await_and_still_tell_the_observer()
    {
        var execution = DemoPlan.Executions[0];
        var request = new RunRequest("run-1", DemoPlan.Expanded, DemoPlan.Executions, [DemoPlan.EmulatedBench("a")],
            ScriptedEquipment.Clean(), _folder);
        var recorder = new RunRecorder(await ResultsStore.OpenSqliteAsync(request.ResultsFile), request);
        await recorder.BeginAsync();
        var pass = new ExecutionRecord(execution.Id, Verdict.Pass, 1, false, [], "a", TimeSpan.FromSeconds(1),
            Path.Combine("executions", execution.Id)) { Evidence = ["capture.pcap"] };
        Directory.CreateDirectory(Path.Combine(request.RunFolder, pass.AttemptFolder));
        await File.WriteAllBytesAsync(Path.Combine(request.RunFolder, pass.AttemptFolder, "capture.pcap"), new byte[256 * 1024]);
        await recorder.RecordAsync(pass);
        // A different result of the same execution: the store refuses it after its (truly asynchronous) evidence copy.
        var conflicting = pass with { Verdict = Verdict.Fail, Reasons = ["something else"] };
        using var logs = new RecordingLoggerProvider();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(logs));
        var observer = new ProbeObserver(CreateTestProbe());
        var progress = Sys.ActorOf(RunProgressActor.Props(recorder, observer, loggers.CreateLogger<RunProgressActor>()));

        progress.Tell(new ExecutionCompleted("run-1", conflicting, 1, 1));
        progress.Tell(new BenchRetired("run-1", "a", "done"));

        observer.Probe.ExpectMsg<ExecutionCompleted>(c => c.Record.ExecutionId == execution.Id, TimeSpan.FromSeconds(10));
        observer.Probe.ExpectMsg<BenchRetired>(TimeSpan.FromSeconds(5));
        Assert.That(logs.Entries.Where(e => e.Event.Id == 1306).Select(e => e.Message),
            Has.One.Contains($"Execution {execution.Id} not yet in the results store"));
    }

    private sealed class ProbeObserver(Akka.TestKit.TestProbe probe) : IRunObserver
    {
        public Akka.TestKit.TestProbe Probe { get; } = probe;

        public void Dispatched(ExecutionDispatched dispatched) => Probe.Ref.Tell(dispatched);

        public void Completed(ExecutionCompleted completed) => Probe.Ref.Tell(completed);

        public void BenchRetired(BenchRetired retired) => Probe.Ref.Tell(retired);

        public void BenchJoined(BenchJoined joined) => Probe.Ref.Tell(joined);
    }
}
