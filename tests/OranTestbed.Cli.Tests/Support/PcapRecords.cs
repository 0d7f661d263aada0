using System.Buffers.Binary;

namespace OranTestbed.Cli.Tests.Support;

/// <summary>Reads record timestamps straight from a classic pcap file's bytes (independently of libpcap).</summary>
internal static class PcapRecords
{
    /// <summary>Each record's timestamp as "seconds.fraction" with 9 decimals (nanosecond or microsecond magic).</summary>
    public static List<string> Timestamps(string path)
    {
        var bytes = File.ReadAllBytes(path);
        uint magic = BinaryPrimitives.ReadUInt32LittleEndian(bytes);
        Assert.That(magic, Is.AnyOf(0xA1B2C3D4u, 0xA1B23C4Du), "little-endian classic pcap");
        long unitNs = magic == 0xA1B23C4Du ? 1 : 1000;
        var stamps = new List<string>();
        for (int at = 24; at + 16 <= bytes.Length;)
        {
            uint seconds = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(at));
            long fraction = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(at + 4)) * unitNs;
            int captured = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(at + 8));
            stamps.Add(FormattableString.Invariant($"{seconds}.{fraction:D9}"));
            at += 16 + captured;
        }

        return stamps;
    }
}
