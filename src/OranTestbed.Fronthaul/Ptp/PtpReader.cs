using System.Buffers.Binary;
using OranTestbed.Fronthaul.Decoding;

namespace OranTestbed.Fronthaul.Ptp;

/// <summary>
/// Reads a PTP v2 message (IEEE 1588-2019 §13) from an Ethernet (0x88F7) or UDP (319/320) payload. messageLength must
/// fit in the bytes available and reach the minimum of its message type; bytes after it (Ethernet padding) are ignored.
/// Message types without a body view here (Signaling, Management, reserved) decode as header only, without error.
/// </summary>
public static class PtpReader
{
    /// <param name="payload">The PTP message and whatever follows it in the frame.</param>
    /// <param name="baseOffset">Offset of <paramref name="payload"/> in the frame, added to error offsets.</param>
    public static bool TryRead(ReadOnlySpan<byte> payload, int baseOffset, out PtpMessage message, out DecodeError error)
    {
        message = default;
        if (payload.Length < PtpFields.HeaderLength)
        {
            error = DecodeError.Truncated("ptp.header", baseOffset + payload.Length);
            return false;
        }

        if ((payload[PtpFields.VersionOffset] & 0x0F) != PtpFields.VersionPtp)
        {
            error = new DecodeError(DecodeErrorCode.InvalidValue, "ptp.versionPTP", baseOffset + PtpFields.VersionOffset,
                "versionPTP is not 2");
            return false;
        }

        int length = BinaryPrimitives.ReadUInt16BigEndian(payload[PtpFields.MessageLengthOffset..]);
        var type = (PtpMessageType)(payload[PtpFields.SdoAndTypeOffset] & 0x0F);
        if (length < PtpFields.MinimumLength(type))
        {
            error = new DecodeError(DecodeErrorCode.LengthMismatch, "ptp.messageLength",
                baseOffset + PtpFields.MessageLengthOffset, "messageLength is below the minimum of the message type");
            return false;
        }

        if (length > payload.Length)
        {
            error = new DecodeError(DecodeErrorCode.LengthMismatch, "ptp.messageLength",
                baseOffset + PtpFields.MessageLengthOffset, "messageLength exceeds the bytes in the frame");
            return false;
        }

        if (PtpFields.HasBodyTimestamp(type) && !PtpTimestamp.HasValidNanoseconds(payload[PtpFields.BodyTimestampOffset..]))
        {
            error = new DecodeError(DecodeErrorCode.InvalidValue, "ptp.timestamp.nanoseconds",
                baseOffset + PtpFields.BodyTimestampOffset + PtpTimestamp.NanosecondsOffset,
                "timestamp nanoseconds are 10^9 or more");
            return false;
        }

        message = new PtpMessage(payload[..length], baseOffset);
        error = DecodeError.None;
        return true;
    }
}
