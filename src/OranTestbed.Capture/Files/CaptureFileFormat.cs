namespace OranTestbed.Capture.Files;

/// <summary>The on-disk format, from the file's magic number.</summary>
public enum CaptureFileFormat
{
    Unknown = 0,

    /// <summary>Classic pcap, microsecond timestamps (magic 0xA1B2C3D4).</summary>
    PcapMicrosecond,

    /// <summary>Classic pcap, nanosecond timestamps (magic 0xA1B23C4D).</summary>
    PcapNanosecond,

    /// <summary>pcapng (Section Header Block 0x0A0D0D0A); resolution is per interface (if_tsresol).</summary>
    PcapNg,
}
