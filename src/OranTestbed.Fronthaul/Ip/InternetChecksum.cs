using System.Buffers.Binary;

namespace OranTestbed.Fronthaul.Ip;

/// <summary>The Internet one's-complement checksum (RFC 1071) used by IPv4 headers and UDP.</summary>
public static class InternetChecksum
{
    /// <summary>
    /// One's-complement sum of <paramref name="data"/> as big-endian 16-bit words (odd length padded with a zero byte),
    /// added to <paramref name="initial"/> and folded to 16 bits. The checksum field value is the complement of this.
    /// </summary>
    public static ushort Sum(ReadOnlySpan<byte> data, uint initial)
    {
        ulong sum = initial;
        int i = 0;
        for (; i + 1 < data.Length; i += 2)
        {
            sum += BinaryPrimitives.ReadUInt16BigEndian(data[i..]);
        }

        if (i < data.Length)
        {
            sum += (uint)data[i] << 8;
        }

        while (sum > 0xFFFF)
        {
            sum = (sum & 0xFFFF) + (sum >> 16);
        }

        return (ushort)sum;
    }

    /// <summary>The value to store in a checksum field covering <paramref name="data"/> (field zeroed beforehand).</summary>
    public static ushort Compute(ReadOnlySpan<byte> data, uint initial = 0) => (ushort)~Sum(data, initial);

    /// <summary>Sum of the UDP pseudo-header (RFC 768 / RFC 8200 §8.1): addresses, protocol 17 and UDP length.</summary>
    public static uint PseudoHeaderSum(ReadOnlySpan<byte> source, ReadOnlySpan<byte> destination, int udpLength)
    {
        uint sum = Sum(source, 0);
        sum += Sum(destination, 0);
        sum += Ipv4Fields.ProtocolUdp;
        sum += (uint)(udpLength & 0xFFFF) + (uint)(udpLength >> 16);
        return sum;
    }
}
