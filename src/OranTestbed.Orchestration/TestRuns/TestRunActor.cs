using System.Diagnostics.CodeAnalysis;
using Akka.Actor;
using Microsoft.Extensions.Logging;
using OranTestbed.Orchestration.Benches;
using OranTestbed.Orchestration.Runs;
using OranTestbed.Plans.Lab;

namespace OranTestbed.Orchestration.TestRuns;

/// <summary>
/// One attempt of one execution: prepares the bench's equipment, runs the procedure off the actor thread
/// (<see cref="ProcedureRunner"/>, result piped back), enforces the execution timeout and forwards an abort as a
/// cancellation. Answers exactly one <see cref="AttemptFinished"/>, then stops.
/// </summary>
[SuppressMessage("Design", "CA1001", Justification = "The cancellation source is disposed in PostStop, the actor's end.")]
public sealed class TestRunActor : ReceiveActor, IWithTimers
{
    private const string TimeoutKey = "execution-timeout";

    private readonly Bench _bench;
    private readonly IBenchEquipment _equipment;
    private readonly TestRunSettings _settings;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _abort = new();
    private StartAttempt? _attempt;
    private string? _timedOut;

    public TestRunActor(Bench bench, IBenchEquipment equipment, TestRunSettings settings, ILogger logger)
    {
        _bench = bench;
        _equipment = equipment;
        _settings = settings;
        _logger = logger;
        Receive<StartAttempt>(Handle);
        Receive<AbortExecution>(_ => _abort.Cancel());
        Receive<ExecutionTimedOut>(Handle);
        Receive<ProcedureDone>(Handle);
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(Bench bench, IBenchEquipment equipment, TestRunSettings settings, ILogger logger) =>
        Akka.Actor.Props.Create(() => new TestRunActor(bench, equipment, settings, logger));

    protected override void PostStop()
    {
        _abort.Dispose();
        base.PostStop();
    }

    private void Handle(StartAttempt start)
    {
        _attempt = start;
        var execution = start.Execution;
        var limit = _settings.ExecutionTimeout(execution.Case.ExpectedDuration);
        Timers.StartSingleTimer(TimeoutKey, new ExecutionTimedOut(limit), limit);
        BenchSession session;
        try
        {
            session = _equipment.Prepare(_bench, execution, start.EvidenceDirectory);
        }
#pragma warning disable CA1031 // Equipment that cannot be prepared is an ERROR of this execution, not a crash.
        catch (Exception e)
#pragma warning restore CA1031
        {
            Self.Tell(new ProcedureDone(ExecutionOutcome.Error(
                $"bench {_bench.Id} could not prepare its equipment: {e.Message}", TimeSpan.Zero, deviceFault: true)));
            return;
        }

        var runner = new ProcedureRunner(_settings, _logger);
        runner.RunAsync(execution, _bench, session, start.EvidenceDirectory, _abort.Token)
            .PipeTo(Self, success: outcome => new ProcedureDone(outcome),
                failure: e => new ProcedureDone(ExecutionOutcome.Error($"the test run broke: {e.Message}", TimeSpan.Zero, false)
                    with { StorageFault = StorageFault.Of(e) }));
    }

    private void Handle(ExecutionTimedOut timedOut)
    {
        _timedOut = $"the execution did not finish within {timedOut.Limit.TotalSeconds:0.#} s";
        _abort.Cancel();
    }

    private void Handle(ProcedureDone done)
    {
        var outcome = done.Outcome;
        if (_timedOut is not null)
        {
            // The abort was ours: the verdict is an ERROR of the execution, not a user abort.
            outcome = outcome with
            {
                Verdict = Analysis.Verdicts.Verdict.Error,
                Reasons = [_timedOut, .. outcome.Reasons],
                DeviceFault = true,
            };
        }

        _attempt!.ReplyTo.Tell(new AttemptFinished(_attempt.Execution.Id, _attempt.Attempt, outcome));
        Context.Stop(Self);
    }

    private sealed record ExecutionTimedOut(TimeSpan Limit);

    private sealed record ProcedureDone(ExecutionOutcome Outcome);
}
