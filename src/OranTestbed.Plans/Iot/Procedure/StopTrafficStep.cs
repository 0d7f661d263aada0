namespace OranTestbed.Plans.Iot.Procedure;

/// <summary><c>stop-traffic</c>.</summary>
public sealed record StopTrafficStep : ProcedureStep
{
    public static StopTrafficStep Instance { get; } = new();

    public override StepKind Kind => StepKind.StopTraffic;
}
