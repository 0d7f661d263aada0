using OranTestbed.Analysis.Reports;
using OranTestbed.Analysis.Rules;
using OranTestbed.Analysis.Tests.Support;
using OranTestbed.Fronthaul.Compression;
using OranTestbed.Fronthaul.CPlane;
using OranTestbed.Fronthaul.Ecpri;
using OranTestbed.Fronthaul.Profiles;
using OranTestbed.Fronthaul.Timing;
using OranTestbed.Fronthaul.UPlane;
using OranTestbed.Fronthaul.Writing;

namespace OranTestbed.Analysis.Tests.Tdd;

/// <summary>
/// Traffic against the profile's TDD pattern: DDDSU at µ = 1 with a 10:2:2 special slot, the pattern of the shipped n78
/// profiles. Slot n since frame 0 is ((frameId·10 + subframeId)·2 + slotId), so in every even frame subframe 0 holds
/// D D, subframe 1 D S, subframe 2 U D, and so on. Only the TDD findings are asserted (the single messages here have
/// no C-plane partner and no timestamp near their air time).
/// </summary>
public class TddPatternSpecs
{
    private const string DlInUl = "TDD-DL-IN-UL-SLOT";
    private const string UlInDl = "TDD-UL-IN-DL-SLOT";
    private const string Outside = "TDD-SYMBOL-OUTSIDE-SPLIT";

    private static readonly UdCompHdr Bfp9 = UdCompHdr.From(CompressionMethod.BlockFloatingPoint, 9);

    private static FronthaulProfile Profile(string? slots = "DDDSU") => new()
    {
        Name = "tdd-spec",
        Carrier = new Carrier(1, 273),
        EaxcBits = new EaxcBitWidths(4, 4, 4, 4),
        DownlinkCompression = new UPlaneCompression(Bfp9, true),
        UplinkCompression = new UPlaneCompression(Bfp9, true),
        Duplex = slots is null ? DuplexMode.Fdd : DuplexMode.Tdd,
        TddPattern = slots is null
            ? null
            : TddPattern.Create(slots, slots.Contains('S') ? new SpecialSlotSplit(10, 2, 2) : null, 1, CyclicPrefix.Normal),
    };

    /// <summary>(subframeId, slotId) of each letter in frame 0.</summary>
    private static (int Subframe, int Slot) At(char letter) => letter switch
    {
        'D' => (0, 0),
        'S' => (1, 1),
        'U' => (2, 0),
        _ => throw new ArgumentOutOfRangeException(nameof(letter)),
    };

    private static byte[] CPlane(bool downlink, char slot, int startSymbol, int sectionType = 1, int filterIndex = 0,
        int frameId = 0, params CPlaneSectionValues[] sections)
    {
        var (subframe, slotId) = At(slot);
        if (sections.Length == 0)
        {
            sections = [new CPlaneSectionValues { SectionId = 1, NumPrbc = 12, NumSymbol = 14 - startSymbol }];
        }

        Span<byte> body = stackalloc byte[256];
        var cplane = new CPlaneWriter(body);
        cplane.WriteHeader(new CPlaneHeaderValues
        {
            Downlink = downlink, FilterIndex = filterIndex, FrameId = frameId, SubframeId = subframe, SlotId = slotId,
            StartSymbolId = startSymbol, NumberOfSections = sections.Length, SectionType = sectionType,
            FrameStructure = sectionType == 3 ? (12 << 4) | 1 : 0, UdCompHdr = Bfp9.Raw,
        });
        foreach (var section in sections)
        {
            cplane.WriteSection(section);
        }

        return FronthaulFrames.Envelope(EcpriFields.TypeRealTimeControl, 1, 0, true, 0, cplane.Written);
    }

    private static CPlaneSectionValues Section(int numSymbol, bool symInc = false) =>
        new() { SectionId = 1, NumPrbc = 12, NumSymbol = numSymbol, SymInc = symInc };

    private static byte[] UPlane(bool downlink, char slot, int symbol, int filterIndex = 0, int frameId = 0)
    {
        var (subframe, slotId) = At(slot);
        Span<byte> body = stackalloc byte[256];
        var uplane = new UPlaneWriter(body);
        uplane.WriteHeader(UPlaneHeader.Create(downlink, frameId, subframe, slotId, symbol, filterIndex));
        Span<int> iq = stackalloc int[2 * 24];
        uplane.WriteSection(1, 0, Bfp9, includeUdCompHdr: true, iq);
        return FronthaulFrames.Envelope(EcpriFields.TypeIqData, 1, 0, true, 0, uplane.Written);
    }

    private static AnalysisReport Run(FronthaulProfile profile, params byte[][] frames)
    {
        var analyzer = new FronthaulAnalyzer(profile);
        long number = 0;
        foreach (byte[] frame in frames)
        {
            number++;
            analyzer.Process(frame, number * 1000, number);
        }

        return analyzer.BuildReport();
    }

    private static (string Id, long Count)[] TddFindings(AnalysisReport report) =>
        [.. report.Findings.Where(f => f.Rule.Family == "TDD").Select(f => (f.Rule.Id, f.Count))];

    public static IEnumerable<TestCaseData> WrongDirection()
    {
        yield return new TestCaseData(UPlane(true, 'U', 0), DlInUl).SetName("TddPattern_must_report_dl_uplane_in_a_U_slot");
        yield return new TestCaseData(CPlane(true, 'U', 0), DlInUl).SetName("TddPattern_must_report_dl_cplane_in_a_U_slot");
        yield return new TestCaseData(UPlane(false, 'D', 0), UlInDl).SetName("TddPattern_must_report_ul_uplane_in_a_D_slot");
        yield return new TestCaseData(CPlane(false, 'D', 0), UlInDl).SetName("TddPattern_must_report_ul_cplane_in_a_D_slot");
        yield return new TestCaseData(CPlane(false, 'D', 0, sectionType: 3, filterIndex: 3,
                sections: new CPlaneSectionValues { SectionId = 3, NumPrbc = 12, NumSymbol = 12 }), UlInDl)
            .SetName("TddPattern_must_report_a_prach_cplane_in_a_D_slot");
        yield return new TestCaseData(UPlane(false, 'D', 0, filterIndex: 3), UlInDl)
            .SetName("TddPattern_must_report_prach_uplane_in_a_D_slot");
        // frameId 255 = SFN mod 256: 256 frames hold whole 2.5 ms periods, so the wrap keeps the pattern's phase.
        yield return new TestCaseData(UPlane(true, 'U', 3, frameId: 255), DlInUl)
            .SetName("TddPattern_must_keep_the_pattern_phase_across_the_frameId_wrap");
        yield return new TestCaseData(UPlane(true, 'S', 10), Outside)
            .SetName("TddPattern_must_report_dl_uplane_on_a_guard_symbol_of_the_S_slot");
        yield return new TestCaseData(UPlane(false, 'S', 11), Outside)
            .SetName("TddPattern_must_report_ul_uplane_before_the_ul_part_of_the_S_slot");
        yield return new TestCaseData(CPlane(true, 'S', 0), Outside)
            .SetName("TddPattern_must_report_dl_cplane_addressing_symbols_past_the_dl_part_of_the_S_slot");
        yield return new TestCaseData(CPlane(false, 'S', 10), Outside)
            .SetName("TddPattern_must_report_ul_cplane_addressing_symbols_before_the_ul_part_of_the_S_slot");
        yield return new TestCaseData(CPlane(true, 'S', 0, sections: [Section(6), Section(6, symInc: true)]), Outside)
            .SetName("TddPattern_must_follow_symInc_to_the_symbols_a_section_addresses");
    }

    [TestCaseSource(nameof(WrongDirection))]
    public void TddPattern_must_report_traffic_against_the_pattern(byte[] frame, string rule)
    {
        var report = Run(Profile(), frame);
        Assert.That(TddFindings(report), Is.EqualTo(new[] { (rule, 1L) }));
        Assert.That(report.Findings.Single(f => f.Rule.Id == rule).Examples, Is.EqualTo(new long[] { 1 }));
        Assert.That(RuleCatalogue.Find(rule)!.Severity, Is.EqualTo(RuleSeverity.Error));
    }

    public static IEnumerable<TestCaseData> WithinThePattern()
    {
        yield return new TestCaseData(UPlane(true, 'D', 13)).SetName("TddPattern_must_accept_dl_uplane_in_a_D_slot");
        yield return new TestCaseData(UPlane(false, 'U', 0)).SetName("TddPattern_must_accept_ul_uplane_in_a_U_slot");
        yield return new TestCaseData(UPlane(true, 'S', 9)).SetName("TddPattern_must_accept_dl_uplane_on_the_last_dl_symbol_of_the_S_slot");
        yield return new TestCaseData(UPlane(false, 'S', 12)).SetName("TddPattern_must_accept_ul_uplane_on_the_first_ul_symbol_of_the_S_slot");
        yield return new TestCaseData(CPlane(true, 'S', 0, sections: Section(10))).SetName("TddPattern_must_accept_dl_cplane_over_the_dl_part_of_the_S_slot");
        yield return new TestCaseData(CPlane(false, 'S', 12)).SetName("TddPattern_must_accept_ul_cplane_over_the_ul_part_of_the_S_slot");
        yield return new TestCaseData(CPlane(false, 'S', 0, sectionType: 3, filterIndex: 3,
                sections: new CPlaneSectionValues { SectionId = 3, NumPrbc = 12, NumSymbol = 12 }))
            .SetName("TddPattern_must_take_a_prach_in_the_S_slot_as_lying_in_its_ul_part");
        yield return new TestCaseData(CPlane(false, 'U', 0, sectionType: 3, filterIndex: 3,
                sections: new CPlaneSectionValues { SectionId = 3, NumPrbc = 12, NumSymbol = 12 }))
            .SetName("TddPattern_must_accept_a_prach_in_a_U_slot");
    }

    [TestCaseSource(nameof(WithinThePattern))]
    public void TddPattern_must_accept_traffic_within_the_pattern(byte[] frame)
    {
        Assert.That(TddFindings(Run(Profile(), frame)), Is.Empty);
    }

    [Test]
    public void TddPattern_must_record_a_message_once_however_many_sections_lie_outside_the_split()
    {
        var report = Run(Profile(), CPlane(true, 'S', 0, sections: [Section(12), Section(12)]),
            UPlane(true, 'S', 11));
        Assert.That(TddFindings(report), Is.EqualTo(new[] { (Outside, 2L) }));
        Assert.That(report.Findings.Single(f => f.Rule.Id == Outside).Examples, Is.EqualTo(new long[] { 1, 2 }));
    }

    [Test]
    public void TddPattern_must_not_judge_flexible_slots_or_fdd_profiles()
    {
        byte[][] frames = [UPlane(true, 'U', 0), UPlane(false, 'D', 0), UPlane(true, 'S', 13)];
        Assert.Multiple(() =>
        {
            Assert.That(TddFindings(Run(Profile(slots: null), frames)), Is.Empty, "FDD");
            Assert.That(TddFindings(Run(Profile(slots: "FFFFF"), frames)), Is.Empty, "all flexible");
        });
    }

    [Test]
    public void TddPattern_must_judge_nothing_without_a_profile()
    {
        var report = Analyze.Frames([UPlane(true, 'U', 0), UPlane(false, 'D', 0)]);
        Assert.That(TddFindings(report), Is.Empty);
    }

    [Test]
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public void TddPattern_must_not_allocate_per_message()
    {
        byte[][] frames =
        [
            CPlane(true, 'S', 0, sections: [Section(6), Section(6, symInc: true)]), UPlane(true, 'S', 11),
            UPlane(true, 'U', 0), CPlane(false, 'D', 0), UPlane(false, 'S', 12), UPlane(true, 'D', 3),
        ];
        var analyzer = new FronthaulAnalyzer(Profile());
        for (int i = 0; i < 600; i++)
        {
            analyzer.Process(frames[i % frames.Length], i * 1000, i + 1); // warm-up: JIT and first sight of each flow
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 600; i < 6000; i++)
        {
            analyzer.Process(frames[i % frames.Length], i * 1000, i + 1);
        }

        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
    }
}
