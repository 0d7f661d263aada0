using System.Collections.Immutable;
using OranTestbed.Plans.Iot;
using OranTestbed.Plans.Iot.Procedure;

namespace OranTestbed.Plans.Expansion;

/// <summary>
/// A case as one operator runs it in one campaign: the metrics with the operator's thresholds, the procedure with the
/// campaign's capture duration, the resulting expected duration, and the needs that make it mandatory for the operator.
/// Shared by every execution of the case for that operator.
/// </summary>
public sealed record PlannedCase(TestCase Case, ImmutableArray<Metric> Metrics, ImmutableArray<ProcedureStep> Procedure,
    TimeSpan ExpectedDuration, ImmutableArray<string> MandatoryByNeeds)
{
    public string Id => Case.Id;

    /// <summary>True when the procedure captures the fronthaul (a bench without a tap cannot run it).</summary>
    public bool Captures => Procedure.Any(step => step is Iot.Procedure.CaptureStep);

    /// <summary>Mandatory by the IOT specification or by one of the operator's needs.</summary>
    public bool IsMandatory => Case.Status == TestCaseStatus.Mandatory || !MandatoryByNeeds.IsEmpty;
}
