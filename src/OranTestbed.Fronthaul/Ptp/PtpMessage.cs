using System.Buffers.Binary;

namespace OranTestbed.Fronthaul.Ptp;

/// <summary>
/// A PTP v2 message view (IEEE 1588-2019 §13): the common header and, for the event/general messages a fronthaul
/// S-plane uses, the body fields. Covers exactly messageLength bytes; <see cref="PtpReader"/> has checked that length.
/// </summary>
public readonly ref struct PtpMessage
{
    private readonly ReadOnlySpan<byte> _message;

    internal PtpMessage(ReadOnlySpan<byte> message, int offset)
    {
        _message = message;
        Offset = offset;
    }

    /// <summary>Offset of the message from the frame start.</summary>
    public int Offset { get; }

    /// <summary>The message (messageLength bytes).</summary>
    public ReadOnlySpan<byte> Bytes => _message;

    /// <summary>majorSdoId (transportSpecific in 1588-2008), bits 7-4 of byte 0.</summary>
    public byte MajorSdoId => (byte)(_message[PtpFields.SdoAndTypeOffset] >> 4);

    /// <summary>messageType, bits 3-0 of byte 0; reserved values are passed through.</summary>
    public PtpMessageType MessageType => (PtpMessageType)(_message[PtpFields.SdoAndTypeOffset] & 0x0F);

    public byte MinorVersionPtp => (byte)(_message[PtpFields.VersionOffset] >> 4);

    public byte VersionPtp => (byte)(_message[PtpFields.VersionOffset] & 0x0F);

    public ushort MessageLength => (ushort)_message.Length;

    public byte DomainNumber => _message[PtpFields.DomainNumberOffset];

    public byte MinorSdoId => _message[PtpFields.MinorSdoIdOffset];

    public ushort FlagField => BinaryPrimitives.ReadUInt16BigEndian(_message[PtpFields.FlagFieldOffset..]);

    /// <summary>correctionField, signed nanoseconds × 2^16.</summary>
    public long CorrectionField => BinaryPrimitives.ReadInt64BigEndian(_message[PtpFields.CorrectionFieldOffset..]);

    public uint MessageTypeSpecific =>
        BinaryPrimitives.ReadUInt32BigEndian(_message[PtpFields.MessageTypeSpecificOffset..]);

    public PtpPortIdentity SourcePortIdentity => PtpPortIdentity.Read(_message[PtpFields.SourcePortIdentityOffset..]);

    public ushort SequenceId => BinaryPrimitives.ReadUInt16BigEndian(_message[PtpFields.SequenceIdOffset..]);

    public byte ControlField => _message[PtpFields.ControlFieldOffset];

    /// <summary>logMessageInterval, signed log2 seconds (0x7F = not applicable).</summary>
    public sbyte LogMessageInterval => (sbyte)_message[PtpFields.LogMessageIntervalOffset];

    /// <summary>Everything after the 34-byte header (body and TLVs).</summary>
    public ReadOnlySpan<byte> Body => _message[PtpFields.HeaderLength..];

    /// <summary>The header values, in the shape the writer takes.</summary>
    public PtpHeader Header => new()
    {
        MajorSdoId = MajorSdoId,
        MinorVersionPtp = MinorVersionPtp,
        VersionPtp = VersionPtp,
        DomainNumber = DomainNumber,
        MinorSdoId = MinorSdoId,
        FlagField = FlagField,
        CorrectionField = CorrectionField,
        MessageTypeSpecific = MessageTypeSpecific,
        SourcePortIdentity = SourcePortIdentity,
        SequenceId = SequenceId,
        ControlField = ControlField,
        LogMessageInterval = LogMessageInterval,
    };

    /// <summary>
    /// The body timestamp at offset 34: originTimestamp (Sync, Delay_Req, Pdelay_Req, Announce),
    /// preciseOriginTimestamp (Follow_Up), receiveTimestamp (Delay_Resp), requestReceiptTimestamp (Pdelay_Resp),
    /// responseOriginTimestamp (Pdelay_Resp_Follow_Up). False for other types.
    /// </summary>
    public bool TryGetTimestamp(out PtpTimestamp timestamp)
    {
        if (!PtpFields.HasBodyTimestamp(MessageType))
        {
            timestamp = default;
            return false;
        }

        timestamp = PtpTimestamp.Read(_message[PtpFields.BodyTimestampOffset..]);
        return true;
    }

    /// <summary>requestingPortIdentity of Delay_Resp, Pdelay_Resp and Pdelay_Resp_Follow_Up; false for other types.</summary>
    public bool TryGetRequestingPortIdentity(out PtpPortIdentity identity)
    {
        if (MessageType is not (PtpMessageType.DelayResp or PtpMessageType.PdelayResp
            or PtpMessageType.PdelayRespFollowUp))
        {
            identity = default;
            return false;
        }

        identity = PtpPortIdentity.Read(_message[PtpFields.RequestingPortIdentityOffset..]);
        return true;
    }

    /// <summary>The Announce body; false for other types.</summary>
    public bool TryGetAnnounce(out PtpAnnounce announce)
    {
        if (MessageType != PtpMessageType.Announce)
        {
            announce = default;
            return false;
        }

        var m = _message;
        announce = new PtpAnnounce
        {
            OriginTimestamp = PtpTimestamp.Read(m[PtpFields.BodyTimestampOffset..]),
            CurrentUtcOffset = BinaryPrimitives.ReadInt16BigEndian(m[PtpFields.AnnounceCurrentUtcOffsetOffset..]),
            GrandmasterPriority1 = m[PtpFields.AnnouncePriority1Offset],
            ClockClass = m[PtpFields.AnnounceClockClassOffset],
            ClockAccuracy = m[PtpFields.AnnounceClockAccuracyOffset],
            OffsetScaledLogVariance = BinaryPrimitives.ReadUInt16BigEndian(m[PtpFields.AnnounceVarianceOffset..]),
            GrandmasterPriority2 = m[PtpFields.AnnouncePriority2Offset],
            GrandmasterIdentity = BinaryPrimitives.ReadUInt64BigEndian(m[PtpFields.AnnounceGrandmasterIdentityOffset..]),
            StepsRemoved = BinaryPrimitives.ReadUInt16BigEndian(m[PtpFields.AnnounceStepsRemovedOffset..]),
            TimeSource = m[PtpFields.AnnounceTimeSourceOffset],
        };
        return true;
    }

}
