namespace OranTestbed.Fronthaul.CPlane;

/// <summary>
/// ciCompHdr of section type 6 (O-RAN.WG4.CUS §7.5.2.18): ciIqWidth in bits 7-4 (0 means 16), ciCompMeth in
/// bits 3-1 (udCompMeth codes 0-7), ciCompOpt in bit 0 (0 = one ciCompParam per UE/section, 1 = one per PRB).
/// Wireshark 4.0 treats this byte as reserved and decodes channel information as uncompressed 16-bit samples,
/// which is what ciCompHdr 0x00 means.
/// </summary>
public readonly record struct CiCompHdr(byte Raw)
{
    public int RawIqWidth => Raw >> 4;

    public int IqWidth => RawIqWidth == 0 ? 16 : RawIqWidth;

    public int Method => (Raw >> 1) & 0x07;

    /// <summary>ciCompOpt: false = ciCompParam only before the first PRB, true = before every PRB.</summary>
    public bool ParamPerPrb => (Raw & 0x01) != 0;

    /// <summary>Bytes of ciCompParam (0 for no compression, else 1: exponent, blockScaler or compBitWidth|compShift).</summary>
    public int ParamLength => Method == 0 ? 0 : 1;

    public static CiCompHdr From(int iqWidth, int method, bool paramPerPrb) =>
        new((byte)(((iqWidth & 0x0F) << 4) | ((method & 0x07) << 1) | (paramPerPrb ? 1 : 0)));
}
