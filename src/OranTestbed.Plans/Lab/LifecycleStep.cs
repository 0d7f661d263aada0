namespace OranTestbed.Plans.Lab;

/// <summary>
/// The device lifecycle an orchestrator drives (OpenTAP's resource shape): open a session, configure for a fronthaul
/// profile, start and stop the carrier, read counters, close; health is polled between executions.
/// </summary>
public enum LifecycleStep
{
    Open,
    Configure,
    Start,
    Stop,
    ReadCounters,
    Close,
    Health,
}
