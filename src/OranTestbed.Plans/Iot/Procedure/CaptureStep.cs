namespace OranTestbed.Plans.Iot.Procedure;

/// <summary><c>capture</c>: record the fronthaul for a duration (the evidence the analyze step judges).</summary>
public sealed record CaptureStep(TimeSpan Duration) : ProcedureStep
{
    public override StepKind Kind => StepKind.Capture;
}
