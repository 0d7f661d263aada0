namespace OranTestbed.Analysis.SPlane;

/// <summary>The rates of the G.8275.1 message types of one clock port.</summary>
public sealed record PtpRates(PtpRate Sync, PtpRate FollowUp, PtpRate DelayReq, PtpRate DelayResp, PtpRate Announce);
