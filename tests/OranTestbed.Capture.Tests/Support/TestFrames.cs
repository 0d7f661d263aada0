using System.Buffers.Binary;

namespace OranTestbed.Capture.Tests.Support;

/// <summary>Raw Ethernet frames of the kinds a fronthaul capture mixes, for filter and round-trip tests.</summary>
public static class TestFrames
{
    public const ushort EcpriEtherType = 0xAEFE;
    public const ushort PtpEtherType = 0x88F7;
    public const ushort VlanEtherType = 0x8100;
    public const ushort Ipv4EtherType = 0x0800;

    /// <summary>Untagged Ethernet: dst, src, EtherType, then <paramref name="payloadLength"/> bytes of a pattern.</summary>
    public static byte[] Untagged(ushort etherType, int payloadLength, byte seed = 0)
    {
        var frame = new byte[14 + payloadLength];
        WriteMacs(frame, seed);
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(12), etherType);
        Fill(frame.AsSpan(14), seed);
        return frame;
    }

    /// <summary>802.1Q-tagged Ethernet carrying <paramref name="innerEtherType"/>.</summary>
    public static byte[] Tagged(ushort vlanId, ushort innerEtherType, int payloadLength, byte seed = 0)
    {
        var frame = new byte[18 + payloadLength];
        WriteMacs(frame, seed);
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(12), VlanEtherType);
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(14), (ushort)(0xE000 | vlanId)); // PCP 7
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(16), innerEtherType);
        Fill(frame.AsSpan(18), seed);
        return frame;
    }

    /// <summary>A deterministic pseudo-random frame of the given length (at least 14 bytes).</summary>
    public static void Pattern(Span<byte> frame, ulong state)
    {
        for (var i = 0; i < frame.Length; i++)
        {
            state = (state * 6364136223846793005UL) + 1442695040888963407UL;
            frame[i] = (byte)(state >> 56);
        }
    }

    private static void WriteMacs(byte[] frame, byte seed)
    {
        byte[] dst = [0x02, 0x00, 0x00, 0x00, 0x00, 0x01];
        byte[] src = [0x02, 0x00, 0x00, 0x00, 0x00, (byte)(0x10 + seed)];
        dst.CopyTo(frame, 0);
        src.CopyTo(frame, 6);
    }

    private static void Fill(Span<byte> payload, byte seed)
    {
        for (var i = 0; i < payload.Length; i++)
        {
            payload[i] = (byte)(seed + i);
        }
    }
}
