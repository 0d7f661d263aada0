using OranTestbed.Fronthaul.Ecpri;
using OranTestbed.Fronthaul.Ptp;

namespace OranTestbed.Fronthaul.Writing;

/// <summary>
/// Writes whole eCPRI management messages (common header + body, payload size patched) with a
/// <see cref="FrameWriter"/>; the mirror of <see cref="EcpriOneWayDelay"/>, <see cref="EcpriRemoteReset"/> and
/// <see cref="EcpriEventIndication"/>. For a concatenated PDU pass <c>concatenation: true</c> on every message but the
/// last and call <see cref="FrameWriter.AlignEcpri"/> between messages.
/// </summary>
public static class EcpriMessageWriter
{
    /// <summary>Type 5 one-way delay measurement (eCPRI V2.0 §3.2.4.6) with <paramref name="dummyLength"/> zero bytes.</summary>
    public static void WriteEcpriOneWayDelay(this ref FrameWriter writer, byte measurementId, byte actionType,
        PtpTimestamp timestamp, long compensationValue, int dummyLength = 0, bool concatenation = false)
    {
        int header = writer.BeginEcpri(EcpriFields.TypeOneWayDelay, concatenation);
        writer.WriteByte(measurementId);
        writer.WriteByte(actionType);
        timestamp.Write(writer.Reserve(PtpTimestamp.Length));
        writer.WriteUInt64((ulong)compensationValue);
        writer.Reserve(dummyLength);
        writer.EndEcpri(header);
    }

    /// <summary>Type 6 remote reset (eCPRI V2.0 §3.2.4.7).</summary>
    public static void WriteEcpriRemoteReset(this ref FrameWriter writer, ushort resetId, byte resetCodeOp,
        scoped ReadOnlySpan<byte> vendorSpecific = default, bool concatenation = false)
    {
        int header = writer.BeginEcpri(EcpriFields.TypeRemoteReset, concatenation);
        writer.WriteUInt16(resetId);
        writer.WriteByte(resetCodeOp);
        writer.WriteBytes(vendorSpecific);
        writer.EndEcpri(header);
    }

    /// <summary>Type 7 event indication (eCPRI V2.0 §3.2.4.8); the number of faults/notifications is the element count.</summary>
    public static void WriteEcpriEventIndication(this ref FrameWriter writer, byte eventId, byte eventType,
        byte sequenceNumber, scoped ReadOnlySpan<EcpriEventElement> elements, bool concatenation = false)
    {
        if (elements.Length > byte.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(elements), elements.Length, "at most 255 elements");
        }

        int header = writer.BeginEcpri(EcpriFields.TypeEventIndication, concatenation);
        writer.WriteByte(eventId);
        writer.WriteByte(eventType);
        writer.WriteByte(sequenceNumber);
        writer.WriteByte((byte)elements.Length);
        foreach (var e in elements)
        {
            if (e.RaiseCease > 0x0F || e.FaultNotification > EcpriBodyFields.EventFaultMask)
            {
                throw new ArgumentOutOfRangeException(nameof(elements), "raise/cease is 4 bits, fault/notification 12 bits");
            }

            writer.WriteUInt16(e.ElementId);
            writer.WriteUInt16((ushort)((e.RaiseCease << 12) | e.FaultNotification));
            writer.WriteUInt32(e.AdditionalInformation);
        }

        writer.EndEcpri(header);
    }
}
