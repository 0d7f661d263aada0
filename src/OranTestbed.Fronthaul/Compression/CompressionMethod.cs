namespace OranTestbed.Fronthaul.Compression;

/// <summary>udCompMeth / bfwCompMeth codes, O-RAN.WG4.CUS Table 7.7.1.1-2 (udCompHdr) and §7.7.1.</summary>
public enum CompressionMethod : byte
{
    None = 0,
    BlockFloatingPoint = 1,
    BlockScaling = 2,
    MuLaw = 3,
    ModulationCompression = 4,
    BfpSelectiveRe = 5,
    ModulationCompressionSelectiveRe = 6,
    BfpSelectiveReSectionMasks = 7,
    ModulationCompressionSelectiveReSectionMasks = 8,
}
