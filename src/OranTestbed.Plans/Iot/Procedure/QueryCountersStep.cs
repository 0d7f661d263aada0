using System.Collections.Immutable;
using OranTestbed.Plans.Lab;

namespace OranTestbed.Plans.Iot.Procedure;

/// <summary><c>query-counters</c>: read named counters or states from a device (its driver's read-counters step).</summary>
public sealed record QueryCountersStep(ProductRole Device, ImmutableArray<string> Counters) : ProcedureStep
{
    public override StepKind Kind => StepKind.QueryCounters;
}
