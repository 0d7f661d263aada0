namespace OranTestbed.Analysis.SPlane;

/// <summary>
/// How <see cref="PtpAnalyzer"/> judges S-plane traffic against ITU-T G.8275.1. Defaults: rates within ±10 % of the
/// profile's (Sync and Delay_Req 16/s, Announce 8/s) with ±25 % for Delay_Req, whose spacing IEEE 1588-2019 §9.5.11.2
/// randomises (linuxptp draws each interval uniformly from 0..2·2^logMinDelayReqInterval, so 4 s of it scatter by
/// about 7 %); a rate is judged only from <see cref="MinimumMessages"/> messages spanning at least
/// <see cref="MinimumSpanNanoseconds"/>, else it is reported as not evaluated.
/// </summary>
public sealed record PtpAnalyzerOptions
{
    public static PtpAnalyzerOptions Default { get; } = new();

    /// <summary>Allowed relative deviation of the Sync and Announce rates (0.10 = ±10 %).</summary>
    public double RateTolerance { get; init; } = 0.10;

    /// <summary>Allowed relative deviation of the Delay_Req rate (randomised spacing, see the type remarks).</summary>
    public double DelayReqRateTolerance { get; init; } = 0.25;

    /// <summary>Fewest messages of one type from one port whose rate is judged.</summary>
    public int MinimumMessages { get; init; } = 8;

    /// <summary>Shortest first-to-last span of one type from one port whose rate is judged.</summary>
    public long MinimumSpanNanoseconds { get; init; } = 1_000_000_000;

    /// <summary>Clocks (source port identity × domain) tracked; messages of further clocks are only counted.</summary>
    public int MaxClocks { get; init; } = 64;

    /// <summary>clockClass changes recorded per clock (all are counted).</summary>
    public int MaxClockClassChanges { get; init; } = 16;

    /// <summary>
    /// A two-step Sync still waiting for its Follow_Up when the traffic ends is not judged when it is the newest and
    /// came within this time of the end of the traffic: the capture stopped between the two.
    /// </summary>
    public long PairingGraceNanoseconds { get; init; } = 100_000_000;
}
