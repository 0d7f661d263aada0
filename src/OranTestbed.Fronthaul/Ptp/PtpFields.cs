namespace OranTestbed.Fronthaul.Ptp;

/// <summary>
/// PTP v2 common header and message bodies (IEEE 1588-2019 §13.3-13.8). Offsets from the PTP message start.
/// <code>
///  0       1       2       3       4       5       6       7
/// +-------+-------+-------+-------+-------+-------+-------+-------+
/// |sdo|typ|mnr|ver| messageLength | domain|minSdo | flagField     |
/// +-------+-------+-------+-------+-------+-------+-------+-------+
/// | correctionField (signed ns * 2^16)                            |  8
/// +-------+-------+-------+-------+-------+-------+-------+-------+
/// | messageTypeSpecific           | clockIdentity ...             | 16
/// +-------+-------+-------+-------+-------+-------+-------+-------+
/// | ... clockIdentity             | portNumber    | sequenceId    | 24
/// +-------+-------+-------+-------+-------+-------+-------+-------+
/// | ctrl  |logInt | body (34..): timestamp seconds(6) nanoseconds(4) ...
/// Delay_Resp: 44 requestingPortIdentity (10)
/// Announce:   44 currentUtcOffset(2) 46 reserved 47 priority1 48 clockClass 49 clockAccuracy
///             50 offsetScaledLogVariance(2) 52 priority2 53 grandmasterIdentity(8) 61 stepsRemoved(2) 63 timeSource
/// </code>
/// </summary>
public static class PtpFields
{
    public const int SdoAndTypeOffset = 0;
    public const int VersionOffset = 1;
    public const int MessageLengthOffset = 2;
    public const int DomainNumberOffset = 4;
    public const int MinorSdoIdOffset = 5;
    public const int FlagFieldOffset = 6;
    public const int CorrectionFieldOffset = 8;
    public const int MessageTypeSpecificOffset = 16;
    public const int SourcePortIdentityOffset = 20;
    public const int SequenceIdOffset = 30;
    public const int ControlFieldOffset = 32;
    public const int LogMessageIntervalOffset = 33;
    public const int HeaderLength = 34;

    public const int PortIdentityLength = 10;
    public const int VersionPtp = 2;

    /// <summary>originTimestamp / preciseOriginTimestamp / receiveTimestamp / requestReceiptTimestamp.</summary>
    public const int BodyTimestampOffset = 34;

    /// <summary>Message types whose body starts with a timestamp (every type up to Announce except Signaling/Management).</summary>
    public static bool HasBodyTimestamp(PtpMessageType type) =>
        type is not (PtpMessageType.Signaling or PtpMessageType.Management) && MinimumLength(type) > HeaderLength;
    public const int RequestingPortIdentityOffset = 44;

    public const int AnnounceCurrentUtcOffsetOffset = 44;
    public const int AnnounceReservedOffset = 46;
    public const int AnnouncePriority1Offset = 47;
    public const int AnnounceClockClassOffset = 48;
    public const int AnnounceClockAccuracyOffset = 49;
    public const int AnnounceVarianceOffset = 50;
    public const int AnnouncePriority2Offset = 52;
    public const int AnnounceGrandmasterIdentityOffset = 53;
    public const int AnnounceStepsRemovedOffset = 61;
    public const int AnnounceTimeSourceOffset = 63;

    public const int SyncLength = 44;
    public const int DelayReqLength = 44;
    public const int FollowUpLength = 44;
    public const int DelayRespLength = 54;
    public const int PdelayLength = 54;
    public const int AnnounceLength = 64;
    public const int SignalingMinimumLength = 44;
    public const int ManagementMinimumLength = 48;

    /// <summary>Minimum messageLength of a message type (§13.3.2.4); the header length for unknown types.</summary>
    public static int MinimumLength(PtpMessageType type) => type switch
    {
        PtpMessageType.Sync or PtpMessageType.DelayReq or PtpMessageType.FollowUp => SyncLength,
        PtpMessageType.DelayResp => DelayRespLength,
        PtpMessageType.PdelayReq or PtpMessageType.PdelayResp or PtpMessageType.PdelayRespFollowUp => PdelayLength,
        PtpMessageType.Announce => AnnounceLength,
        PtpMessageType.Signaling => SignalingMinimumLength,
        PtpMessageType.Management => ManagementMinimumLength,
        _ => HeaderLength,
    };
}
