using OranTestbed.Fronthaul.Profiles;
using OranTestbed.Plans.Personalities;

namespace OranTestbed.Emulation.Reports;

/// <summary>
/// The analyzer rule each defect makes the analyzer report (ids of OranTestbed.Analysis RuleCatalogue, which this
/// project does not reference), at the tap where the traffic is observed.
/// </summary>
public static class DefectFindings
{
    public static string RuleId(DefectKind kind, NodeRole node, CaptureTap tap) => kind switch
    {
        DefectKind.SequenceGaps => "SEQ-LOST",
        DefectKind.Duplicates => "SEQ-DUPLICATE",
        DefectKind.LateBursts => (node, tap) switch
        {
            (NodeRole.Du, CaptureTap.Ru) => "TIMING-T2A-UP-LATE",
            (NodeRole.Du, _) => "TIMING-T1A-UP-LATE",
            (_, CaptureTap.Ru) => "TIMING-TA3-LATE",
            _ => "TIMING-TA4-LATE",
        },
        DefectKind.WrongUdCompHdr => "COMP-PROFILE-MISMATCH",
        DefectKind.PrbsBeyondCarrier => node == NodeRole.Du ? "CPLANE-PRB-BEYOND-CARRIER" : "UPLANE-PRB-BEYOND-CARRIER",
        DefectKind.MissingCPlane => "UPLANE-ORPHAN",
        DefectKind.WrongEaxcSplit => "CPLANE-UNANSWERED",
        DefectKind.ClockClassDegradation => "PTP-CLOCK-CLASS-CHANGE",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
