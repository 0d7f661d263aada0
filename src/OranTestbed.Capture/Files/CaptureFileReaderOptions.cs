namespace OranTestbed.Capture.Files;

/// <summary>How to open a capture file.</summary>
public sealed record CaptureFileReaderOptions
{
    public static readonly CaptureFileReaderOptions Default = new();

    /// <summary>A BPF expression (pcap-filter(7)), e.g. <c>ether proto 0xaefe</c> or <c>vlan and ether proto 0xaefe</c>.
    /// Null or empty reads every frame.</summary>
    public string? Filter { get; init; }

    /// <summary>
    /// Refuse files whose link type is not Ethernet (the only one the analyser decodes) with
    /// <see cref="CaptureFileErrorKind.UnsupportedLinkType"/>. Turn off to read other link types raw.
    /// </summary>
    public bool RequireEthernet { get; init; } = true;
}
