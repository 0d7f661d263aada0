namespace OranTestbed.Plans.Bands;

/// <summary>
/// The downlink NR-ARFCNs a band's channels may be centred on for one channel raster ΔF_Raster (3GPP TS 38.104 Table
/// 5.4.2.3-1 (FR1) and -2 (FR2)): <c>First</c>, <c>First + Step</c>, ... <c>Last</c>.
/// </summary>
public sealed record ArfcnRaster(int RasterKHz, int First, int Step, int Last)
{
    public bool Contains(int arfcn) => arfcn >= First && arfcn <= Last && (arfcn - First) % Step == 0;
}
