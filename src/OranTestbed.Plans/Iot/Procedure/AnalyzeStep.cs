namespace OranTestbed.Plans.Iot.Procedure;

/// <summary><c>analyze</c>: run the fronthaul analyzer over the last capture with the execution's profile.</summary>
public sealed record AnalyzeStep : ProcedureStep
{
    public static AnalyzeStep Instance { get; } = new();

    public override StepKind Kind => StepKind.Analyze;
}
