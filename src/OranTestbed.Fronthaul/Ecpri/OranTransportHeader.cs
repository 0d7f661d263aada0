using System.Buffers.Binary;
using OranTestbed.Fronthaul.Decoding;

namespace OranTestbed.Fronthaul.Ecpri;

/// <summary>
/// The first four payload bytes of eCPRI message types 0 (IQ data, O-RAN U-plane) and 2 (real-time control, O-RAN
/// C-plane): eAxC id (ecpriPcid / ecpriRtcid) and ecpriSeqid = sequence id, E bit, subsequence id
/// (O-RAN.WG4.CUS §5.1.3.1.6-7; eCPRI V2.0 §3.2.4.1, §3.2.4.3).
/// </summary>
public readonly record struct OranTransportHeader(EaxcId Eaxc, byte SequenceId, bool EBit, byte SubsequenceId)
{
    /// <summary>Reads the transport header of a type 0 or type 2 message.</summary>
    public static bool TryRead(EcpriMessage message, out OranTransportHeader header, out DecodeError error)
    {
        header = default;
        if (message.MessageType is not (EcpriFields.TypeIqData or EcpriFields.TypeRealTimeControl))
        {
            error = new DecodeError(DecodeErrorCode.UnknownType, "ecpri.messageType",
                message.Offset + EcpriFields.MessageTypeOffset, "only message types 0 and 2 carry the O-RAN transport header");
            return false;
        }

        var payload = message.Payload;
        if (payload.Length < EcpriFields.TransportHeaderLength)
        {
            error = new DecodeError(DecodeErrorCode.LengthMismatch, "ecpri.payloadSize",
                message.Offset + EcpriFields.PayloadSizeOffset, "payload is shorter than eAxC id + seqId");
            return false;
        }

        byte last = payload[EcpriFields.SubsequenceOffset];
        header = new OranTransportHeader(new EaxcId(BinaryPrimitives.ReadUInt16BigEndian(payload)),
            payload[EcpriFields.SequenceIdOffset], (last & EcpriFields.EBitMask) != 0,
            (byte)(last & EcpriFields.SubsequenceMask));
        error = DecodeError.None;
        return true;
    }
}
