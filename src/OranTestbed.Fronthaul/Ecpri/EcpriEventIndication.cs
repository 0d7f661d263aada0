using System.Buffers.Binary;
using OranTestbed.Fronthaul.Decoding;

namespace OranTestbed.Fronthaul.Ecpri;

/// <summary>
/// eCPRI message type 7, event indication (eCPRI V2.0 §3.2.4.8): event id, event type (0 fault indication,
/// 1 fault ack, 2 notification, 3 sync request, 4 sync ack, 5 sync end), sequence number and
/// <see cref="NumberOfFaultsNotif"/> 8-byte elements. The payload size must be exactly 4 + 8 × that number.
/// </summary>
public readonly ref struct EcpriEventIndication
{
    private readonly ReadOnlySpan<byte> _payload;

    private EcpriEventIndication(ReadOnlySpan<byte> payload) => _payload = payload;

    public byte EventId => _payload[EcpriBodyFields.EventIdOffset];

    public byte EventType => _payload[EcpriBodyFields.EventTypeOffset];

    public byte SequenceNumber => _payload[EcpriBodyFields.EventSequenceOffset];

    public byte NumberOfFaultsNotif => _payload[EcpriBodyFields.EventCountOffset];

    /// <summary>The element at <paramref name="index"/>; false when out of range.</summary>
    public bool TryGetElement(int index, out EcpriEventElement element)
    {
        if ((uint)index >= NumberOfFaultsNotif)
        {
            element = default;
            return false;
        }

        var e = _payload.Slice(EcpriBodyFields.EventElementsOffset + (index * EcpriBodyFields.EventElementLength),
            EcpriBodyFields.EventElementLength);
        ushort raiseFault = BinaryPrimitives.ReadUInt16BigEndian(e[EcpriBodyFields.EventRaiseCeaseOffset..]);
        element = new EcpriEventElement(BinaryPrimitives.ReadUInt16BigEndian(e), (byte)(raiseFault >> 12),
            (ushort)(raiseFault & EcpriBodyFields.EventFaultMask),
            BinaryPrimitives.ReadUInt32BigEndian(e[EcpriBodyFields.EventAdditionalInfoOffset..]));
        return true;
    }

    public static bool TryRead(EcpriMessage message, out EcpriEventIndication indication, out DecodeError error)
    {
        indication = default;
        if (!EcpriBody.Check(message, EcpriFields.TypeEventIndication, EcpriBodyFields.EventElementsOffset, out error))
        {
            return false;
        }

        var payload = message.Payload;
        int expected = EcpriBodyFields.EventElementsOffset
            + (payload[EcpriBodyFields.EventCountOffset] * EcpriBodyFields.EventElementLength);
        if (payload.Length != expected)
        {
            error = new DecodeError(DecodeErrorCode.LengthMismatch, "ecpri.numberOfFaultsNotif",
                message.PayloadOffset + EcpriBodyFields.EventCountOffset,
                "payload size is not 4 + 8 x number of faults/notifications");
            return false;
        }

        indication = new EcpriEventIndication(payload);
        return true;
    }
}
