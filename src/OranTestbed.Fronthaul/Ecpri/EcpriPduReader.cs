using System.Buffers.Binary;
using OranTestbed.Fronthaul.Decoding;

namespace OranTestbed.Fronthaul.Ecpri;

/// <summary>
/// Iterates the messages of an eCPRI PDU (eCPRI V2.0 §3.1.3.1). A message with the C bit set is followed by another
/// that starts at the next 4-byte boundary counted from the PDU start; the message with C = 0 is the last, and bytes
/// after it (Ethernet padding to 60 bytes) are ignored. A payload size larger than the bytes left is an error.
/// <code>
/// var pdu = new EcpriPduReader(transport.Payload, transport.PayloadOffset);
/// while (pdu.TryReadNext(out var message)) { ... }
/// if (pdu.Error.IsError) { ... }
/// </code>
/// </summary>
public ref struct EcpriPduReader
{
    private readonly ReadOnlySpan<byte> _pdu;
    private readonly int _baseOffset;
    private int _position;
    private bool _done;

    /// <param name="pdu">The PDU and whatever follows it in the frame (padding).</param>
    /// <param name="baseOffset">Offset of <paramref name="pdu"/> in the frame, for error and message offsets.</param>
    public EcpriPduReader(ReadOnlySpan<byte> pdu, int baseOffset = 0)
    {
        _pdu = pdu;
        _baseOffset = baseOffset;
        _position = 0;
        _done = false;
        Error = DecodeError.None;
    }

    /// <summary>After <see cref="TryReadNext"/> returned false: the reason, or <see cref="DecodeError.None"/> at a clean end.</summary>
    public DecodeError Error { get; private set; }

    /// <summary>Number of messages returned so far.</summary>
    public int MessageCount { get; private set; }

    /// <summary>Returns the next message; false at the end of the PDU or on malformed input (see <see cref="Error"/>).</summary>
    public bool TryReadNext(out EcpriMessage message)
    {
        message = default;
        if (_done)
        {
            return false;
        }

        int start = _position;
        int absolute = _baseOffset + start;
        if (_pdu.Length - start < EcpriFields.HeaderLength)
        {
            return Fail(DecodeError.Truncated("ecpri.header", _baseOffset + _pdu.Length));
        }

        byte first = _pdu[start];
        if (first >> 4 != EcpriFields.Revision)
        {
            return Fail(new DecodeError(DecodeErrorCode.InvalidValue, "ecpri.revision", absolute,
                "eCPRI protocol revision is not 1"));
        }

        if ((first & EcpriFields.ReservedMask) != 0)
        {
            return Fail(new DecodeError(DecodeErrorCode.ReservedValueSet, "ecpri.reserved", absolute,
                "reserved bits of the common header are set"));
        }

        int payloadSize = BinaryPrimitives.ReadUInt16BigEndian(_pdu[(start + EcpriFields.PayloadSizeOffset)..]);
        int end = start + EcpriFields.HeaderLength + payloadSize;
        if (end > _pdu.Length)
        {
            return Fail(new DecodeError(DecodeErrorCode.LengthMismatch, "ecpri.payloadSize",
                absolute + EcpriFields.PayloadSizeOffset, "payload size exceeds the bytes left in the PDU"));
        }

        message = new EcpriMessage(_pdu[start..end], absolute);
        MessageCount++;
        if ((first & EcpriFields.ConcatenationMask) == 0)
        {
            _done = true;
        }
        else
        {
            // eCPRI V2.0 §3.1.3.1.3: 0-3 padding bytes so that the next message is 4-byte aligned within the PDU.
            _position = (end + EcpriFields.ConcatenationAlignment - 1) & ~(EcpriFields.ConcatenationAlignment - 1);
            if (_position > _pdu.Length)
            {
                _position = _pdu.Length;
            }
        }

        return true;
    }

    private bool Fail(DecodeError error)
    {
        Error = error;
        _done = true;
        return false;
    }
}
