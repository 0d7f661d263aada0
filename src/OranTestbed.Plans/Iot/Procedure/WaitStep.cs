namespace OranTestbed.Plans.Iot.Procedure;

/// <summary><c>wait</c>: let a fixed time pass (e.g. in holdover).</summary>
public sealed record WaitStep(TimeSpan Duration) : ProcedureStep
{
    public override StepKind Kind => StepKind.Wait;
}
