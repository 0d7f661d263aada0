using OranTestbed.Plans.Lab;

namespace OranTestbed.Orchestration.Devices;

/// <summary>A driver whose steps declare their own timeouts (a command-line driver's <c>timeout:</c>): the test run
/// waits that long (plus a grace for the kill) instead of its default step timeout.</summary>
public interface IStepTimeouts
{
    TimeSpan? TimeoutOf(LifecycleStep lifecycleStep);
}
