using OranTestbed.Emulation.Reports;

namespace OranTestbed.Emulation.Mplane;

/// <summary>
/// The O-RU's reception-window counters (o-ran-performance-management rx-window objects) for one measurement interval:
/// U-plane messages on time, early, late; C-plane (the <c>_C</c> objects); corrupt, duplicated, and all received.
/// </summary>
public readonly record struct RxWindowCounts(long OnTime, long Early, long Late, long OnTimeC, long EarlyC, long LateC,
    long Corrupt, long Duplicated, long Total)
{
    /// <summary>The value of one measurement object (RX_ON_TIME …), or null for one the O-RU does not count.</summary>
    public long? Of(string measurementObject) => measurementObject switch
    {
        "RX_ON_TIME" => OnTime,
        "RX_EARLY" => Early,
        "RX_LATE" => Late,
        "RX_ON_TIME_C" => OnTimeC,
        "RX_EARLY_C" => EarlyC,
        "RX_LATE_C" => LateC,
        "RX_CORRUPT" => Corrupt,
        "RX_DUPL" => Duplicated,
        "RX_TOTAL" => Total,
        _ => null,
    };

    /// <summary>The counters of an emulated O-RU's reception (<see cref="ReceptionCounters"/>, cumulative): U-plane in the
    /// T2a up window, C-plane in the DL and UL T2a windows.</summary>
    public static RxWindowCounts From(ReceptionCounters counters)
    {
        ArgumentNullException.ThrowIfNull(counters);
        var up = counters.T2aUp;
        var cpDl = counters.T2aCpDl;
        var cpUl = counters.T2aCpUl;
        return new RxWindowCounts(up.OnTime, up.Early, up.Late, cpDl.OnTime + cpUl.OnTime, cpDl.Early + cpUl.Early,
            cpDl.Late + cpUl.Late, counters.Corrupt, 0, counters.Received);
    }

    /// <summary>
    /// What the O-RU reports of these counts: all of them, or with a <c>mplane-wrong-counters</c> defect only the share
    /// <paramref name="lateReported"/> (0..1) of RX_LATE and RX_LATE_C (RX_TOTAL stays true). The one place the defect
    /// is applied, for the M-plane server's reports and the emulated bench's alike.
    /// </summary>
    public RxWindowCounts ReportedWith(double? lateReported) => lateReported is { } fraction
        ? this with { Late = (long)(Late * fraction), LateC = (long)(LateC * fraction) }
        : this;

    public static RxWindowCounts Subtract(RxWindowCounts a, RxWindowCounts b) => a - b;

    public static RxWindowCounts operator -(RxWindowCounts a, RxWindowCounts b) =>
        new(a.OnTime - b.OnTime, a.Early - b.Early, a.Late - b.Late, a.OnTimeC - b.OnTimeC, a.EarlyC - b.EarlyC,
            a.LateC - b.LateC, a.Corrupt - b.Corrupt, a.Duplicated - b.Duplicated, a.Total - b.Total);
}
