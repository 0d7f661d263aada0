namespace OranTestbed.Analysis.SPlane;

/// <summary>
/// Rate of one message type from one clock port: (count − 1) / (last − first capture time).
/// <see cref="ExpectedPerSecond"/> is the G.8275.1 rate (null: the profile fixes none, e.g. Follow_Up, Delay_Resp);
/// <see cref="Evaluated"/> says whether it was judged, and <see cref="Reason"/> why not.
/// </summary>
public sealed record PtpRate(long Count, double? PerSecond, double? ExpectedPerSecond, bool Evaluated, string? Reason)
{
    /// <summary>True when judged and outside the tolerance.</summary>
    public bool OutOfTolerance { get; init; }
}
