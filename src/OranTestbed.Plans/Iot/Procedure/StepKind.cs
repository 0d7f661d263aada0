namespace OranTestbed.Plans.Iot.Procedure;

/// <summary>The steps an orchestrator performs for a case (names in files in kebab case: <c>start-traffic</c>...).</summary>
public enum StepKind
{
    Configure,
    StartTraffic,
    Capture,
    Analyze,
    QueryCounters,
    StopTraffic,
    Wait,
    WaitFor,
    Impair,
    MPlane,
}
