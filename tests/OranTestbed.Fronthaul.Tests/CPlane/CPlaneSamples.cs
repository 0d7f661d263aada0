using OranTestbed.Fronthaul.Compression;
using OranTestbed.Fronthaul.CPlane;
using OranTestbed.Fronthaul.CPlane.Extensions;
using OranTestbed.Fronthaul.Decoding;
using OranTestbed.Fronthaul.Writing;

namespace OranTestbed.Fronthaul.Tests.CPlane;

/// <summary>
/// Hand-chosen C-plane messages covering every section type (0, 1, 3, 5, 6, 7) and every decoded extension (1, 4,
/// 5, 6, 10, 11, 12, 13) plus skipped ones (9, 18), sized so tshark 4.0.17 decodes them without reading padding past
/// the message. Decoded with <see cref="Options"/> (2 antennas, 4 weights per bundle).
/// </summary>
public static class CPlaneSamples
{
    public static readonly FronthaulDecodeOptions Options = new() { BeamformingAntennas = 2, WeightsPerBundle = 4 };

    /// <summary>tshark preferences matching <see cref="Options"/>.</summary>
    public static readonly IReadOnlyList<string> TsharkPreferences =
    [
        "oran_fh_cus.oran.du_port_id_bits:4", "oran_fh_cus.oran.bandsector_id_bits:4", "oran_fh_cus.oran.cc_id_bits:4",
        "oran_fh_cus.oran.ru_port_id_bits:4", "oran_fh_cus.oran.num_bf_antennas:2",
        "oran_fh_cus.oran.num_weights_per_bundle:4", "oran_fh_cus.oran.rbs_in_uplane_section:273",
    ];

    public static IEnumerable<(string Name, byte[] Message)> All()
    {
        yield return ("st0-two-sections", CPlaneFrames.Message(St0));
        yield return ("st1-se1-se4-se6-se12", CPlaneFrames.Message(St1Weights));
        yield return ("st1-se10-se11", CPlaneFrames.Message(St1Grouping));
        yield return ("st1-se5-se13-se9-se18", CPlaneFrames.Message(St1Skipped));
        yield return ("st1-se1-block-scaling-and-mu-law", CPlaneFrames.Message(St1OtherBfwMethods));
        yield return ("st1-se11-uncompressed", CPlaneFrames.Message(St1FlexibleUncompressed));
        yield return ("st3-prach", CPlaneFrames.Message(St3));
        yield return ("st5-ue-scheduling", CPlaneFrames.Message(St5));
        yield return ("st6-channel-information", CPlaneFrames.Message(St6));
        yield return ("st7-laa", CPlaneFrames.Message(St7));
    }

    public static void St0(ref CPlaneWriter w)
    {
        w.WriteHeader(new CPlaneHeaderValues
        {
            Downlink = true, FrameId = 200, SubframeId = 9, SlotId = 1, StartSymbolId = 13, NumberOfSections = 2,
            SectionType = 0, TimeOffset = 1234, FrameStructure = 0x91, CpLength = 288,
        });
        w.WriteSection(new CPlaneSectionValues { SectionId = 4095, StartPrbc = 0, NumPrbc = 0, ReMask = 0xFFF, NumSymbol = 14 });
        w.WriteSection(new CPlaneSectionValues { SectionId = 7, Rb = true, SymInc = true, StartPrbc = 1023, NumPrbc = 255, ReMask = 0xA5A, NumSymbol = 2 });
    }

    public static void St1Weights(ref CPlaneWriter w)
    {
        w.WriteHeader(new CPlaneHeaderValues
        {
            Downlink = true, FrameId = 1, SubframeId = 2, SlotId = 3, StartSymbolId = 4, NumberOfSections = 2,
            SectionType = 1, UdCompHdr = 0x91,
        });
        w.WriteSection(new CPlaneSectionValues { SectionId = 100, StartPrbc = 10, NumPrbc = 20, NumSymbol = 14, BeamId = 32767 });
        w.WriteBeamformingWeights(UdCompHdr.From(CompressionMethod.None, 16), [], [12345, -12345, 32767, -32768]);
        w.WriteModulationCompression(true, 0x5A5A);
        w.WriteNonContiguousPrb(true, 7, 0x0ABCDEF, 3, 0x2AAA);
        w.WriteSection(new CPlaneSectionValues { SectionId = 101, StartPrbc = 30, NumPrbc = 8, ReMask = 0xF0F, NumSymbol = 1, BeamId = 1 });
        w.WriteBeamformingWeights(UdCompHdr.From(CompressionMethod.BlockFloatingPoint, 8), [0x03], [-128, 127, -1, 5]);
        w.WritePrbRanges(1, 0x0101, [new PrbRange(1, 2), new PrbRange(3, 4), new PrbRange(5, 6)]);
    }

    public static void St1Grouping(ref CPlaneWriter w)
    {
        w.WriteHeader(new CPlaneHeaderValues { NumberOfSections = 3, SectionType = 1, UdCompHdr = 0xE1 });
        w.WriteSection(new CPlaneSectionValues { SectionId = 1, NumPrbc = 10, BeamId = 20 });
        w.WritePortGrouping(2, 3, [0x0011, 0x8022, 0x7FFF]);
        w.WritePortGrouping(0, 4, []);
        w.WritePortGrouping(1, 63, []);
        w.WriteFlexibleWeights(false, true, 0, 4, UdCompHdr.From(CompressionMethod.BlockFloatingPoint, 8), 1,
            [0x01, 0x02, 0x0F], [0x0001, 0x0002, 0x8003], 4,
            [1, -1, 2, -2, 3, -3, 4, -4, 10, 20, 30, 40, 50, 60, 70, 80, -100, 100, -50, 50, 0, 127, -128, 1]);
        w.WriteSection(new CPlaneSectionValues { SectionId = 2, StartPrbc = 10, NumPrbc = 5, BeamId = 0 });
        w.WriteFlexibleWeights(true, false, 0, 2, default, 0, [], [0x0101, 0x0202, 0x7FFF], 0, []);
        w.WriteSection(new CPlaneSectionValues { SectionId = 3, StartPrbc = 15, NumPrbc = 1, BeamId = 9 });
    }

    public static void St1Skipped(ref CPlaneWriter w)
    {
        w.WriteHeader(new CPlaneHeaderValues { Downlink = true, NumberOfSections = 1, SectionType = 1, UdCompHdr = 0x04 });
        w.WriteSection(new CPlaneSectionValues { SectionId = 5, NumPrbc = 106, BeamId = 2 });
        w.WriteModulationCompressionScaling([new ModCompScalingSet(0xFFF, true, 0x1234), new ModCompScalingSet(0x00F, false, 0x7FFF)]);
        w.WriteFrequencyHopping([new FrequencyHop(3, 100), new FrequencyHop(7, 1023), new FrequencyHop(13, 1)]);
        w.WriteRawExtension(CPlaneExtensionTypes.DynamicSpectrumSharing, [1, 0]);
        w.WriteRawExtension(CPlaneExtensionTypes.UplinkTransmissionManagement, [0x12, 0x34, 0x05, 0x67, 0x02, 0x00]);
    }

    public static void St1OtherBfwMethods(ref CPlaneWriter w)
    {
        w.WriteHeader(new CPlaneHeaderValues { NumberOfSections = 2, SectionType = 1, UdCompHdr = 0x91 });
        w.WriteSection(new CPlaneSectionValues { SectionId = 1, NumPrbc = 4, BeamId = 1 });
        w.WriteBeamformingWeights(UdCompHdr.From(CompressionMethod.BlockScaling, 8), [0x80], [1, 2, 3, 4]);
        w.WriteSection(new CPlaneSectionValues { SectionId = 2, NumPrbc = 4, BeamId = 2 });
        w.WriteBeamformingWeights(UdCompHdr.From(CompressionMethod.MuLaw, 8), [0x73], [5, 6, 7, 8]);
    }

    public static void St1FlexibleUncompressed(ref CPlaneWriter w)
    {
        w.WriteHeader(new CPlaneHeaderValues { NumberOfSections = 2, SectionType = 1, UdCompHdr = 0x91 });
        w.WriteSection(new CPlaneSectionValues { SectionId = 1, NumPrbc = 2, BeamId = 1 });
        w.WriteFlexibleWeights(false, false, 0, 2, UdCompHdr.From(CompressionMethod.None, 16), 0, [], [0x0005], 4,
            [-32768, 32767, -1, 1, 1000, -1000, 0, 16384]);
        w.WriteSection(new CPlaneSectionValues { SectionId = 2, NumPrbc = 1, BeamId = 2 });

        // bfwIqWidth 8 without compression: tshark 4.0 does not sign-extend (−3 shows as 253/32767).
        w.WriteFlexibleWeights(false, false, 0, 1, UdCompHdr.From(CompressionMethod.None, 8), 0, [], [0x0006], 4,
            [-3, 3, -128, 127, 0, 1, -1, 64]);
    }

    public static void St3(ref CPlaneWriter w)
    {
        w.WriteHeader(new CPlaneHeaderValues
        {
            FilterIndex = 3, FrameId = 255, SubframeId = 5, SlotId = 0, NumberOfSections = 2, SectionType = 3,
            TimeOffset = 4000, FrameStructure = 0xB1, CpLength = 2000, UdCompHdr = 0x91,
        });
        w.WriteSection(new CPlaneSectionValues { SectionId = 10, NumPrbc = 12, NumSymbol = 12, BeamId = 7, FreqOffset = -8388608 });
        w.WriteNonContiguousPrb(false, 1, 0x0000001, 0, 0x0001);
        w.WriteSection(new CPlaneSectionValues { SectionId = 11, StartPrbc = 12, NumPrbc = 12, NumSymbol = 12, BeamId = 8, FreqOffset = 8388607 });
    }

    public static void St5(ref CPlaneWriter w)
    {
        w.WriteHeader(new CPlaneHeaderValues { Downlink = true, NumberOfSections = 2, SectionType = 5, UdCompHdr = 0x94 });
        w.WriteSection(new CPlaneSectionValues { SectionId = 20, NumPrbc = 50, UeId = 0x1234 });
        w.WriteModulationCompression(false, 0x7FFF);
        w.WritePortGrouping(2, 2, [0x0100, 0x0200]);
        w.WriteSection(new CPlaneSectionValues { SectionId = 21, StartPrbc = 50, NumPrbc = 50, UeId = 0x7FFF });
    }

    public static void St6(ref CPlaneWriter w)
    {
        w.WriteHeader(new CPlaneHeaderValues { NumberOfSections = 2, SectionType = 6, NumberOfUes = 2, CiCompHdr = 0 });
        w.WriteChannelInformationSection(new CPlaneSectionValues { UeId = 1, RegularizationFactor = -300, StartPrbc = 5, NumPrbc = 2 },
            default, 2, [], [100, -100, 32767, -32768, 0, 1, -1, 12345]);
        w.WriteChannelInformationSection(new CPlaneSectionValues { UeId = 0x7FFF, RegularizationFactor = 32767, Rb = true, StartPrbc = 7, NumPrbc = 1 },
            default, 2, [], [5, 6, 7, 8]);
        w.WriteRawExtension(CPlaneExtensionTypes.DynamicSpectrumSharing, [0, 0]);
    }

    public static void St7(ref CPlaneWriter w)
    {
        w.WriteHeader(new CPlaneHeaderValues { Downlink = true, SectionType = 7 });
        w.WriteLaaMessage(0, [0x12, 0x34, 0x56, 0x78, 0x9A, 0xBC, 0xDE]);
    }
}
