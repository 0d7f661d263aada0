using Akka.Actor;
using Microsoft.Extensions.Logging;
using OranTestbed.Orchestration.Campaigns;

namespace OranTestbed.Orchestration.Runs;

/// <summary>The run's listener: projects each durable result into the results store, then tells the observer. A
/// projection that fails is logged and left to the runner's closing pass (the journal has the result). The store write
/// is piped back to the actor (<see cref="Projected"/>) and the rest of the mailbox waits in the stash meanwhile, so the
/// observer hears of everything in the coordinator's order and actor state is never touched off the actor's thread.</summary>
internal sealed class RunProgressActor : ReceiveActor, IWithStash
{
    private readonly RunRecorder _recorder;
    private readonly IRunObserver _observer;
    private readonly ILogger _logger;

    public RunProgressActor(RunRecorder recorder, IRunObserver observer, ILogger logger)
    {
        _recorder = recorder;
        _observer = observer;
        _logger = logger;
        Ready();
    }

    public IStash Stash { get; set; } = null!;

    public static Props Props(RunRecorder recorder, IRunObserver observer, ILogger logger) =>
        Akka.Actor.Props.Create(() => new RunProgressActor(recorder, observer, logger));

    private void Ready()
    {
        Receive<ExecutionDispatched>(_observer.Dispatched);
        Receive<ExecutionCompleted>(Handle);
        Receive<BenchRetired>(_observer.BenchRetired);
        Receive<BenchJoined>(_observer.BenchJoined);
        Receive<RunCompleted>(_ => { });
    }

    /// <summary>A store write in flight: everything else waits its turn.</summary>
    private void Projecting()
    {
        Receive<Projected>(Handle);
        ReceiveAny(_ => Stash.Stash());
    }

    private void Handle(ExecutionCompleted completed)
    {
        _recorder.RecordAsync(completed.Record).PipeTo(Self,
            success: () => new Projected(completed, null),
            failure: e => new Projected(completed, e));
        Become(Projecting);
    }

    private void Handle(Projected projected)
    {
        if (projected.Failure is { } failure)
        {
            OrchestrationLog.ProjectionFailed(_logger, projected.Completed.Record.ExecutionId, projected.Completed.RunId, failure);
        }

        _observer.Completed(projected.Completed);
        Become(Ready);
        Stash.UnstashAll();
    }

    /// <summary>The store write of <paramref name="Completed"/> ended (<paramref name="Failure"/> if it failed).</summary>
    private sealed record Projected(ExecutionCompleted Completed, Exception? Failure);
}
