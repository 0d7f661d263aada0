namespace OranTestbed.Plans.Iot.Procedure;

/// <summary><c>start-traffic</c>: user-plane load in a direction, as a fraction of the carrier's capacity (0..1).</summary>
public sealed record StartTrafficStep(TrafficDirection Direction, decimal Load) : ProcedureStep
{
    public override StepKind Kind => StepKind.StartTraffic;
}
