using OranTestbed.Fronthaul.Profiles;

namespace OranTestbed.Emulation.Reports;

/// <summary>
/// What an emulated O-RU counted on reception: early / on time / late per T2a window (DL C-plane, UL C-plane,
/// DL U-plane), every C/U-plane message received, those on an eAxC it does not serve (dropped, not classified) and
/// those it could not decode, and those so far from their air time (over 20 ms) that their frameId does not match
/// (<see cref="FarOff"/>, not classified, as the analyzer's TIMING-FRAMEID-MISMATCH). The orchestrator compares these
/// with the analyzer's window counts at the O-RU tap.
/// </summary>
public sealed record ReceptionCounters(WindowCounters T2aCpDl, WindowCounters T2aCpUl, WindowCounters T2aUp,
    long Received, long UnknownEaxc, long Corrupt)
{
    /// <summary>Messages over 20 ms from their air time, not classified.</summary>
    public long FarOff { get; init; }

    public static ReceptionCounters Empty { get; } = new(new(DelayWindow.T2aCpDl, false, 0, 0, 0),
        new(DelayWindow.T2aCpUl, false, 0, 0, 0), new(DelayWindow.T2aUp, false, 0, 0, 0), 0, 0, 0);

    /// <summary>The counters of one of the three reception windows.</summary>
    public WindowCounters For(DelayWindow window) => window switch
    {
        DelayWindow.T2aCpDl => T2aCpDl,
        DelayWindow.T2aCpUl => T2aCpUl,
        DelayWindow.T2aUp => T2aUp,
        _ => throw new ArgumentOutOfRangeException(nameof(window), window, "an O-RU receives in T2a windows"),
    };
}
