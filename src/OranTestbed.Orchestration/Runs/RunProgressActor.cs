using Akka.Actor;
using Akka.Event;
using OranTestbed.Orchestration.Campaigns;

namespace OranTestbed.Orchestration.Runs;

/// <summary>The run's listener: projects each durable result into the results store, then tells the observer. A
/// projection that fails is logged and left to the runner's closing pass (the journal has the result).</summary>
internal sealed class RunProgressActor : ReceiveActor
{
    public RunProgressActor(RunRecorder recorder, IRunObserver observer)
    {
        Receive<ExecutionDispatched>(observer.Dispatched);
        ReceiveAsync<ExecutionCompleted>(async completed =>
        {
            try
            {
                await recorder.RecordAsync(completed.Record).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // The store is a projection of the journal: the closing pass records what failed here.
            catch (Exception e)
#pragma warning restore CA1031
            {
                Context.GetLogger().Error(e, "Execution {0} not yet in the results store", completed.Record.ExecutionId);
            }

            observer.Completed(completed);
        });
        Receive<BenchRetired>(observer.BenchRetired);
        Receive<BenchJoined>(observer.BenchJoined);
        Receive<RunCompleted>(_ => { });
    }

    public static Props Props(RunRecorder recorder, IRunObserver observer) =>
        Akka.Actor.Props.Create(() => new RunProgressActor(recorder, observer));
}
