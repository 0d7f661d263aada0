namespace OranTestbed.Fronthaul.Ptp;

/// <summary>PTP messageType (IEEE 1588-2019 §13.3.2.3, Table 36). 4-7 and 0xE-0xF are reserved.</summary>
public enum PtpMessageType : byte
{
    Sync = 0x0,
    DelayReq = 0x1,
    PdelayReq = 0x2,
    PdelayResp = 0x3,
    FollowUp = 0x8,
    DelayResp = 0x9,
    PdelayRespFollowUp = 0xA,
    Announce = 0xB,
    Signaling = 0xC,
    Management = 0xD,
}
