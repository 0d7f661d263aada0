namespace OranTestbed.Fronthaul.Profiles;

/// <summary>
/// The S-plane time-error limits a profile judges a capture against (profile key <c>s-plane</c>): the two-way time
/// error at the tap, per PTP master clock and domain (see OranTestbed.Analysis <c>SPlane/TimeErrorAnalysis</c>).
/// Each limit is optional; a limit left null is reported but not judged. <see cref="Mask"/> names the built-in mask
/// (<see cref="TimeErrorMasks"/>) the limits were taken from, when one was named.
/// </summary>
public sealed record TimeErrorLimits
{
    /// <summary>Fewest two-way pairs (Sync + Delay_Req/Delay_Resp) for any time-error figure; fewer = INCONCLUSIVE.</summary>
    public const int DefaultMinPairs = 16;

    /// <summary>The built-in mask the limits come from (e.g. <c>g8273.2-class-c</c>), null when set key by key.</summary>
    public string? Mask { get; init; }

    /// <summary>max|TE| of the unfiltered two-way time error, ns.</summary>
    public long? MaxAbsTeNanoseconds { get; init; }

    /// <summary>max|TE_L| of the 0.1 Hz low-pass filtered two-way time error, ns (G.8273.2 class D).</summary>
    public long? MaxAbsLowPassTeNanoseconds { get; init; }

    /// <summary>|cTE|, the time error averaged over <see cref="CteWindowSeconds"/> (or the capture when shorter), ns.</summary>
    public long? CteNanoseconds { get; init; }

    /// <summary>The cTE averaging window (G.8273.2: 1000 s).</summary>
    public double CteWindowSeconds { get; init; } = 1000;

    /// <summary>MTIE mask of the 0.1 Hz low-pass filtered dynamic time error dTE_L.</summary>
    public TimeErrorMask? MtieMask { get; init; }

    /// <summary>TDEV mask of dTE_L.</summary>
    public TimeErrorMask? TdevMask { get; init; }

    public int MinPairs { get; init; } = DefaultMinPairs;

    /// <summary>True when any limit is set: the time error is then judged (else only reported).</summary>
    public bool JudgesAnything => MaxAbsTeNanoseconds is not null || MaxAbsLowPassTeNanoseconds is not null
        || CteNanoseconds is not null || MtieMask is not null || TdevMask is not null;
}
