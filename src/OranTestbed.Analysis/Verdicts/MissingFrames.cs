using OranTestbed.Analysis.Rules;

namespace OranTestbed.Analysis.Verdicts;

/// <summary>
/// The findings a capture's own missing frames can cause: a dropped frame is a lost sequence number (and, once the 8-bit
/// sequence wraps, a duplicate or a reordering), a C-plane without its U-plane or the reverse, a PTP message stream that
/// looks too slow or gapped, a fragment without its rest. When the capture dropped frames these are INCONCLUSIVE, not
/// the equipment's fault; every other finding (a malformed frame, a captured message that was late) still FAILs.
/// </summary>
public static class MissingFrames
{
    private static readonly HashSet<Rule> Explainable =
    [
        RuleCatalogue.SeqLost,
        RuleCatalogue.SeqDuplicate,
        RuleCatalogue.SeqOutOfOrder,
        RuleCatalogue.SeqFragmentIncomplete,
        RuleCatalogue.CPlaneUnanswered,
        RuleCatalogue.UPlaneOrphan,
        RuleCatalogue.PtpSyncRate,
        RuleCatalogue.PtpDelayReqRate,
        RuleCatalogue.PtpAnnounceRate,
        RuleCatalogue.PtpSequenceGap,
        RuleCatalogue.PtpSyncWithoutFollowUp,
        RuleCatalogue.PtpFollowUpWithoutSync,
    ];

    /// <summary>True when frames missing from the capture can by themselves produce hits of <paramref name="rule"/>.</summary>
    public static bool CanExplain(Rule rule) => Explainable.Contains(rule);
}
