using System.Buffers.Binary;
using OranTestbed.Fronthaul.Ecpri;
using OranTestbed.Fronthaul.Ethernet;

namespace OranTestbed.Fronthaul.Writing;

/// <summary>
/// Builds frames front to back into a caller-owned buffer: Ethernet and VLAN tags, eCPRI headers whose payload size is
/// patched when the message ends, and raw fields. Used by tests, benchmarks and the emulators; allocates nothing.
/// </summary>
public ref struct FrameWriter
{
    private readonly Span<byte> _buffer;
    private int _position;

    public FrameWriter(Span<byte> buffer)
    {
        _buffer = buffer;
        _position = 0;
    }

    public readonly int Position => _position;

    public readonly Span<byte> Written => _buffer[.._position];

    public void WriteEthernetHeader(ReadOnlySpan<byte> destination, ReadOnlySpan<byte> source,
        ReadOnlySpan<VlanTag> vlans, ushort etherType)
    {
        if (destination.Length != EthernetFields.MacLength || source.Length != EthernetFields.MacLength)
        {
            throw new ArgumentException("MAC addresses are 6 bytes");
        }

        WriteBytes(destination);
        WriteBytes(source);
        foreach (var tag in vlans)
        {
            WriteUInt16(tag.Tpid);
            WriteUInt16(tag.Tci);
        }

        WriteUInt16(etherType);
    }

    /// <summary>Starts an eCPRI message; returns the header position to give to <see cref="EndEcpri"/>.</summary>
    public int BeginEcpri(byte messageType, bool concatenation = false, int revision = EcpriFields.Revision)
    {
        int start = _position;
        WriteByte((byte)((revision << 4) | (concatenation ? EcpriFields.ConcatenationMask : 0)));
        WriteByte(messageType);
        WriteUInt16(0);
        return start;
    }

    /// <summary>Ends the eCPRI message begun at <paramref name="headerPosition"/>: patches its payload size.</summary>
    public readonly void EndEcpri(int headerPosition)
    {
        int payloadSize = _position - headerPosition - EcpriFields.HeaderLength;
        BinaryPrimitives.WriteUInt16BigEndian(
            _buffer.Slice(headerPosition + EcpriFields.PayloadSizeOffset, 2), checked((ushort)payloadSize));
    }

    /// <summary>Zero-pads so the next concatenated eCPRI message starts on a 4-byte boundary from <paramref name="pduStart"/>.</summary>
    public void AlignEcpri(int pduStart)
    {
        while ((_position - pduStart) % EcpriFields.ConcatenationAlignment != 0)
        {
            WriteByte(0);
        }
    }

    /// <summary>eAxC id and ecpriSeqid: the first four payload bytes of message types 0 and 2.</summary>
    public void WriteOranTransportHeader(EaxcId eaxc, byte sequenceId, bool eBit = true, byte subsequenceId = 0)
    {
        WriteUInt16(eaxc.Value);
        WriteByte(sequenceId);
        WriteByte((byte)((eBit ? EcpriFields.EBitMask : 0) | (subsequenceId & EcpriFields.SubsequenceMask)));
    }

    public void WriteByte(byte value)
    {
        _buffer[_position] = value;
        _position++;
    }

    public void WriteUInt16(ushort value)
    {
        BinaryPrimitives.WriteUInt16BigEndian(_buffer.Slice(_position, 2), value);
        _position += 2;
    }

    public void WriteUInt24(uint value)
    {
        _buffer[_position] = (byte)(value >> 16);
        _buffer[_position + 1] = (byte)(value >> 8);
        _buffer[_position + 2] = (byte)value;
        _position += 3;
    }

    public void WriteUInt32(uint value)
    {
        BinaryPrimitives.WriteUInt32BigEndian(_buffer.Slice(_position, 4), value);
        _position += 4;
    }

    public void WriteUInt64(ulong value)
    {
        BinaryPrimitives.WriteUInt64BigEndian(_buffer.Slice(_position, 8), value);
        _position += 8;
    }

    public void WriteBytes(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(_buffer[_position..]);
        _position += bytes.Length;
    }

    /// <summary>Hands out the next <paramref name="length"/> bytes, zeroed, for a nested writer (bit-packed IQ, extensions).</summary>
    public Span<byte> Reserve(int length)
    {
        var span = _buffer.Slice(_position, length);
        span.Clear();
        _position += length;
        return span;
    }

    /// <summary>Zero-pads to the Ethernet minimum (60 bytes without FCS) and returns the frame length.</summary>
    public int Finish()
    {
        while (_position < EthernetFields.MinimumFrameLength)
        {
            WriteByte(0);
        }

        return _position;
    }
}
