namespace OranTestbed.Plans.Iot.Procedure;

/// <summary><c>wait-for</c>: wait until a device state is reached; the execution fails when the timeout passes first.</summary>
public sealed record WaitForStep(DeviceState State, TimeSpan Timeout) : ProcedureStep
{
    public override StepKind Kind => StepKind.WaitFor;
}
