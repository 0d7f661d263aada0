using OranTestbed.Orchestration.Campaigns;

namespace OranTestbed.Orchestration.Runs;

/// <summary>Progress of a run as it happens (called on an actor thread, one call at a time).</summary>
public interface IRunObserver
{
    void Dispatched(ExecutionDispatched dispatched);

    void Completed(ExecutionCompleted completed);

    void BenchRetired(BenchRetired retired);

    void BenchJoined(BenchJoined joined);
}
