using OranTestbed.Fronthaul.Ptp;

namespace OranTestbed.Fronthaul.Writing;

/// <summary>
/// Writes PTP v2 messages (IEEE 1588-2019 §13) with a <see cref="FrameWriter"/>; messageType and messageLength come from
/// the method, everything else from <see cref="PtpHeader"/>. The mirror of <see cref="PtpReader"/>/<see cref="PtpMessage"/>.
/// </summary>
public static class PtpMessageWriter
{
    public static void WritePtpSync(this ref FrameWriter writer, in PtpHeader header, PtpTimestamp originTimestamp) =>
        writer.WritePtpTimestamped(header, PtpMessageType.Sync, originTimestamp);

    public static void WritePtpDelayReq(this ref FrameWriter writer, in PtpHeader header, PtpTimestamp originTimestamp) =>
        writer.WritePtpTimestamped(header, PtpMessageType.DelayReq, originTimestamp);

    public static void WritePtpFollowUp(this ref FrameWriter writer, in PtpHeader header,
        PtpTimestamp preciseOriginTimestamp) =>
        writer.WritePtpTimestamped(header, PtpMessageType.FollowUp, preciseOriginTimestamp);

    public static void WritePtpDelayResp(this ref FrameWriter writer, in PtpHeader header, PtpTimestamp receiveTimestamp,
        PtpPortIdentity requestingPortIdentity)
    {
        WriteHeader(ref writer, header, PtpMessageType.DelayResp, PtpFields.DelayRespLength);
        receiveTimestamp.Write(writer.Reserve(PtpTimestamp.Length));
        requestingPortIdentity.Write(writer.Reserve(PtpFields.PortIdentityLength));
    }

    public static void WritePtpAnnounce(this ref FrameWriter writer, in PtpHeader header, in PtpAnnounce announce)
    {
        WriteHeader(ref writer, header, PtpMessageType.Announce, PtpFields.AnnounceLength);
        announce.OriginTimestamp.Write(writer.Reserve(PtpTimestamp.Length));
        writer.WriteUInt16((ushort)announce.CurrentUtcOffset);
        writer.WriteByte(0); // reserved
        writer.WriteByte(announce.GrandmasterPriority1);
        writer.WriteByte(announce.ClockClass);
        writer.WriteByte(announce.ClockAccuracy);
        writer.WriteUInt16(announce.OffsetScaledLogVariance);
        writer.WriteByte(announce.GrandmasterPriority2);
        writer.WriteUInt64(announce.GrandmasterIdentity);
        writer.WriteUInt16(announce.StepsRemoved);
        writer.WriteByte(announce.TimeSource);
    }

    /// <summary>Any message type: the header, then <paramref name="body"/> as is (messageLength = 34 + body length).</summary>
    public static void WritePtpMessage(this ref FrameWriter writer, in PtpHeader header, PtpMessageType type,
        scoped ReadOnlySpan<byte> body)
    {
        WriteHeader(ref writer, header, type, PtpFields.HeaderLength + body.Length);
        writer.WriteBytes(body);
    }

    private static void WritePtpTimestamped(this ref FrameWriter writer, in PtpHeader header, PtpMessageType type,
        PtpTimestamp timestamp)
    {
        WriteHeader(ref writer, header, type, PtpFields.SyncLength);
        timestamp.Write(writer.Reserve(PtpTimestamp.Length));
    }

    private static void WriteHeader(ref FrameWriter writer, in PtpHeader h, PtpMessageType type, int length)
    {
        if (h.MajorSdoId > 0x0F || h.MinorVersionPtp > 0x0F || h.VersionPtp > 0x0F)
        {
            throw new ArgumentException("majorSdoId, minorVersionPTP and versionPTP are 4-bit fields", nameof(h));
        }

        writer.WriteByte((byte)((h.MajorSdoId << 4) | (byte)type));
        writer.WriteByte((byte)((h.MinorVersionPtp << 4) | h.VersionPtp));
        writer.WriteUInt16(checked((ushort)length));
        writer.WriteByte(h.DomainNumber);
        writer.WriteByte(h.MinorSdoId);
        writer.WriteUInt16(h.FlagField);
        writer.WriteUInt64((ulong)h.CorrectionField);
        writer.WriteUInt32(h.MessageTypeSpecific);
        h.SourcePortIdentity.Write(writer.Reserve(PtpFields.PortIdentityLength));
        writer.WriteUInt16(h.SequenceId);
        writer.WriteByte(h.ControlField);
        writer.WriteByte((byte)h.LogMessageInterval);
    }
}
