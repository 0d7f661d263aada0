using System.Runtime.CompilerServices;

namespace OranTestbed.Fronthaul.Compression;

/// <summary>
/// The one-byte udCompHdr (O-RAN.WG4.CUS §7.5.2.10): udIqWidth in bits 7-4 (0 means 16) and udCompMeth in bits 3-0.
/// Also the layout of bfwCompHdr (§7.7.1.1) and of a static compression configuration.
/// </summary>
public readonly record struct UdCompHdr(byte Raw)
{
    /// <summary>The raw udIqWidth nibble: 0 stands for 16 bits (see <see cref="IqWidth"/>).</summary>
    public int RawIqWidth => Raw >> 4;

    /// <summary>The IQ sample width in bits, 1..16.</summary>
    public int IqWidth => RawIqWidth == 0 ? 16 : RawIqWidth;

    /// <summary>The raw udCompMeth nibble.</summary>
    public int RawMethod => Raw & 0x0F;

    public CompressionMethod Method => (CompressionMethod)RawMethod;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static UdCompHdr From(CompressionMethod method, int iqWidth)
    {
        if (iqWidth is < 1 or > 16)
        {
            throw new ArgumentOutOfRangeException(nameof(iqWidth), iqWidth, "IQ width must be 1..16 bits");
        }

        return new UdCompHdr((byte)(((iqWidth & 0x0F) << 4) | ((int)method & 0x0F)));
    }

    public override string ToString() => $"{CompressionMethodNames.Name(Method)}:{IqWidth}";
}
