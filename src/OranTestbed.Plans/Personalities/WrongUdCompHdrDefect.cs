using OranTestbed.Fronthaul.Compression;

namespace OranTestbed.Plans.Personalities;

/// <summary>
/// Per U-plane symbol burst the node sends, with probability <see cref="Defect.Rate"/> its sections are compressed
/// with <see cref="Compression"/> instead of the profile's and say so in udCompHdr. Only where the profile puts
/// udCompHdr in U-plane sections (comp-hdr: true) is there a header to be wrong; with static compression the product
/// follows the M-plane configuration and the defect has no effect.
/// </summary>
public sealed record WrongUdCompHdrDefect : Defect
{
    public WrongUdCompHdrDefect(double rate, UdCompHdr compression)
        : base(rate)
    {
        if (compression.Method is not (CompressionMethod.None or CompressionMethod.BlockFloatingPoint))
        {
            throw new ArgumentException("the emulator compresses with none or bfp", nameof(compression));
        }

        Compression = compression;
    }

    public override DefectKind Kind => DefectKind.WrongUdCompHdr;

    public UdCompHdr Compression { get; }
}
