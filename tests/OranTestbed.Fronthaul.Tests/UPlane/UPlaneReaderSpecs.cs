using OranTestbed.Fronthaul.Compression;
using OranTestbed.Fronthaul.Decoding;
using OranTestbed.Fronthaul.UPlane;
using OranTestbed.TestSupport;
using OranTestbed.TestSupport.Peers;

namespace OranTestbed.Fronthaul.Tests.UPlane;

public class UPlaneReaderSpecs
{
    private static readonly FronthaulDecodeOptions Dynamic = new() { UdCompHdrPresent = true };

    private static byte[] SharedFrame7Body()
    {
        var frame = PcapFile.ReadAll(TestPaths.SharedCapture)[6];
        int payloadSize = (frame[20] << 8) | frame[21];
        return frame[UPlaneTestFrames.BodyOffset..(22 + payloadSize)];
    }

    [Test]
    public void UPlaneReader_must_decode_shared_capture_frame_7_exactly_as_tshark_did()
    {
        byte[] body = SharedFrame7Body();
        Assert.That(body, Has.Length.EqualTo(66));

        var reader = new UPlaneReader(body, UPlaneTestFrames.BodyOffset, Dynamic);
        Assert.That(reader.TryReadHeader(out var h), Is.True);
        Assert.That((h.DataDirection, h.PayloadVersion, h.FilterIndex, h.FrameId, h.SubframeId, h.SlotId, h.SymbolId),
            Is.EqualTo((1, 1, 0, 15, 3, 1, 2)));

        Assert.That(reader.TryReadNext(out var s), Is.True);
        Assert.That((s.SectionId, s.Rb, s.SymInc, s.StartPrb, s.NumPrbRaw, s.NumPrb), Is.EqualTo((1, false, false, 0, 2, 2)));
        Assert.That(s.HasUdCompHdr, Is.True);
        Assert.That(s.Compression, Is.EqualTo(UdCompHdr.From(CompressionMethod.BlockFloatingPoint, 9)));
        Assert.That((s.Offset, s.IqDataOffset, s.PrbSize, s.Length), Is.EqualTo((30, 36, 28, 62)));

        var iq = new int[48];
        var exponents = new byte[2];
        Assert.That(s.DecompressTo(iq, exponents), Is.EqualTo(IqSampleKind.Linear));
        Assert.That(exponents, Is.EqualTo(new byte[] { 3, 4 }));
        Assert.That(s.GetExponent(1), Is.EqualTo(4));

        // The committed tshark 4.0.17 decode of the same frame (iq_bitwidth_down 9, ud_comp_hdr_down TRUE).
        var tsv = File.ReadAllLines(Path.Combine(TestPaths.RepositoryRoot, "testplans", "captures",
            "synthetic_oran_fh_min.tshark-4.0.17.tsv"));
        var columns = tsv[0].Split('\t');
        var row = tsv[7].Split('\t');
        string Cell(string name) => row[Array.IndexOf(columns, name)];
        Assert.That(Cell("oran_fh_cus.exponent"), Is.EqualTo("3,4"));
        var i = Cell("oran_fh_cus.iSample").Split(',');
        var q = Cell("oran_fh_cus.qSample").Split(',');
        Assert.That(i, Has.Length.EqualTo(24));
        for (int n = 0; n < 24; n++)
        {
            TsharkIq.AssertSample(i[n], iq[2 * n], 9, $"I{n}");
            TsharkIq.AssertSample(q[n], iq[(2 * n) + 1], 9, $"Q{n}");
            // These small values survive 6 digits: scaling back gives the integer itself.
            Assert.That(Math.Round(TsharkIq.Parse(i[n]) * TsharkIq.Scale(9)), Is.EqualTo(iq[2 * n]));
        }

        Assert.That(iq[0], Is.EqualTo(-880));
        Assert.That(reader.TryReadNext(out _), Is.False);
        Assert.That(reader.Error.IsError, Is.False);
    }

    [Test]
    public void UPlaneReader_must_read_hand_built_static_uplink_message()
    {
        // UL, ver 1, filter 2; frameId 0xAB; subframe 9, slot 5, symbol 13;
        // section 0xFFF, rb 1, symInc 1, startPrbu 0x3FF, numPrbu 1; static UL: none, 8 bits → 24 bytes.
        var body = new byte[4 + 4 + 24];
        Convert.FromHexString("12AB" + "914D" + "FFFFFF01").CopyTo(body, 0);
        body[8] = 0x80;  // I0 = −128
        body[9] = 0x7F;  // Q0 = 127
        body[31] = 0xFF; // Q11 = −1
        var options = new FronthaulDecodeOptions
        {
            UplinkCompression = UdCompHdr.From(CompressionMethod.None, 8),
            DownlinkCompression = UdCompHdr.From(CompressionMethod.BlockFloatingPoint, 14),
        };

        var reader = new UPlaneReader(body, 100, options);
        Assert.That(reader.TryReadNext(out var s), Is.True);
        Assert.That(reader.TryReadHeader(out var h), Is.True);
        Assert.That((h.IsDownlink, h.PayloadVersion, h.FilterIndex, h.FrameId, h.SubframeId, h.SlotId, h.SymbolId),
            Is.EqualTo((false, 1, 2, 0xAB, 9, 5, 13)));
        Assert.That((s.SectionId, s.Rb, s.SymInc, s.StartPrb, s.NumPrb, s.HasUdCompHdr, s.Offset),
            Is.EqualTo((4095, true, true, 1023, 1, false, 104)));
        Assert.That(s.Compression.Method, Is.EqualTo(CompressionMethod.None));
        Assert.That(s.TryGetPrb(0, out var prb), Is.True);
        Assert.That(prb.Length, Is.EqualTo(24));
        Assert.That(s.TryGetPrb(1, out _), Is.False);
        var iq = new int[24];
        Assert.That(s.DecompressTo(iq, []), Is.EqualTo(IqSampleKind.Linear));
        Assert.That((iq[0], iq[1], iq[23]), Is.EqualTo((-128, 127, -1)));
        Assert.That(reader.TryReadNext(out _), Is.False);
        Assert.That(reader.Error, Is.EqualTo(DecodeError.None));
    }

    [Test]
    public void UPlaneReader_must_fail_cleanly_at_every_truncation_of_frame_7()
    {
        byte[] body = SharedFrame7Body();
        for (int length = 0; length < body.Length; length++)
        {
            var reader = new UPlaneReader(body.AsSpan(0, length), UPlaneTestFrames.BodyOffset, Dynamic);
            int sections = 0;
            while (reader.TryReadNext(out _))
            {
                sections++;
            }

            var e = reader.Error;
            Assert.That(e.IsError, Is.True, $"length {length}");
            Assert.That(sections, Is.Zero);
            var (code, field, offset) = length switch
            {
                < 4 => (DecodeErrorCode.Truncated, new[] { "dataDirection", "frameId", "subframeId", "symbolId" }[length], 26 + length),
                < 6 => (DecodeErrorCode.Truncated, "sectionId", 26 + length),
                6 => (DecodeErrorCode.Truncated, "startPrbu", 32),
                7 => (DecodeErrorCode.Truncated, "numPrbu", 33),
                8 => (DecodeErrorCode.Truncated, "udCompHdr", 34),
                9 => (DecodeErrorCode.Truncated, "reserved", 35),
                _ => (DecodeErrorCode.SectionOverrunsPayload, "numPrbu", 33),
            };
            Assert.That((e.Code, e.Field, e.Offset), Is.EqualTo((code, field, offset)), $"length {length}: {e}");
            Assert.That(e.Offset, Is.InRange(26, 26 + length));
        }
    }

    [Test]
    public void UPlaneReader_must_reject_a_section_overrunning_the_payload()
    {
        byte[] body = SharedFrame7Body();
        body[7] = 3; // numPrbu 3 × 28 B > 56 B left
        var reader = new UPlaneReader(body, 26, Dynamic);
        Assert.That(reader.TryReadNext(out _), Is.False);
        Assert.That((reader.Error.Code, reader.Error.Field, reader.Error.Offset),
            Is.EqualTo((DecodeErrorCode.SectionOverrunsPayload, "numPrbu", 33)));
    }

    [Test]
    public void UPlaneReader_must_report_trailing_bytes_that_do_not_make_a_section()
    {
        byte[] body = [.. SharedFrame7Body(), 0x00, 0x20];
        var reader = new UPlaneReader(body, 26, Dynamic);
        Assert.That(reader.TryReadNext(out _), Is.True);
        Assert.That(reader.TryReadNext(out _), Is.False);
        Assert.That((reader.Error.Code, reader.Error.Field, reader.Error.Offset),
            Is.EqualTo((DecodeErrorCode.Truncated, "startPrbu", 26 + 66 + 2)));
    }

    [Test]
    public void UPlaneReader_must_reject_a_message_without_sections()
    {
        var reader = new UPlaneReader(SharedFrame7Body().AsSpan(0, 4), 26, Dynamic);
        Assert.That(reader.TryReadHeader(out _), Is.True);
        Assert.That(reader.TryReadNext(out _), Is.False);
        Assert.That((reader.Error.Code, reader.Error.Field, reader.Error.Offset),
            Is.EqualTo((DecodeErrorCode.Truncated, "sectionId", 30)));
    }

    [Test]
    public void UPlaneReader_must_flag_a_non_zero_reserved_byte_after_udCompHdr()
    {
        byte[] body = SharedFrame7Body();
        body[9] = 0x01;
        var reader = new UPlaneReader(body, 26, Dynamic);
        Assert.That(reader.TryReadNext(out _), Is.False);
        Assert.That((reader.Error.Code, reader.Error.Field, reader.Error.Offset),
            Is.EqualTo((DecodeErrorCode.ReservedValueSet, "reserved", 35)));
    }

    [TestCase(5, "udCompMeth 5 (BFP + selective RE sending) is not supported")]
    [TestCase(8, "udCompMeth 8 (modulation compression + selective RE sending, masks in section header) is not supported")]
    [TestCase(9, "udCompMeth 9-15 is reserved")]
    [TestCase(15, "udCompMeth 9-15 is reserved")]
    public void UPlaneReader_must_name_unsupported_and_reserved_methods(int method, string reason)
    {
        byte[] body = SharedFrame7Body();
        body[8] = (byte)(0x90 | method);
        var reader = new UPlaneReader(body, 26, Dynamic);
        Assert.That(reader.TryReadNext(out _), Is.False);
        Assert.That((reader.Error.Code, reader.Error.Field, reader.Error.Offset, reader.Error.Reason),
            Is.EqualTo((DecodeErrorCode.UnknownType, "udCompMeth", 34, reason)));

        var staticOptions = new FronthaulDecodeOptions { DownlinkCompression = new UdCompHdr((byte)(0x90 | method)) };
        var staticReader = new UPlaneReader(SharedFrame7Body(), 26, staticOptions);
        Assert.That(staticReader.TryReadNext(out _), Is.False);
        Assert.That((staticReader.Error.Code, staticReader.Error.Field, staticReader.Error.Offset),
            Is.EqualTo((DecodeErrorCode.UnknownType, "udCompMeth (static configuration)", 30)));
    }

    [Test]
    public void UPlaneReader_must_take_numPrbu_0_as_the_carrier_width()
    {
        // DL, static BFP 8 bit (25 B/PRB), numPrbu 0, carrier of 3 PRBs.
        var body = new byte[4 + 4 + (3 * 25)];
        body[0] = 0x90;
        body[3] = 0x00;
        var options = new FronthaulDecodeOptions
        {
            DownlinkCompression = UdCompHdr.From(CompressionMethod.BlockFloatingPoint, 8),
            CarrierPrbs = 3,
        };
        var reader = new UPlaneReader(body, 0, options);
        Assert.That(reader.TryReadNext(out var s), Is.True);
        Assert.That((s.NumPrbRaw, s.NumPrb, s.IqData.Length), Is.EqualTo((0, 3, 75)));
        Assert.That(reader.TryReadNext(out _), Is.False);
        Assert.That(reader.Error.IsError, Is.False);

        var wider = new UPlaneReader(body, 0, options with { CarrierPrbs = 4 });
        Assert.That(wider.TryReadNext(out _), Is.False);
        Assert.That(wider.Error.Code, Is.EqualTo(DecodeErrorCode.SectionOverrunsPayload));
    }

    [Test]
    public void UPlaneReader_must_pick_static_compression_by_direction()
    {
        // Same bytes decoded as DL (BFP 9: 28 B/PRB) and as UL (none 14: 42 B/PRB) with numPrbu 3 = 84 B / 2 = 126 B.
        var options = new FronthaulDecodeOptions
        {
            DownlinkCompression = UdCompHdr.From(CompressionMethod.BlockFloatingPoint, 9),
            UplinkCompression = UdCompHdr.From(CompressionMethod.None, 14),
        };
        var dl = new byte[4 + 4 + 84];
        dl[0] = 0x90;
        dl[7] = 3;
        var ul = new byte[4 + 4 + 126];
        ul[0] = 0x10;
        ul[7] = 3;
        var r1 = new UPlaneReader(dl, 0, options);
        Assert.That(r1.TryReadNext(out var s1), Is.True);
        Assert.That(s1.PrbSize, Is.EqualTo(28));
        var r2 = new UPlaneReader(ul, 0, options);
        Assert.That(r2.TryReadNext(out var s2), Is.True);
        Assert.That(s2.PrbSize, Is.EqualTo(42));
    }
}
