using OranTestbed.Fronthaul.Profiles;

namespace OranTestbed.Mplane.Oran;

/// <summary>
/// The numerology leaves of an endpoint (o-ran-uplane-conf <c>scs-config</c>): <c>frame-structure</c> is the
/// frameStructure byte of O-RAN.WG4.CUS §7.5.2.13 (bits 7–4 log2 of the FFT size, bits 3–0 the numerology), and the
/// cyclic prefix lengths are in units of 1/122.88 MHz (the values O-RUs accept, e.g. 352/288 at 30 kHz, as OAI sends).
/// </summary>
public static class FrameStructure
{
    private const int FirstSymbolExtra = 64; // 16 κ Tc at 122.88 MHz: the first symbol of each half subframe

    /// <summary>The frameStructure byte: the smallest FFT (≥ 256) that holds the carrier's subcarriers.</summary>
    public static byte Of(Carrier carrier)
    {
        ArgumentNullException.ThrowIfNull(carrier);
        int subcarriers = carrier.Prbs * 12;
        int log2 = 8;
        while ((1 << log2) < subcarriers)
        {
            log2++;
        }

        return (byte)((log2 << 4) | carrier.Numerology);
    }

    /// <summary>The normal CP of the other symbols (<c>cp-length-other</c>).</summary>
    public static int CpLengthOther(int numerology) => 144 * 4 >> numerology;

    /// <summary>The normal CP of the first symbol of each half subframe (<c>cp-length</c>).</summary>
    public static int CpLength(int numerology) => CpLengthOther(numerology) + FirstSymbolExtra;
}
