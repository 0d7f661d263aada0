using System.Buffers.Binary;
using OranTestbed.Fronthaul.Decoding;
using OranTestbed.Fronthaul.Ptp;

namespace OranTestbed.Fronthaul.Ecpri;

/// <summary>
/// eCPRI message type 5, one-way delay measurement (eCPRI V2.0 §3.2.4.6; O-RAN uses it to measure T12/T34).
/// Timestamp and compensation value are meaningful for Request, Response and Follow_Up only (zero otherwise).
/// </summary>
public readonly ref struct EcpriOneWayDelay
{
    private readonly ReadOnlySpan<byte> _payload;

    private EcpriOneWayDelay(ReadOnlySpan<byte> payload) => _payload = payload;

    public byte MeasurementId => _payload[EcpriBodyFields.DelayMeasurementIdOffset];

    /// <summary>The raw action type; compare with <see cref="EcpriDelayAction"/> (6-255 reserved).</summary>
    public byte ActionType => _payload[EcpriBodyFields.DelayActionTypeOffset];

    public PtpTimestamp Timestamp => PtpTimestamp.Read(_payload[EcpriBodyFields.DelayTimestampOffset..]);

    /// <summary>Compensation value tCV, signed nanoseconds × 2^16 (the PTP correctionField encoding).</summary>
    public long CompensationValue => BinaryPrimitives.ReadInt64BigEndian(_payload[EcpriBodyFields.DelayCompensationOffset..]);

    /// <summary>Dummy bytes after the 20 fixed bytes (they pad the message to the measured size).</summary>
    public ReadOnlySpan<byte> DummyBytes => _payload[EcpriBodyFields.DelayDummyOffset..];

    public static bool TryRead(EcpriMessage message, out EcpriOneWayDelay delay, out DecodeError error)
    {
        delay = default;
        if (!EcpriBody.Check(message, EcpriFields.TypeOneWayDelay, EcpriBodyFields.DelayMinimumPayload, out error))
        {
            return false;
        }

        if (!PtpTimestamp.HasValidNanoseconds(message.Payload[EcpriBodyFields.DelayTimestampOffset..]))
        {
            error = new DecodeError(DecodeErrorCode.InvalidValue, "ecpri.timestamp.nanoseconds",
                message.PayloadOffset + EcpriBodyFields.DelayTimestampOffset + PtpTimestamp.NanosecondsOffset,
                "timestamp nanoseconds are 10^9 or more");
            return false;
        }

        delay = new EcpriOneWayDelay(message.Payload);
        return true;
    }
}
