namespace OranTestbed.Capture.Files;

/// <summary>
/// One frame from a capture file or a live capture. From a file, <see cref="Data"/> points into libpcap's buffer and
/// is valid only until the next read or until the reader is disposed; from a live capture it points into a
/// <see cref="Live.CaptureBatch"/> and is valid until the batch is disposed. Copy what must outlive that.
/// </summary>
public readonly ref struct CapturedFrame
{
    public CapturedFrame(ReadOnlySpan<byte> data, long timestampNanoseconds, int originalLength, long number)
    {
        Data = data;
        TimestampNanoseconds = timestampNanoseconds;
        OriginalLength = originalLength;
        Number = number;
    }

    /// <summary>The captured bytes, starting at the link-layer header; its length is the captured length.</summary>
    public ReadOnlySpan<byte> Data { get; }

    /// <summary>Capture time in nanoseconds since the Unix epoch (exact; µs files give multiples of 1000).</summary>
    public long TimestampNanoseconds { get; }

    /// <summary>The frame's length on the wire (pcap <c>orig_len</c>); at least <see cref="CapturedLength"/>.</summary>
    public int OriginalLength { get; }

    /// <summary>1-based position of the record in the file (as Wireshark numbers frames), also under a filter; live,
    /// the position among the frames the capture received (gaps are frames it dropped).</summary>
    public long Number { get; }

    public int CapturedLength => Data.Length;

    /// <summary>True when the capture kept fewer bytes than were on the wire (snap length).</summary>
    public bool IsSnapped => Data.Length < OriginalLength;
}
