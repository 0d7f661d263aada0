namespace OranTestbed.Plans.Personalities;

/// <summary>
/// How an O-RU's M-plane (its NETCONF server) departs from the O-RAN M-plane specification, for the emulated O-RU's
/// NETCONF server (<c>OranTestbed.Emulation.Mplane</c>). Unlike the fronthaul <see cref="Defect"/>s these are not drawn
/// per opportunity: a declared M-plane defect is always present, so an M-plane test sees it on every session. Kept apart
/// from <see cref="Personality.Defects"/> so the fronthaul emulators and their reports are unchanged by them.
/// Declared in the personality file under <c>defects:</c> with keys <c>mplane-…</c> (testplans/personalities/README.md).
/// </summary>
public sealed record MplaneDefects
{
    public static MplaneDefects None { get; } = new();

    /// <summary><c>mplane-wrong-revision</c>: the o-ran-uplane-conf revision advertised in the hello instead of the served one.</summary>
    public string? WrongUplaneConfRevision { get; init; }

    /// <summary><c>mplane-slow-commit</c>: how long a <c>commit</c> takes before it is answered.</summary>
    public TimeSpan? SlowCommit { get; init; }

    /// <summary><c>mplane-late-ready</c>: how long activated carriers stay BUSY before READY (instead of the emulator's default).</summary>
    public TimeSpan? LateReady { get; init; }

    /// <summary><c>mplane-watchdog-ignored</c>: a missed supervision-watchdog-reset never deactivates the carriers nor ends the session.</summary>
    public bool WatchdogIgnored { get; init; }

    /// <summary><c>mplane-wrong-counters</c>: the fraction (0..1) of the late messages reported in RX_LATE (and RX_LATE_C).</summary>
    public double? RxLateReportedFraction { get; init; }

    /// <summary>True when no M-plane defect is declared.</summary>
    public bool IsNone => this == None;
}
