using Akka.Actor;
using OranTestbed.Orchestration.Campaigns;
using OranTestbed.Orchestration.Results;

namespace OranTestbed.Orchestration.Runs;

/// <summary>The run's listener: projects each durable result into the results store, then tells the observer.</summary>
internal sealed class RunProgressActor : ReceiveActor
{
    public RunProgressActor(RunResultsStore store, IRunObserver observer)
    {
        Receive<ExecutionDispatched>(observer.Dispatched);
        Receive<ExecutionCompleted>(completed =>
        {
            store.Record(completed.Record);
            observer.Completed(completed);
        });
        Receive<BenchRetired>(observer.BenchRetired);
        Receive<BenchJoined>(observer.BenchJoined);
        Receive<RunCompleted>(_ => { });
    }

    public static Props Props(RunResultsStore store, IRunObserver observer) =>
        Akka.Actor.Props.Create(() => new RunProgressActor(store, observer));
}
