using System.Runtime.CompilerServices;
using OranTestbed.Analysis.Flows;
using OranTestbed.Analysis.Iq;
using OranTestbed.Analysis.Reports;
using OranTestbed.Analysis.Rules;
using OranTestbed.Analysis.Tests.Support;
using OranTestbed.Capture.Files;
using OranTestbed.Fronthaul.Compression;

namespace OranTestbed.Analysis.Tests.Iq;

public class IqStatisticsSpecs
{
    private static readonly UdCompHdr Bfp9 = UdCompHdr.From(CompressionMethod.BlockFloatingPoint, 9);

    /// <summary>A complex tone e^{jπn/2} of amplitude <paramref name="amplitude"/>: (A,0) (0,A) (−A,0) (0,−A) …</summary>
    private static int[] Tone(int amplitude, int prbs)
    {
        var iq = new int[prbs * 24];
        for (int n = 0; n < iq.Length / 2; n++)
        {
            (iq[2 * n], iq[(2 * n) + 1]) = (n % 4) switch
            {
                0 => (amplitude, 0),
                1 => (0, amplitude),
                2 => (-amplitude, 0),
                _ => (0, -amplitude),
            };
        }

        return iq;
    }

    private static AnalysisReport Run(bool analyzeIq, params byte[][] frames)
    {
        var analyzer = new FronthaulAnalyzer(Analyze.Options, numerology: 1, analyzeIq: analyzeIq);
        for (int i = 0; i < frames.Length; i++)
        {
            analyzer.Process(frames[i], (i + 1) * 1000, i + 1);
        }

        return analyzer.BuildReport();
    }

    [Test]
    public void IqStatistics_must_measure_a_tone_of_known_amplitude_in_dbfs()
    {
        // 8192 = 128·2^6 is exact in BFP 9; |x|² = 8192² every sample: 10·log10(8192²/32768²) = −12.0412 dBFS.
        var report = Run(true,
            IqFrames.Samples(1, 0, downlink: true, Tone(8192, 4), Bfp9),
            IqFrames.Samples(1, 1, downlink: true, Tone(8192, 4), Bfp9));
        var flow = report.Iq.PerFlow.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.Iq.Enabled, Is.True);
            Assert.That((flow.Eaxc, flow.Direction), Is.EqualTo(((ushort)1, DataDirection.Downlink)));
            Assert.That(flow.Samples, Is.EqualTo(2 * 4 * 12));
            Assert.That(flow.MeanPowerDbfs, Is.EqualTo(20 * Math.Log10(0.25)).Within(0.01));
            Assert.That(flow.PeakDbfs, Is.EqualTo(-12.0412).Within(0.01));
            Assert.That((flow.Clipped, flow.ClippedRatio), Is.EqualTo((0L, 0.0)));
            Assert.That(report.CountOf(RuleCatalogue.CompIqClipping), Is.Zero);
        }
    }

    [Test]
    public void IqStatistics_must_keep_flows_apart_by_eaxc_and_direction()
    {
        var report = Run(true,
            IqFrames.Samples(2, 0, downlink: false, Tone(1024, 1), Bfp9),
            IqFrames.Samples(1, 0, downlink: true, Tone(8192, 1), Bfp9),
            IqFrames.Samples(2, 0, downlink: true, Tone(2048, 1), Bfp9));
        Assert.That(report.Iq.PerFlow.Select(f => (f.Eaxc, f.Direction, Math.Round(f.MeanPowerDbfs!.Value, 2))), Is.EqualTo(new[]
        {
            ((ushort)1, DataDirection.Downlink, -12.04),
            ((ushort)2, DataDirection.Downlink, -24.08),
            ((ushort)2, DataDirection.Uplink, -30.10),
        }));
    }

    [Test]
    public void IqStatistics_must_count_full_scale_samples_as_clipping_and_report_the_rule()
    {
        // PRB 0 at full scale (−32768 and 32767 → 255·2^7 = 32640, the largest BFP-9 value), PRB 1 a quiet tone.
        var iq = Tone(256, 2);
        for (int i = 0; i < 24; i++)
        {
            iq[i] = i % 2 == 0 ? -32768 : 32767;
        }

        var report = Run(true, IqFrames.Samples(3, 0, downlink: false, iq, Bfp9));
        var flow = report.Iq.PerFlow.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(flow.Clipped, Is.EqualTo(12));
            Assert.That(flow.ClippedRatio, Is.EqualTo(0.5));
            Assert.That(flow.PeakDbfs, Is.EqualTo(0.0).Within(1e-9));
            Assert.That(report.CountOf(RuleCatalogue.CompIqClipping), Is.EqualTo(12));
            Assert.That(report.Findings.Single(f => f.Rule == RuleCatalogue.CompIqClipping).Examples, Is.EqualTo(new long[] { 1 }));
        }
    }

    [Test]
    public void IqStatistics_must_count_16_bit_full_scale_without_compression()
    {
        var none16 = UdCompHdr.From(CompressionMethod.None, 16);
        var iq = new int[24];
        iq[0] = 32767;
        iq[3] = -32768;
        iq[4] = 32766;
        var analyzer = new FronthaulAnalyzer(Analyze.Options with { DownlinkCompression = none16 }, 1, analyzeIq: true);
        analyzer.Process(IqFrames.Samples(1, 0, downlink: true, iq, none16), 1000, 1);
        var flow = analyzer.BuildReport().Iq.PerFlow.Single();
        Assert.That((flow.Samples, flow.Clipped), Is.EqualTo((12L, 2L)));
    }

    /// <summary>
    /// Per PRB, the resource elements (+S, 0), (−S, 0), (0, +S), (0, −S), (+S, −S) saturate and seven stay quiet (±q):
    /// a waveform clipped symmetrically at ±S, as test signals are. Five clipped samples per PRB, as many negative as
    /// positive excursions.
    /// </summary>
    private static int[] SymmetricSaturation(int s, int q, int prbs)
    {
        var iq = new int[prbs * 24];
        for (int prb = 0; prb < prbs; prb++)
        {
            var re = iq.AsSpan(prb * 24, 24);
            (re[0], re[1]) = (s, 0);
            (re[2], re[3]) = (-s, 0);
            (re[4], re[5]) = (0, s);
            (re[6], re[7]) = (0, -s);
            (re[8], re[9]) = (s, -s);
            for (int i = 10; i < 24; i++)
            {
                re[i] = i % 2 == 0 ? q : -q;
            }
        }

        return iq;
    }

    [TestCase(CompressionMethod.None, 16)]
    [TestCase(CompressionMethod.BlockFloatingPoint, 9)]
    public void IqStatistics_must_count_negative_saturation_at_minus_32767_like_positive_in_a_capture(
        CompressionMethod method, int width)
    {
        // Uncompressed 16-bit: samples ±32767. BFP-9: the mantissas ±255 at exponent 7 (±32640) that an encoder
        // saturating symmetrically sends for ±32767 (the most negative mantissa, −256, is never used).
        var compression = UdCompHdr.From(method, width);
        var frames = new List<byte[]>();
        for (byte seq = 0; seq < 3; seq++)
        {
            frames.Add(method == CompressionMethod.None
                ? IqFrames.Samples(5, seq, downlink: true, SymmetricSaturation(32767, 1000, 2), compression)
                : IqFrames.Codes(5, seq, downlink: true, compression, SymmetricSaturation(255, 8, 2), [7, 7]));
        }

        string path = Path.Combine(Path.GetTempPath(), $"oran-iq-symmetric-{method}-{width}-{Guid.NewGuid():N}.pcap");
        try
        {
            using (var writer = new CaptureFileWriter(path))
            {
                for (int i = 0; i < frames.Count; i++)
                {
                    writer.Write(frames[i], 1_700_000_000_000_000_000L + (i * 35_714L));
                }
            }

            var analyzer = new FronthaulAnalyzer(Analyze.Options with { DownlinkCompression = compression }, 1,
                analyzeIq: true);
            using (var reader = new CaptureFileReader(path))
            {
                while (reader.TryReadNext(out var frame))
                {
                    analyzer.Process(frame);
                }

                reader.ThrowIfFailed();
            }

            var report = analyzer.BuildReport();
            var flow = report.Iq.PerFlow.Single();
            using (Assert.EnterMultipleScope())
            {
                Assert.That(flow.Samples, Is.EqualTo(3 * 2 * 12));
                Assert.That(flow.Clipped, Is.EqualTo(3 * 2 * 5), "both signs of the saturation count");
                Assert.That(report.CountOf(RuleCatalogue.CompIqClipping), Is.EqualTo(3 * 2 * 5));
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestCase(CompressionMethod.None, 16, 32767)]
    [TestCase(CompressionMethod.None, 8, 127 << 8)]
    [TestCase(CompressionMethod.BlockFloatingPoint, 9, 255 << 7)]
    [TestCase(CompressionMethod.BlockFloatingPoint, 14, 8191 << 2)]
    [TestCase(CompressionMethod.BlockFloatingPoint, 16, 32767)]
    [TestCase(CompressionMethod.BlockScaling, 9, 255 << 7)]
    [TestCase(CompressionMethod.MuLaw, 9, 32768 - 256)]
    [TestCase(CompressionMethod.MuLaw, 16, 32766)]
    public void IqStatistics_clipping_level_must_be_the_largest_code_at_full_scale(CompressionMethod method, int width,
        int expected) =>
        Assert.That(IqStatistics.ClippingLevel(UdCompHdr.From(method, width)), Is.EqualTo(expected));

    [TestCase(CompressionMethod.None, 8)]
    [TestCase(CompressionMethod.BlockFloatingPoint, 12)]
    [TestCase(CompressionMethod.BlockScaling, 9)]
    [TestCase(CompressionMethod.MuLaw, 9)]
    public void IqStatistics_must_count_the_largest_the_negated_largest_and_the_most_negative_code(
        CompressionMethod method, int width)
    {
        // Exact path (decompress, then compare): per PRB, RE 0-2 = largest, −largest, most negative code at the method's
        // full-scale setting (BFP exponent 16 − w, blockScaler 1.0, µ-law compShift 0); RE 3 = largest − 1, not clipped.
        var compression = UdCompHdr.From(method, width);
        int largest = IqPacking.MaxValue(width);
        var codes = new int[24];
        (codes[0], codes[2], codes[4], codes[6]) = (largest, -largest, -largest - 1, largest - 1);
        byte param = method switch
        {
            CompressionMethod.BlockFloatingPoint => (byte)(16 - width),
            CompressionMethod.BlockScaling => (byte)BlockScalingCodec.UnityScaler,
            CompressionMethod.MuLaw => MuLawCodec.Param(width, 0),
            _ => (byte)0,
        };
        var analyzer = new FronthaulAnalyzer(Analyze.Options with { DownlinkCompression = compression }, 1, analyzeIq: true);
        analyzer.Process(IqFrames.Codes(1, 0, downlink: true, compression, codes, [param]), 1000, 1);
        var flow = analyzer.BuildReport().Iq.PerFlow.Single();
        Assert.That((flow.Samples, flow.Clipped), Is.EqualTo((12L, 3L)));
    }

    [Test]
    public void IqStatistics_disabled_must_report_nothing_computed()
    {
        var report = Run(false, IqFrames.Samples(1, 0, downlink: true, Tone(8192, 4), Bfp9));
        string json = AnalysisReportJson.ToJson(report, indented: false);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.Iq.Enabled, Is.False);
            Assert.That(report.Iq.PerFlow, Is.Empty);
            Assert.That(json, Does.Contain("\"iq\":{\"enabled\":false,\"fullScale\":32768,\"perFlow\":[]}"));
        }
    }

    [Test]
    public void IqStatistics_must_be_written_to_the_json_report()
    {
        var report = Run(true, IqFrames.Samples(1, 0, downlink: true, Tone(8192, 1), Bfp9));
        string json = AnalysisReportJson.ToJson(report, indented: false);
        Assert.That(json, Does.Contain(
            "\"iq\":{\"enabled\":true,\"fullScale\":32768,\"perFlow\":[{\"eAxC\":1,\"direction\":\"DL\",\"samples\":12,"
            + "\"meanPowerDbfs\":-12.041,\"peakDbfs\":-12.041,\"clipped\":0,\"clippedRatio\":0,\"skippedSections\":0}]}"));
    }

    [Test]
    public void CompressionChecker_must_report_udCompHdr_differing_from_the_profile()
    {
        var bfp14 = UdCompHdr.From(CompressionMethod.BlockFloatingPoint, 14);
        var report = Run(false,
            IqFrames.Samples(1, 0, downlink: true, Tone(100, 1), bfp14),
            IqFrames.Samples(1, 1, downlink: true, Tone(100, 1), Bfp9));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.CountOf(RuleCatalogue.CompProfileMismatch), Is.EqualTo(1));
            Assert.That(report.Findings.Single(f => f.Rule == RuleCatalogue.CompProfileMismatch).Examples, Is.EqualTo(new long[] { 1 }));
        }
    }

    [TestCase(7, 0)]
    [TestCase(8, 1)]
    [TestCase(15, 1)]
    public void CompressionChecker_must_report_a_bfp_exponent_above_16_minus_the_width(int exponent, int expected)
    {
        var report = Run(false, IqFrames.BfpCodes(1, 0, downlink: true, Bfp9, [0, (byte)exponent, 3]));
        Assert.That(report.CountOf(RuleCatalogue.CompBfpExponentRange), Is.EqualTo(expected));
    }

    [Test]
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void IqStatistics_must_not_allocate_per_message_after_warm_up()
    {
        var frames = new List<byte[]>();
        for (int i = 0; i < 40; i++)
        {
            frames.Add(IqFrames.Samples((ushort)(1 + (i % 2)), (byte)(i / 2), downlink: i % 4 < 2, Tone(4096 + i, 8), Bfp9));
        }

        var analyzer = new FronthaulAnalyzer(Analyze.Options, numerology: 1, analyzeIq: true);
        for (int i = 0; i < 20; i++)
        {
            analyzer.Process(frames[i], i, i + 1);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 20; i < frames.Count; i++)
        {
            analyzer.Process(frames[i], i, i + 1);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.That(allocated, Is.Zero);
        Assert.That(analyzer.BuildReport().Iq.PerFlow.Sum(f => f.Samples), Is.EqualTo(40 * 8 * 12));
    }

    [Test]
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void IqStatistics_must_not_allocate_per_message_with_large_exponents_or_without_compression()
    {
        // BFP-9 at exponents 8-10 (the kernel, values beyond 16 bits) and saturated 16-bit samples (the exact path).
        var none16 = UdCompHdr.From(CompressionMethod.None, 16);
        var frames = new List<byte[]>();
        for (int i = 0; i < 40; i++)
        {
            frames.Add(i % 2 == 0
                ? IqFrames.Codes(1, (byte)(i / 2), downlink: true, Bfp9, SymmetricSaturation(255, 8, 3),
                    [8, 9, (byte)(8 + (i % 3))])
                : IqFrames.Samples(2, (byte)(i / 2), downlink: true, SymmetricSaturation(32767, 1000 + i, 3), none16));
        }

        var analyzer = new FronthaulAnalyzer(Analyze.Options, numerology: 1, analyzeIq: true);
        for (int i = 0; i < 20; i++)
        {
            analyzer.Process(frames[i], i, i + 1);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 20; i < frames.Count; i++)
        {
            analyzer.Process(frames[i], i, i + 1);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.That(allocated, Is.Zero);
        Assert.That(analyzer.BuildReport().Iq.PerFlow.Sum(f => f.Clipped), Is.EqualTo(40 * 3 * 5));
    }
}
