using System.Collections.Immutable;
using OranTestbed.Fronthaul.Profiles;

namespace OranTestbed.Analysis.Timing;

/// <summary>
/// The timing part of a report: the tap, the four windows that apply there (each checked or not, with the reason), the
/// messages whose frameId disagrees with their timestamp and those whose air time could not be computed (fields out of
/// range for the numerology, timestamp outside 1972..2199). Without a tap <see cref="Windows"/> is empty and
/// <see cref="NotCheckedReason"/> says why.
/// </summary>
public sealed record TimingReport(CaptureTap? Tap, string? NotCheckedReason, ImmutableArray<WindowReport> Windows,
    long FrameIdMismatch, long Unresolved)
{
    public static TimingReport NotChecked(string reason) => new(null, reason, [], 0, 0);

    /// <summary>How many messages could be placed in air time, how many not, and the clock fix to suggest.</summary>
    public TimingPlacement Placement { get; init; } = TimingPlacement.None;

    /// <summary>What the O-RU's reception windows judged, per interval of the capture (only at the O-RU tap).</summary>
    public ReceptionSeries Reception { get; init; } = ReceptionSeries.NotAvailable("the timing windows were not checked");

    /// <summary>Messages judged against a checked window (early, on time or late).</summary>
    public long Judged
    {
        get
        {
            long judged = 0;
            foreach (var window in Windows)
            {
                judged += window.Checked ? window.Offsets.Total : 0;
            }

            return judged;
        }
    }
}
