using System.Buffers.Binary;

namespace OranTestbed.Fronthaul.Ecpri;

/// <summary>
/// One eCPRI message of a PDU (eCPRI V2.0 §3.1.3.1): its common header and its payload (exactly payloadSize bytes).
/// Produced by <see cref="EcpriPduReader"/>, which has already checked revision, reserved bits and payload size.
/// </summary>
public readonly ref struct EcpriMessage
{
    private readonly ReadOnlySpan<byte> _message;

    internal EcpriMessage(ReadOnlySpan<byte> message, int offset)
    {
        _message = message;
        Offset = offset;
    }

    /// <summary>eCPRI protocol revision (bits 7-4 of byte 0); always 1 for a message the reader returned.</summary>
    public int Revision => _message[EcpriFields.RevisionAndFlagsOffset] >> 4;

    /// <summary>C bit: another message follows in the same PDU, at the next 4-byte boundary.</summary>
    public bool Concatenation => (_message[EcpriFields.RevisionAndFlagsOffset] & EcpriFields.ConcatenationMask) != 0;

    public byte MessageType => _message[EcpriFields.MessageTypeOffset];

    public ushort PayloadSize => BinaryPrimitives.ReadUInt16BigEndian(_message[EcpriFields.PayloadSizeOffset..]);

    /// <summary>The payload: payloadSize bytes after the 4-byte common header.</summary>
    public ReadOnlySpan<byte> Payload => _message[EcpriFields.HeaderLength..];

    /// <summary>Header and payload.</summary>
    public ReadOnlySpan<byte> Bytes => _message;

    /// <summary>Offset of the common header from the frame start.</summary>
    public int Offset { get; }

    /// <summary>Offset of the payload from the frame start.</summary>
    public int PayloadOffset => Offset + EcpriFields.HeaderLength;
}
