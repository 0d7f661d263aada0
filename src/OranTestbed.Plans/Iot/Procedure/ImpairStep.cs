namespace OranTestbed.Plans.Iot.Procedure;

/// <summary><c>impair</c>: inject an impairment; the shifts take a signed offset.</summary>
public sealed record ImpairStep(ImpairmentKind Action, TimeSpan? Offset) : ProcedureStep
{
    public override StepKind Kind => StepKind.Impair;
}
