namespace OranTestbed.Capture.Files;

/// <summary>What <see cref="PcapRecordStream.TryRead"/> found.</summary>
internal enum PcapRecordStatus
{
    Read,

    /// <summary>The file ended exactly after the last record.</summary>
    End,

    /// <summary>The file ends inside a record header or its captured bytes.</summary>
    Truncated,

    /// <summary>A record length no pcap reader accepts.</summary>
    Corrupt,
}
