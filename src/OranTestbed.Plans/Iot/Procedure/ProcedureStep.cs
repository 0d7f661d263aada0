namespace OranTestbed.Plans.Iot.Procedure;

/// <summary>
/// One step of a case's procedure, performed in order by the orchestrator's test-run (the derived records hold each
/// step's parameters). In files, a step is its name (<c>- analyze</c>) or a one-key mapping
/// (<c>- capture: {duration: 2s}</c>).
/// </summary>
public abstract record ProcedureStep
{
    public abstract StepKind Kind { get; }
}
