using System.Buffers.Binary;

namespace OranTestbed.Fronthaul.Ptp;

/// <summary>PortIdentity (IEEE 1588-2019 §5.3.5): 8-byte clockIdentity (big-endian here) + 16-bit portNumber.</summary>
public readonly record struct PtpPortIdentity(ulong ClockIdentity, ushort PortNumber)
{
    public static PtpPortIdentity Read(ReadOnlySpan<byte> bytes) =>
        new(BinaryPrimitives.ReadUInt64BigEndian(bytes), BinaryPrimitives.ReadUInt16BigEndian(bytes[8..]));

    public void Write(Span<byte> bytes)
    {
        BinaryPrimitives.WriteUInt64BigEndian(bytes, ClockIdentity);
        BinaryPrimitives.WriteUInt16BigEndian(bytes[8..], PortNumber);
    }
}
