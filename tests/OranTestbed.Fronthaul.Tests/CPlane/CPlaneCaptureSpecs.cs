using System.Globalization;
using OranTestbed.Fronthaul.CPlane;
using OranTestbed.Fronthaul.Decoding;
using OranTestbed.TestSupport;
using OranTestbed.TestSupport.Peers;

namespace OranTestbed.Fronthaul.Tests.CPlane;

/// <summary>The shared capture's C-plane frames (5: UL ST3 PRACH, 6: UL ST1 + SE6) against the stored tshark 4.0.17 dump.</summary>
public class CPlaneCaptureSpecs
{
    private static string ExpectedTsv => Path.Combine(TestPaths.RepositoryRoot, "testplans", "captures",
        "synthetic_oran_fh_min.tshark-4.0.17.tsv");

    [TestCase(5)]
    [TestCase(6)]
    public void CPlaneReader_must_decode_the_shared_capture_frames_to_the_stored_tshark_values(int frameNumber)
    {
        var frame = CPlaneFrames.ReadCapture(TestPaths.SharedCapture)[frameNumber - 1];
        var ours = Tshark40CPlaneView.Of(CPlaneFrames.MessageOf(frame), FronthaulDecodeOptions.Default);

        var lines = File.ReadAllLines(ExpectedTsv);
        var header = lines[0].Split('\t');
        var row = lines.Select(l => l.Split('\t')).Single(r => r[0] == frameNumber.ToString(CultureInfo.InvariantCulture));
        int compared = 0;
        for (int c = 0; c < header.Length; c++)
        {
            if (!Tshark40CPlaneView.FieldNames.Contains(header[c]))
            {
                continue;
            }

            var expected = row[c].Length == 0 ? [] : row[c].Split(',').Select(v => (double)TsharkFrame.ParseLong(v)).ToList();
            var actual = ours.TryGetValue(header[c], out var list) ? list : [];
        Assert.That(actual, Is.EqualTo(expected), header[c]);
            compared += expected.Count;
        }

        Assert.That(compared, Is.GreaterThan(20));
    }

    [Test]
    public void CPlaneReader_must_decode_frame_6_field_by_field()
    {
        var frame = CPlaneFrames.ReadCapture(TestPaths.SharedCapture)[5];
        var reader = new CPlaneReader(CPlaneFrames.MessageOf(frame), CPlaneFrames.MessageOffset);

        Assert.That(reader.TryReadHeader(out var h), Is.True);
        Assert.That(h.Downlink, Is.False);
        Assert.That(h.PayloadVersion, Is.EqualTo(1));
        Assert.That(h.FilterIndex, Is.Zero);
        Assert.That(h.FrameId, Is.EqualTo(15));
        Assert.That(h.SubframeId, Is.EqualTo(3));
        Assert.That(h.SlotId, Is.EqualTo(1));
        Assert.That(h.StartSymbolId, Is.EqualTo(2));
        Assert.That(h.NumberOfSections, Is.EqualTo(2));
        Assert.That(h.SectionType, Is.EqualTo(CPlaneSectionType.Normal));
        Assert.That(h.UdCompHdr.IqWidth, Is.EqualTo(9));
        Assert.That(h.UdCompHdr.RawMethod, Is.EqualTo(1));
        Assert.That(h.Length, Is.EqualTo(8));

        Assert.That(reader.TryReadSection(out var s1), Is.True);
        Assert.That(s1.Offset, Is.EqualTo(34));
        Assert.That(s1.SectionId, Is.EqualTo(1));
        Assert.That(s1.StartPrbc, Is.Zero);
        Assert.That(s1.NumPrbc, Is.EqualTo(50));
        Assert.That(s1.ReMask, Is.EqualTo(0xFFF));
        Assert.That(s1.NumSymbol, Is.EqualTo(4));
        Assert.That(s1.Ef, Is.False);
        Assert.That(s1.BeamId, Is.EqualTo(3));
        Assert.That(s1.Length, Is.EqualTo(8));

        Assert.That(reader.TryReadSection(out var s2), Is.True);
        Assert.That(s2.SectionId, Is.EqualTo(2));
        Assert.That(s2.StartPrbc, Is.EqualTo(50));
        Assert.That(s2.NumPrbc, Is.EqualTo(16));
        Assert.That(s2.BeamId, Is.EqualTo(5));
        Assert.That(s2.Ef, Is.True);
        Assert.That(s2.ExtensionCount, Is.EqualTo(1));
        var extensions = s2.Extensions;
        Assert.That(extensions.TryReadNext(out var e), Is.True);
        Assert.That(e.Offset, Is.EqualTo(50));
        Assert.That(e.ExtType, Is.EqualTo(6));
        Assert.That(e.ExtLen, Is.EqualTo(2));
        Assert.That(e.Ef, Is.False);
        var se6 = e.AsNonContiguousPrb();
        Assert.That(se6.RbgSize, Is.EqualTo(2));
        Assert.That(se6.RbgSizePrbs, Is.EqualTo(2));
        Assert.That(se6.RbgMask, Is.EqualTo(0x55));
        Assert.That(se6.SymbolMask, Is.EqualTo(0x3FFF));
        Assert.That(extensions.TryReadNext(out _), Is.False);

        Assert.That(reader.TryReadSection(out _), Is.False);
        Assert.That(reader.Error.IsError, Is.False, reader.Error.ToString());
    }

    [Test]
    public void CPlaneReader_must_decode_frame_5_prach_fields()
    {
        var frame = CPlaneFrames.ReadCapture(TestPaths.SharedCapture)[4];
        var reader = new CPlaneReader(CPlaneFrames.MessageOf(frame), CPlaneFrames.MessageOffset);
        Assert.That(reader.TryReadHeader(out var h), Is.True);
        Assert.That(h.SectionType, Is.EqualTo(CPlaneSectionType.Prach));
        Assert.That(h.FilterIndex, Is.EqualTo(1));
        Assert.That(h.FftSize, Is.EqualTo(12));
        Assert.That(h.SubcarrierSpacing, Is.EqualTo(12));
        Assert.That(reader.TryReadSection(out var s), Is.True);
        Assert.That(s.SectionId, Is.EqualTo(3));
        Assert.That(s.NumPrbc, Is.EqualTo(12));
        Assert.That(s.FreqOffset, Is.EqualTo(-1008));
        Assert.That(s.FreqOffsetRaw, Is.EqualTo(16776208));
        Assert.That(reader.TryReadSection(out _), Is.False);
        Assert.That(reader.Error.IsError, Is.False, reader.Error.ToString());
    }
}
