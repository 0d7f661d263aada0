using OranTestbed.Fronthaul.Compression;

namespace OranTestbed.Fronthaul.Profiles;

/// <summary>
/// U-plane IQ compression of one direction (M-plane o-ran-uplane-conf compression): the static method and width, and
/// whether every U-plane section carries udCompHdr (O-RAN.WG4.CUS §7.5.2.10; "dynamic" compression), in which case the
/// header, not <see cref="Static"/>, tells the decoder.
/// </summary>
public sealed record UPlaneCompression(UdCompHdr Static, bool UdCompHdrPresent)
{
    public override string ToString() => UdCompHdrPresent ? $"{Static} (udCompHdr in sections)" : $"{Static} (static)";
}
