namespace OranTestbed.Fronthaul.CPlane.Extensions;

/// <summary>Section extension type codes, O-RAN.WG4.CUS Table 7.7.1-1, and the extension header rules (§7.7.1).</summary>
public static class CPlaneExtensionTypes
{
    public const int BeamformingWeights = 1;
    public const int BeamformingAttributes = 2;
    public const int DlPrecoding = 3;
    public const int ModulationCompression = 4;
    public const int ModulationCompressionScaling = 5;
    public const int NonContiguousPrb = 6;
    public const int MultipleEaxc = 7;
    public const int RegularizationFactor = 8;
    public const int DynamicSpectrumSharing = 9;
    public const int PortGrouping = 10;
    public const int FlexibleWeights = 11;
    public const int PrbRanges = 12;
    public const int FrequencyHopping = 13;
    public const int UplinkTransmissionManagement = 18;
    public const int CompactBeamformingInfo = 19;
    public const int Puncturing = 20;

    /// <summary>extLen is 16 bits (bytes 1-2) for extTypes 11, 19 and 20 (§7.7.11.1, §7.7.19.1, §7.7.20.1), else 8 bits.</summary>
    public static bool HasWideExtLen(int extType) => extType is FlexibleWeights or CompactBeamformingInfo or Puncturing;

    /// <summary>Bytes of the ef|extType + extLen header.</summary>
    public static int HeaderLength(int extType) => HasWideExtLen(extType) ? 3 : 2;

    /// <summary>True for the types this library decodes field by field; other types are skipped by extLen.</summary>
    public static bool IsDecoded(int extType) => extType is BeamformingWeights or ModulationCompression
        or ModulationCompressionScaling or NonContiguousPrb or PortGrouping or FlexibleWeights or PrbRanges
        or FrequencyHopping;
}
