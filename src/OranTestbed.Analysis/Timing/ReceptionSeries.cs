using System.Collections.Immutable;

namespace OranTestbed.Analysis.Timing;

/// <summary>
/// The analyzer's per-interval tallies of what an O-RU's reception windows judge (<see cref="ReceptionInterval"/>), on a
/// grid of <see cref="IntervalNs"/> aligned to whole multiples of it on the capture clock (1 s: whole seconds of capture
/// time), so they can be set against the O-RU's own rx-window reports (<c>measurement-result-stats</c>). Intervals with
/// no message are left out; the first and last intervals are usually partial (a capture starts and stops mid-second):
/// <see cref="FirstNs"/> and <see cref="LastNs"/> give the span of the C/U-plane messages timed. Only at the O-RU tap:
/// elsewhere <see cref="Intervals"/> is empty and <see cref="NotAvailableReason"/> says why.
/// </summary>
public sealed record ReceptionSeries(long IntervalNs, long? FirstNs, long? LastNs, ImmutableArray<ReceptionInterval> Intervals,
    string? NotAvailableReason)
{
    /// <summary>The default grid: whole seconds of capture time.</summary>
    public const long DefaultIntervalNs = 1_000_000_000;

    public static ReceptionSeries NotAvailable(string reason) => new(DefaultIntervalNs, null, null, [], reason);

    public bool Available => NotAvailableReason is null;
}
