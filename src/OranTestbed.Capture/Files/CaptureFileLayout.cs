using System.Buffers.Binary;

namespace OranTestbed.Capture.Files;

/// <summary>
/// Cold-path knowledge of the two file layouts: the format from the magic number, and where a broken file breaks.
/// libpcap says only "truncated dump file; tried to read N bytes, only got M"; the frame number and byte position
/// come from walking the record headers again here, which also counts records a BPF filter skipped.
/// </summary>
/// <remarks>
/// <code>
/// pcap (tcpdump.org "PCAP Capture File Format", draft-ietf-opsawg-pcap §4, §5)
///   file header, 24 bytes: magic(4) version(2+2) reserved(4+4) snaplen(4) linktype(4)
///   record: ts_sec(4) ts_frac(4) caplen(4) origlen(4) | caplen bytes of data
/// pcapng (draft-ietf-opsawg-pcapng §3.1, §4.1)
///   block: type(4) total_length(4) body... total_length(4); total_length is a multiple of 4, at least 12
///   the Section Header Block (type 0x0A0D0D0A) carries the byte-order magic 0x1A2B3C4D at offset 8
///   frames: Enhanced Packet Block 6, Simple Packet Block 3, obsolete Packet Block 2
/// </code>
/// </remarks>
internal static class CaptureFileLayout
{
    public const int PcapFileHeaderLength = 24;
    public const int PcapRecordHeaderLength = 16;

    /// <summary>libpcap's MAXIMUM_SNAPLEN: larger record lengths are refused as corrupt.</summary>
    public const uint MaximumCaptureLength = 262_144;

    private const uint PcapMagicMicro = 0xA1B2C3D4;
    private const uint PcapMagicNano = 0xA1B23C4D;
    private const uint PcapNgSectionHeader = 0x0A0D0D0A;
    private const uint PcapNgByteOrderMagic = 0x1A2B3C4D;

    public static CaptureFileFormat Sniff(ReadOnlySpan<byte> start)
    {
        if (start.Length < 4)
        {
            return CaptureFileFormat.Unknown;
        }

        var little = BinaryPrimitives.ReadUInt32LittleEndian(start);
        var big = BinaryPrimitives.ReadUInt32BigEndian(start);
        if (little == PcapMagicMicro || big == PcapMagicMicro)
        {
            return CaptureFileFormat.PcapMicrosecond;
        }

        if (little == PcapMagicNano || big == PcapMagicNano)
        {
            return CaptureFileFormat.PcapNanosecond;
        }

        return little == PcapNgSectionHeader ? CaptureFileFormat.PcapNg : CaptureFileFormat.Unknown;
    }

    /// <summary>Reads the first bytes of a file (cold path, at open).</summary>
    public static CaptureFileFormat SniffFile(string path, out long length)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1);
        length = stream.Length;
        Span<byte> start = stackalloc byte[4];
        var read = stream.ReadAtLeast(start, start.Length, throwOnEndOfStream: false);
        return Sniff(start[..read]);
    }

    /// <summary>
    /// Finds the first record that the file cannot hold: cut short by the end of the file, or with a length libpcap
    /// refuses. <paramref name="frameNumber"/> is 1-based over all records (null when the file header itself is
    /// broken); <paramref name="byteOffset"/> is where that record starts.
    /// </summary>
    public static bool TryLocateBreak(string path, out long? frameNumber, out long byteOffset)
    {
        frameNumber = null;
        byteOffset = 0;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 4096);
            Span<byte> start = stackalloc byte[4];
            var format = Sniff(start[..stream.ReadAtLeast(start, start.Length, throwOnEndOfStream: false)]);
            stream.Position = 0;
            return format switch
            {
                CaptureFileFormat.PcapMicrosecond or CaptureFileFormat.PcapNanosecond =>
                    TryLocatePcapBreak(stream, out frameNumber, out byteOffset),
                CaptureFileFormat.PcapNg => TryLocatePcapNgBreak(stream, out frameNumber, out byteOffset),
                _ => false,
            };
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static bool TryLocatePcapBreak(FileStream stream, out long? frameNumber, out long byteOffset)
    {
        var length = stream.Length;
        Span<byte> header = stackalloc byte[PcapFileHeaderLength];
        frameNumber = null;
        byteOffset = 0;
        if (stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) < header.Length)
        {
            return true;
        }

        var bigEndian = BinaryPrimitives.ReadUInt32BigEndian(header) is PcapMagicMicro or PcapMagicNano;
        long position = PcapFileHeaderLength;
        long records = 0;
        Span<byte> record = header[..PcapRecordHeaderLength];
        while (position < length)
        {
            frameNumber = records + 1;
            byteOffset = position;
            stream.Position = position;
            if (stream.ReadAtLeast(record, record.Length, throwOnEndOfStream: false) < record.Length)
            {
                return true;
            }

            var captureLength = bigEndian
                ? BinaryPrimitives.ReadUInt32BigEndian(record[8..])
                : BinaryPrimitives.ReadUInt32LittleEndian(record[8..]);
            if (captureLength > MaximumCaptureLength || length - position - PcapRecordHeaderLength < captureLength)
            {
                return true;
            }

            position += PcapRecordHeaderLength + captureLength;
            records++;
        }

        frameNumber = null;
        byteOffset = 0;
        return false;
    }

    private static bool TryLocatePcapNgBreak(FileStream stream, out long? frameNumber, out long byteOffset)
    {
        var length = stream.Length;
        Span<byte> block = stackalloc byte[12];
        long position = 0;
        long frames = 0;
        var bigEndian = false;
        frameNumber = null;
        byteOffset = 0;
        while (position < length)
        {
            frameNumber = frames + 1;
            byteOffset = position;
            stream.Position = position;
            if (stream.ReadAtLeast(block, block.Length, throwOnEndOfStream: false) < block.Length)
            {
                return true;
            }

            var type = BinaryPrimitives.ReadUInt32LittleEndian(block);
            if (type == PcapNgSectionHeader)
            {
                bigEndian = BinaryPrimitives.ReadUInt32BigEndian(block[8..]) == PcapNgByteOrderMagic;
            }
            else if (bigEndian)
            {
                type = BinaryPrimitives.ReadUInt32BigEndian(block);
            }

            var blockLength = bigEndian
                ? BinaryPrimitives.ReadUInt32BigEndian(block[4..])
                : BinaryPrimitives.ReadUInt32LittleEndian(block[4..]);
            if (blockLength < 12 || blockLength % 4 != 0 || length - position < blockLength)
            {
                return true;
            }

            position += blockLength;
            if (type is 2 or 3 or 6)
            {
                frames++;
            }
        }

        frameNumber = null;
        byteOffset = 0;
        return false;
    }
}
