using OranTestbed.Fronthaul.Compression;
using OranTestbed.Fronthaul.CPlane;
using OranTestbed.Fronthaul.CPlane.Extensions;
using OranTestbed.Fronthaul.Decoding;
using OranTestbed.Fronthaul.Writing;

namespace OranTestbed.Fronthaul.Tests.CPlane;

public class CPlaneReaderSpecs
{
    private const int Base = CPlaneFrames.MessageOffset;

    /// <summary>Reads everything; returns the reader's final error.</summary>
    private static DecodeError ReadAll(ReadOnlySpan<byte> message, FronthaulDecodeOptions? options = null)
    {
        var reader = new CPlaneReader(message, Base, options ?? CPlaneSamples.Options);
        if (!reader.TryReadHeader(out var header))
        {
            return reader.Error;
        }

        if (header.SectionType == CPlaneSectionType.Laa)
        {
            reader.TryReadLaaMessage(out _);
            return reader.Error;
        }

        while (reader.TryReadSection(out var section))
        {
            var extensions = section.Extensions;
            while (extensions.TryReadNext(out _))
            {
            }
        }

        return reader.Error;
    }

    private static (DecodeErrorCode, string, int) Where(DecodeError e) => (e.Code, e.Field, e.Offset);

    private static byte[] Message(CPlaneFrames.Build build) => CPlaneFrames.Message(build);

    [TestCaseSource(typeof(CPlaneSamples), nameof(CPlaneSamples.All))]
    public void CPlaneReader_must_decode_every_sample_cleanly((string Name, byte[] Message) sample) =>
        Assert.That(ReadAll(sample.Message).IsError, Is.False, ReadAll(sample.Message).ToString());

    [TestCaseSource(typeof(CPlaneSamples), nameof(CPlaneSamples.All))]
    public void CPlaneReader_must_report_truncation_at_every_byte_with_field_and_offset((string Name, byte[] Message) sample)
    {
        for (int length = 0; length < sample.Message.Length; length++)
        {
            var error = ReadAll(sample.Message.AsSpan(0, length));
            Assert.That(error.IsError, Is.True, $"{sample.Name} cut at {length}");
            Assert.That(error.Field, Does.StartWith("cplane."), $"{sample.Name} cut at {length}: {error}");
            Assert.That(error.Offset, Is.InRange(Base, Base + length), $"{sample.Name} cut at {length}: {error}");
            Assert.That(error.Code, Is.AnyOf(DecodeErrorCode.Truncated, DecodeErrorCode.SectionOverrunsPayload,
                DecodeErrorCode.ExtensionOverruns, DecodeErrorCode.LengthMismatch), $"{sample.Name} cut at {length}: {error}");
        }
    }

    [Test]
    public void CPlaneReader_must_name_the_common_header_field_a_truncation_cuts()
    {
        var message = Message(CPlaneSamples.St3);
        Assert.That(Where(ReadAll(message.AsSpan(0, 0))), Is.EqualTo((DecodeErrorCode.Truncated, "cplane.dataDirection", Base)));
        Assert.That(ReadAll(message.AsSpan(0, 5)).Field, Is.EqualTo("cplane.sectionType"));
        Assert.That(Where(ReadAll(message.AsSpan(0, 9))), Is.EqualTo((DecodeErrorCode.Truncated, "cplane.cpLength", Base + 9)));
        Assert.That(ReadAll(message.AsSpan(0, 11)).Field, Is.EqualTo("cplane.udCompHdr"));
    }

    [Test]
    public void CPlaneReader_must_report_a_section_overrunning_the_payload()
    {
        var message = Message(CPlaneSamples.St3);
        var error = ReadAll(message.AsSpan(0, 12 + 9));
        Assert.That(error.Code, Is.EqualTo(DecodeErrorCode.SectionOverrunsPayload));
        Assert.That(error.Field, Is.EqualTo("cplane.freqOffset"));
        Assert.That(error.Offset, Is.EqualTo(Base + 12 + 8));
    }

    [Test]
    public void CPlaneReader_must_reject_an_unknown_section_type()
    {
        foreach (int type in new[] { 2, 4, 8, 12, 255 })
        {
            var message = Message((ref CPlaneWriter w) => w.WriteHeader(new CPlaneHeaderValues { SectionType = type, NumberOfSections = 1 }));
            var error = ReadAll([.. message, 0, 0, 0, 0, 0, 0, 0, 0]);
            Assert.That(error, Is.EqualTo(new DecodeError(DecodeErrorCode.UnknownType, "cplane.sectionType", Base + 5,
                error.Reason)), $"type {type}");
        }
    }

    [Test]
    public void CPlaneReader_must_stop_at_extension_length_zero()
    {
        var message = Message((ref CPlaneWriter w) =>
        {
            w.WriteHeader(new CPlaneHeaderValues { SectionType = 1, NumberOfSections = 1 });
            w.WriteSection(new CPlaneSectionValues { NumPrbc = 1 });
            w.WriteRawExtension(CPlaneExtensionTypes.DynamicSpectrumSharing, [1, 0], extLenOverride: 0);
        });
        Assert.That(ReadAll(message), Is.EqualTo(new DecodeError(DecodeErrorCode.ExtensionLengthZero, "cplane.extLen",
            Base + 8 + 8 + 1, "extLen 0 is reserved")));
    }

    [Test]
    public void CPlaneReader_must_reject_an_extension_overrunning_the_section()
    {
        var message = Message((ref CPlaneWriter w) =>
        {
            w.WriteHeader(new CPlaneHeaderValues { SectionType = 1, NumberOfSections = 1 });
            w.WriteSection(new CPlaneSectionValues { NumPrbc = 1 });
            w.WriteRawExtension(CPlaneExtensionTypes.DynamicSpectrumSharing, [1, 0], extLenOverride: 2);
        });
        var error = ReadAll(message);
        Assert.That(error.Code, Is.EqualTo(DecodeErrorCode.ExtensionOverruns));
        Assert.That(error.Field, Is.EqualTo("cplane.extLen"));
        Assert.That(error.Offset, Is.EqualTo(Base + 17));
    }

    [Test]
    public void CPlaneReader_must_reject_ef_announcing_a_missing_extension()
    {
        var message = Message((ref CPlaneWriter w) =>
        {
            w.WriteHeader(new CPlaneHeaderValues { SectionType = 1, NumberOfSections = 1 });
            w.WriteSection(new CPlaneSectionValues { NumPrbc = 1 });
        });
        message[14] |= 0x80;
        Assert.That(ReadAll(message), Is.EqualTo(new DecodeError(DecodeErrorCode.ExtensionOverruns, "cplane.extType",
            Base + 16, "ef announces an extension past the end of the message")));
    }

    [Test]
    public void CPlaneReader_must_reject_extension_content_longer_than_its_extLen()
    {
        // SE1 with 2 antennas of 16-bit weights needs 11 bytes; extLen 2 gives 8.
        var message = Message((ref CPlaneWriter w) =>
        {
            w.WriteHeader(new CPlaneHeaderValues { SectionType = 1, NumberOfSections = 1 });
            w.WriteSection(new CPlaneSectionValues { NumPrbc = 1 });
            w.WriteRawExtension(CPlaneExtensionTypes.BeamformingWeights, [0x00, 1, 2, 3, 4, 5]);
        });
        var error = ReadAll(message);
        Assert.That(error.Code, Is.EqualTo(DecodeErrorCode.LengthMismatch));
        Assert.That(error.Field, Is.EqualTo("cplane.ext1.bfwI"));
    }

    [Test]
    public void CPlaneReader_must_reject_reserved_numBundPrb_zero()
    {
        var message = Message((ref CPlaneWriter w) =>
        {
            w.WriteHeader(new CPlaneHeaderValues { SectionType = 1, NumberOfSections = 1 });
            w.WriteSection(new CPlaneSectionValues { NumPrbc = 1 });
            w.WriteFlexibleWeights(true, false, 0, 0, default, 0, [], [1], 0, []);
        });
        Assert.That(ReadAll(message).Code, Is.EqualTo(DecodeErrorCode.InvalidValue));
        Assert.That(ReadAll(message).Field, Is.EqualTo("cplane.ext11.numBundPrb"));
    }

    [Test]
    public void CPlaneReader_must_report_fewer_sections_than_numberOfSections()
    {
        var message = Message((ref CPlaneWriter w) =>
        {
            w.WriteHeader(new CPlaneHeaderValues { SectionType = 1, NumberOfSections = 3 });
            w.WriteSection(new CPlaneSectionValues { NumPrbc = 1 });
            w.WriteSection(new CPlaneSectionValues { NumPrbc = 1 });
        });
        var reader = new CPlaneReader(message, Base);
        Assert.That(reader.TryReadHeader(out _), Is.True);
        Assert.That(reader.TryReadSection(out _), Is.True);
        Assert.That(reader.TryReadSection(out _), Is.True);
        Assert.That(reader.TryReadSection(out _), Is.False);
        Assert.That(reader.Error.Code, Is.EqualTo(DecodeErrorCode.LengthMismatch));
        Assert.That(reader.Error.Field, Is.EqualTo("cplane.numberOfSections"));
        Assert.That(reader.Error.Offset, Is.EqualTo(Base + 4));
    }

    [Test]
    public void CPlaneReader_must_report_more_sections_than_numberOfSections()
    {
        var message = Message((ref CPlaneWriter w) =>
        {
            w.WriteHeader(new CPlaneHeaderValues { SectionType = 1, NumberOfSections = 1 });
            w.WriteSection(new CPlaneSectionValues { NumPrbc = 1 });
            w.WriteSection(new CPlaneSectionValues { NumPrbc = 1 });
        });
        Assert.That(ReadAll(message).Code, Is.EqualTo(DecodeErrorCode.LengthMismatch));
        Assert.That(ReadAll(message).Field, Is.EqualTo("cplane.numberOfSections"));
    }

    [Test]
    public void CPlaneReader_must_tolerate_trailing_padding_shorter_than_a_section()
    {
        var message = Message(CPlaneSamples.St5);
        var reader = new CPlaneReader([.. message, 0, 0, 0, 0], Base);
        Assert.That(reader.TryReadHeader(out _), Is.True);
        Assert.That(reader.TryReadSection(out _), Is.True);
        Assert.That(reader.TryReadSection(out _), Is.True);
        Assert.That(reader.TryReadSection(out _), Is.False);
        Assert.That(reader.Error.IsError, Is.False);
        Assert.That(reader.TrailingBytes, Is.EqualTo(4));
    }

    [Test]
    public void CPlaneReader_must_expose_reserved_values_without_failing()
    {
        var message = Message((ref CPlaneWriter w) =>
        {
            w.WriteHeader(new CPlaneHeaderValues { SectionType = 0, NumberOfSections = 1, Reserved = 0xA5, PayloadVersion = 7 });
            w.WriteSection(new CPlaneSectionValues { NumPrbc = 1, Reserved = 0x7FFF });
        });
        var reader = new CPlaneReader(message, Base);
        Assert.That(reader.TryReadHeader(out var h), Is.True);
        Assert.That(h.Reserved, Is.EqualTo(0xA5));
        Assert.That(h.ReservedBitsSet, Is.True);
        Assert.That(h.PayloadVersion, Is.EqualTo(7));
        Assert.That(reader.TryReadSection(out var s), Is.True);
        Assert.That(s.Reserved, Is.EqualTo(0x7FFF));
        Assert.That(s.Ef, Is.False);

        var st6 = Message((ref CPlaneWriter w) =>
        {
            w.WriteHeader(new CPlaneHeaderValues { SectionType = 6, NumberOfSections = 1, NumberOfUes = 1 });
            w.WriteChannelInformationSection(new CPlaneSectionValues { NumPrbc = 1, Reserved = 0xF }, default, 2, [], [1, 2, 3, 4]);
        });
        var r6 = new CPlaneReader(st6, Base, CPlaneSamples.Options);
        Assert.That(r6.TryReadHeader(out _), Is.True);
        Assert.That(r6.TryReadSection(out var s6), Is.True);
        Assert.That(s6.Reserved, Is.EqualTo(0xF));
    }

    [Test]
    public void CPlaneReader_must_decode_extension_1_fields()
    {
        var reader = new CPlaneReader(Message(CPlaneSamples.St1Weights), Base, CPlaneSamples.Options);
        Assert.That(reader.TryReadHeader(out _), Is.True);
        Assert.That(reader.TryReadSection(out var s1), Is.True);
        Assert.That(s1.ExtensionCount, Is.EqualTo(3));
        var ext = s1.Extensions;
        Assert.That(ext.TryReadNext(out var e1), Is.True);
        var se1 = e1.AsBeamformingWeights();
        Assert.That(se1.BfwCompHdr.IqWidth, Is.EqualTo(16));
        Assert.That(se1.WeightCount, Is.EqualTo(2));
        Assert.That(new[] { se1.WeightI(0), se1.WeightQ(0), se1.WeightI(1), se1.WeightQ(1) }, Is.EqualTo(new[] { 12345, -12345, 32767, -32768 }));
        Assert.That(reader.TryReadSection(out var s2), Is.True);
        var ext2 = s2.Extensions;
        Assert.That(ext2.TryReadNext(out var e2), Is.True);
        var bfp = e2.AsBeamformingWeights();
        Assert.That(bfp.BfwCompHdr.Method, Is.EqualTo(CompressionMethod.BlockFloatingPoint));
        Assert.That(bfp.CompParam.Exponent, Is.EqualTo(3));
        Assert.That(new[] { bfp.WeightI(0), bfp.WeightQ(0), bfp.WeightI(1), bfp.WeightQ(1) }, Is.EqualTo(new[] { -128, 127, -1, 5 }));
    }

    [Test]
    public void CPlaneReader_must_decode_extension_4_5_and_13_fields()
    {
        var reader = new CPlaneReader(Message(CPlaneSamples.St1Skipped), Base, CPlaneSamples.Options);
        Assert.That(reader.TryReadHeader(out _), Is.True);
        Assert.That(reader.TryReadSection(out var s), Is.True);
        var ext = s.Extensions;
        Assert.That(ext.TryReadNext(out var e5), Is.True);
        var se5 = e5.AsModulationCompressionScaling();
        Assert.That(se5.SetCount, Is.EqualTo(2));
        Assert.That((se5.McScaleReMask(0), se5.Csf(0), se5.McScaleOffset(0)), Is.EqualTo((0xFFF, true, 0x1234)));
        Assert.That((se5.McScaleReMask(1), se5.Csf(1), se5.McScaleOffset(1)), Is.EqualTo((0x00F, false, 0x7FFF)));
        Assert.That(ext.TryReadNext(out var e13), Is.True);
        var se13 = e13.AsFrequencyHopping();
        Assert.That(se13.HopCount, Is.EqualTo(3));
        Assert.That(se13.Hop(1), Is.EqualTo(new FrequencyHop(7, 1023)));

        var r4 = new CPlaneReader(Message(CPlaneSamples.St1Weights), Base, CPlaneSamples.Options);
        Assert.That(r4.TryReadHeader(out _), Is.True);
        Assert.That(r4.TryReadSection(out var s4), Is.True);
        var e = s4.Extensions;
        Assert.That(e.TryReadNext(out _), Is.True);
        Assert.That(e.TryReadNext(out var e4), Is.True);
        var se4 = e4.AsModulationCompression();
        Assert.That(se4.Csf, Is.True);
        Assert.That(se4.ModCompScaler, Is.EqualTo(0x5A5A));
        Assert.That(se4.ScalerExponent, Is.EqualTo(0x5A5A >> 11));
        Assert.That(se4.ScalerMantissa, Is.EqualTo(0x5A5A & 0x7FF));
    }

    [Test]
    public void CPlaneReader_must_decode_extension_6_fields()
    {
        var reader = new CPlaneReader(Message(CPlaneSamples.St1Weights), Base, CPlaneSamples.Options);
        Assert.That(reader.TryReadHeader(out _), Is.True);
        Assert.That(reader.TryReadSection(out var s), Is.True);
        var ext = s.Extensions;
        Assert.That(ext.TryReadNext(out _), Is.True);
        Assert.That(ext.TryReadNext(out _), Is.True);
        Assert.That(ext.TryReadNext(out var e6), Is.True);
        var se6 = e6.AsNonContiguousPrb();
        Assert.That(se6.Repetition, Is.True);
        Assert.That(se6.RbgSize, Is.EqualTo(7));
        Assert.That(se6.RbgSizePrbs, Is.EqualTo(16));
        Assert.That(se6.RbgMask, Is.EqualTo(0x0ABCDEF));
        Assert.That(se6.Priority, Is.EqualTo(3));
        Assert.That(se6.SymbolMask, Is.EqualTo(0x2AAA));
        Assert.That(e6.Ef, Is.False);
    }

    [Test]
    public void CPlaneReader_must_decode_extension_10_11_and_12_fields()
    {
        var reader = new CPlaneReader(Message(CPlaneSamples.St1Grouping), Base, CPlaneSamples.Options);
        Assert.That(reader.TryReadHeader(out _), Is.True);
        Assert.That(reader.TryReadSection(out var s), Is.True);
        var ext = s.Extensions;
        Assert.That(ext.TryReadNext(out var e10), Is.True);
        var list = e10.AsPortGrouping();
        Assert.That((list.BeamGroupType, list.NumPortc, list.BeamIdCount), Is.EqualTo((2, 3, 3)));
        Assert.That((list.BeamId(0), list.BeamId(1), list.BeamId(2)), Is.EqualTo((0x11, 0x22, 0x7FFF)));
        Assert.That(list.EntryReservedBit(1), Is.True);
        Assert.That(list.BeamIdForPort(s.BeamId, 0), Is.EqualTo(20));
        Assert.That(list.BeamIdForPort(s.BeamId, 3), Is.EqualTo(0x7FFF));
        Assert.That(ext.TryReadNext(out var common), Is.True);
        Assert.That(ext.TryReadNext(out var matrix), Is.True);
        Assert.That(common.AsPortGrouping().BeamIdForPort(20, 3), Is.EqualTo(20));
        Assert.That(matrix.AsPortGrouping().BeamIdForPort(20, 3), Is.EqualTo(23));
        Assert.That(ext.TryReadNext(out var e11), Is.True);
        var se11 = e11.AsFlexibleWeights();
        Assert.That((se11.DisableBfws, se11.Rad, se11.NumBundPrb, se11.BundleCount), Is.EqualTo((false, true, 4, 3)));
        var beams = new List<int>();
        var firstWeights = new List<int>();
        foreach (var bundle in se11.Bundles)
        {
            beams.Add(bundle.BeamId);
            firstWeights.Add(bundle.WeightI(0));
            Assert.That(bundle.WeightCount, Is.EqualTo(4));
        }

        Assert.That(beams, Is.EqualTo((int[])[1, 2, 3]));
        Assert.That(firstWeights, Is.EqualTo(new[] { 1, 10, -100 }));

        Assert.That(reader.TryReadSection(out var s2), Is.True);
        var ext2 = s2.Extensions;
        Assert.That(ext2.TryReadNext(out var off), Is.True);
        var disabled = off.AsFlexibleWeights();
        Assert.That(disabled.DisableBfws, Is.True);
        int n = 0;
        foreach (var bundle in disabled.Bundles)
        {
            Assert.That(bundle.WeightCount, Is.Zero);
            n++;
        }

        Assert.That(n, Is.EqualTo(3));

        var r12 = new CPlaneReader(Message(CPlaneSamples.St1Weights), Base, CPlaneSamples.Options);
        Assert.That(r12.TryReadHeader(out _), Is.True);
        Assert.That(r12.TryReadSection(out _), Is.True);
        Assert.That(r12.TryReadSection(out var s12), Is.True);
        var e = s12.Extensions;
        Assert.That(e.TryReadNext(out _), Is.True);
        Assert.That(e.TryReadNext(out var e12), Is.True);
        var se12 = e12.AsPrbRanges();
        Assert.That((se12.Priority, se12.SymbolMask, se12.RangeCount), Is.EqualTo((1, 0x0101, 3)));
        Assert.That(se12.Range(2), Is.EqualTo(new PrbRange(5, 6)));
    }

    [Test]
    public void CPlaneReader_must_skip_undecoded_extensions_and_expose_their_raw_body()
    {
        var reader = new CPlaneReader(Message(CPlaneSamples.St1Skipped), Base, CPlaneSamples.Options);
        Assert.That(reader.TryReadHeader(out _), Is.True);
        Assert.That(reader.TryReadSection(out var s), Is.True);
        Assert.That(s.ExtensionCount, Is.EqualTo(4));
        var ext = s.Extensions;
        Assert.That(ext.TryReadNext(out _), Is.True);
        Assert.That(ext.TryReadNext(out _), Is.True);
        Assert.That(ext.TryReadNext(out var e9), Is.True);
        Assert.That((e9.ExtType, e9.ExtLen, e9.Ef, e9.IsDecoded), Is.EqualTo((9, 1, true, false)));
        Assert.That(e9.Body.ToArray(), Is.EqualTo(new byte[] { 1, 0 }));
        Assert.That(ext.TryReadNext(out var e18), Is.True);
        Assert.That((e18.ExtType, e18.ExtLen, e18.Ef), Is.EqualTo((18, 2, false)));
        Assert.That(e18.Body.ToArray(), Is.EqualTo(new byte[] { 0x12, 0x34, 0x05, 0x67, 0x02, 0x00 }));
        Assert.That(ext.TryReadNext(out _), Is.False);
    }

    [Test]
    public void CPlaneReader_must_decode_channel_information_and_laa()
    {
        var reader = new CPlaneReader(Message(CPlaneSamples.St6), Base, CPlaneSamples.Options);
        Assert.That(reader.TryReadHeader(out var h), Is.True);
        Assert.That((h.NumberOfUes, h.CiCompHdr.IqWidth), Is.EqualTo((2, 16)));
        Assert.That(reader.TryReadSection(out var s), Is.True);
        Assert.That((s.UeId, s.RegularizationFactor, s.StartPrbc, s.CiPrbCount, s.CiAntennas), Is.EqualTo((1, -300, 5, 2, 2)));
        Assert.That(new[] { s.CiSampleI(1, 1), s.CiSampleQ(1, 1), s.CiSampleQ(0, 1) }, Is.EqualTo(new[] { -1, 12345, -32768 }));
        Assert.That(reader.TryReadSection(out var s2), Is.True);
        Assert.That((s2.Ef, s2.Rb, s2.ExtensionCount), Is.EqualTo((true, true, 1)));

        var laa = new CPlaneReader(Message(CPlaneSamples.St7), Base);
        Assert.That(laa.TryReadHeader(out _), Is.True);
        Assert.That(laa.TryReadLaaMessage(out var m), Is.True);
        Assert.That((m.LaaMsgType, m.LaaMsgLen, m.Length, m.Offset), Is.EqualTo((0, 1, 8, Base + 8)));
        Assert.That(m.Body[..3].ToArray(), Is.EqualTo(new byte[] { 0x12, 0x34, 0x56 }));
    }

    [Test]
    public void CPlaneReader_must_decode_compressed_channel_information_with_a_parameter_per_prb()
    {
        var hdr = CiCompHdr.From(9, 1, true);
        var message = Message((ref CPlaneWriter w) =>
        {
            w.WriteHeader(new CPlaneHeaderValues { SectionType = 6, NumberOfSections = 1, NumberOfUes = 1, CiCompHdr = hdr.Raw });
            w.WriteChannelInformationSection(new CPlaneSectionValues { UeId = 3, NumPrbc = 2 }, hdr, 2, [0x05, 0x0A],
                [-256, 255, 1, -1, 7, -7, 100, -100]);
        });
        var reader = new CPlaneReader(message, Base, CPlaneSamples.Options);
        Assert.That(reader.TryReadHeader(out _), Is.True);
        Assert.That(reader.TryReadSection(out var s), Is.True);
        Assert.That((s.CiCompParam(0), s.CiCompParam(1)), Is.EqualTo((5, 10)));
        Assert.That(new[] { s.CiSampleI(0, 0), s.CiSampleQ(0, 0), s.CiSampleQ(1, 1) }, Is.EqualTo(new[] { -256, 255, -100 }));
        Assert.That(s.Length, Is.EqualTo(7 + (2 * (1 + 5))));
    }

    [Test]
    public void CPlaneReader_must_not_allocate()
    {
        var message = Message(CPlaneSamples.St1Grouping);
        ReadAll(message);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            ReadAll(message);
        }

        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
    }
}
