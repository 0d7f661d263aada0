using System.Numerics;
using CsCheck;
using OranTestbed.Fronthaul.Compression;
using OranTestbed.Fronthaul.CPlane;
using OranTestbed.Fronthaul.CPlane.Extensions;
using OranTestbed.Fronthaul.Decoding;
using OranTestbed.Fronthaul.Writing;

namespace OranTestbed.Fronthaul.Tests.CPlane;

/// <summary>decode(encode(x)) == x over random valid values, for every section type and every decoded extension.</summary>
public class CPlaneRoundTripSpecs
{
    private const int Iterations = 300;

    private static readonly Gen<CPlaneSectionValues> Section =
        from id in Gen.Int[0, 4095]
        from rb in Gen.Bool
        from symInc in Gen.Bool
        from start in Gen.Int[0, 1023]
        from num in Gen.Int[0, 255]
        from reMask in Gen.Int[0, 4095]
        from numSymbol in Gen.Int[0, 15]
        from low15 in Gen.Int[0, 32767]
        from reserved8 in Gen.Int[0, 255]
        from freq in Gen.Int[-(1 << 23), (1 << 23) - 1]
        select new CPlaneSectionValues
        {
            SectionId = id, Rb = rb, SymInc = symInc, StartPrbc = start, NumPrbc = num, ReMask = reMask,
            NumSymbol = numSymbol, BeamId = low15, UeId = low15, Reserved = reserved8, FreqOffset = freq,
        };

    private static readonly Gen<CPlaneHeaderValues> Header =
        from down in Gen.Bool
        from version in Gen.Int[0, 7]
        from filter in Gen.Int[0, 15]
        from frame in Gen.Int[0, 255]
        from subframe in Gen.Int[0, 15]
        from slot in Gen.Int[0, 63]
        from symbol in Gen.Int[0, 63]
        from timeOffset in Gen.Int[0, 65535]
        from structure in Gen.Int[0, 255]
        from cp in Gen.Int[0, 65535]
        from comp in Gen.Int[0, 255]
        from reserved in Gen.Int[0, 255]
        select new CPlaneHeaderValues
        {
            Downlink = down, PayloadVersion = version, FilterIndex = filter, FrameId = frame, SubframeId = subframe,
            SlotId = slot, StartSymbolId = symbol, TimeOffset = timeOffset, FrameStructure = structure, CpLength = cp,
            UdCompHdr = (byte)comp, Reserved = reserved,
        };

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(3)]
    [TestCase(5)]
    public void CPlaneReader_must_round_trip_headers_and_sections(int sectionType)
    {
        var gen = from h in Header from sections in Section.Array[1, 6] select (h with { SectionType = sectionType, NumberOfSections = sections.Length }, sections);
        gen.Sample((h, sections) =>
        {
            var message = CPlaneFrames.Message((ref CPlaneWriter w) =>
            {
                w.WriteHeader(h);
                foreach (var s in sections)
                {
                    w.WriteSection(s with { Reserved = sectionType == 0 ? s.BeamId : s.Reserved });
                }
            });
            var reader = new CPlaneReader(message, 0);
            Assert.That(reader.TryReadHeader(out var header), Is.True, reader.Error.ToString());
            Assert.That((header.DataDirection == 1, header.PayloadVersion, header.FilterIndex, header.FrameId, header.SubframeId,
                header.SlotId, header.StartSymbolId, header.NumberOfSections, header.SectionTypeValue),
                Is.EqualTo((h.Downlink, h.PayloadVersion, h.FilterIndex, h.FrameId, h.SubframeId, h.SlotId, h.StartSymbolId,
                    h.NumberOfSections, sectionType)));
            if (sectionType is 0 or 3)
            {
                Assert.That((header.TimeOffset, header.FrameStructure, header.CpLength), Is.EqualTo((h.TimeOffset, h.FrameStructure, h.CpLength)));
            }

            Assert.That(header.UdCompHdr.Raw, Is.EqualTo(sectionType == 0 ? 0 : h.UdCompHdr));
            Assert.That(header.Reserved, Is.EqualTo(sectionType == 3 ? 0 : h.Reserved));
            foreach (var s in sections)
            {
                Assert.That(reader.TryReadSection(out var d), Is.True, reader.Error.ToString());
                Assert.That((d.SectionId, d.Rb, d.SymInc, d.StartPrbc, d.NumPrbc, d.ReMask, d.NumSymbol, d.Ef),
                    Is.EqualTo((s.SectionId, s.Rb, s.SymInc, s.StartPrbc, s.NumPrbc, s.ReMask, s.NumSymbol, false)));
                Assert.That((d.BeamId, d.UeId), Is.EqualTo(sectionType switch
                {
                    1 or 3 => (s.BeamId, 0),
                    5 => (0, s.UeId),
                    _ => (0, 0),
                }));
                Assert.That(d.Reserved, Is.EqualTo(sectionType switch { 0 => s.BeamId, 3 => s.Reserved, _ => 0 }));
                Assert.That(d.FreqOffset, Is.EqualTo(sectionType == 3 ? s.FreqOffset : 0));
            }

            Assert.That(reader.TryReadSection(out _), Is.False);
            Assert.That(reader.Error.IsError, Is.False, reader.Error.ToString());
        }, iter: Iterations);
    }

    [Test]
    public void CPlaneReader_must_round_trip_channel_information()
    {
        var gen =
            from width in Gen.Int[1, 16]
            from method in Gen.Int[0, 1]
            from perPrb in Gen.Bool
            from antennas in Gen.Int[1, 4]
            from prbs in Gen.Int[1, 3]
            from ueId in Gen.Int[0, 32767]
            from reg in Gen.Int[short.MinValue, short.MaxValue]
            from start in Gen.Int[0, 1023]
            from seed in Gen.Int
            select (width, method, perPrb, antennas, prbs, ueId, reg, start, seed);
        gen.Sample(t =>
        {
            var hdr = CiCompHdr.From(t.width & 0x0F, t.method, t.perPrb);
            var random = new Random(t.seed);
            int[] samples = Enumerable.Range(0, t.prbs * 2 * t.antennas)
                .Select(_ => random.Next(-(1 << (t.width - 1)), 1 << (t.width - 1))).ToArray();
            byte[] parameters = Enumerable.Range(0, t.prbs).Select(_ => (byte)random.Next(256)).ToArray();
            var values = new CPlaneSectionValues { UeId = t.ueId, RegularizationFactor = t.reg, StartPrbc = t.start, NumPrbc = t.prbs };
            var message = CPlaneFrames.Message((ref CPlaneWriter w) =>
            {
                w.WriteHeader(new CPlaneHeaderValues { SectionType = 6, NumberOfSections = 1, NumberOfUes = 1, CiCompHdr = hdr.Raw });
                w.WriteChannelInformationSection(values, hdr, t.antennas, parameters, samples);
            });
            var reader = new CPlaneReader(message, 0, new FronthaulDecodeOptions { BeamformingAntennas = t.antennas });
            Assert.That(reader.TryReadHeader(out _), Is.True);
            Assert.That(reader.TryReadSection(out var s), Is.True, reader.Error.ToString());
            Assert.That((s.UeId, s.RegularizationFactor, s.StartPrbc, s.NumPrbc), Is.EqualTo((t.ueId, t.reg, t.start, t.prbs)));
            for (int prb = 0; prb < t.prbs; prb++)
            {
                int expectedParam = t.method == 0 ? 0 : parameters[t.perPrb ? prb : 0];
                Assert.That(s.CiCompParam(prb), Is.EqualTo(expectedParam));
                for (int a = 0; a < t.antennas; a++)
                {
                    int k = ((prb * t.antennas) + a) * 2;
                    Assert.That((s.CiSampleI(prb, a), s.CiSampleQ(prb, a)), Is.EqualTo((samples[k], samples[k + 1])));
                }
            }

            Assert.That(reader.TryReadSection(out _), Is.False);
            Assert.That(reader.Error.IsError, Is.False, reader.Error.ToString());
        }, iter: Iterations);
    }

    [Test]
    public void CPlaneReader_must_round_trip_extension_1()
    {
        var gen =
            from method in Gen.Int[0, 5]
            from width in Gen.Int[1, 16]
            from antennas in Gen.Int[1, 12]
            from seed in Gen.Int
            select (method, width, antennas, seed);
        gen.Sample(t =>
        {
            var random = new Random(t.seed);
            var param = new byte[BfwCompParam.LengthOf(t.method, t.antennas)];
            random.NextBytes(param);
            int count = BfwCompParam.WeightCount(t.method, param, t.antennas);
            int[] iq = Enumerable.Range(0, 2 * count).Select(_ => random.Next(-(1 << (t.width - 1)), 1 << (t.width - 1))).ToArray();
            var hdr = new UdCompHdr((byte)(((t.width & 0x0F) << 4) | t.method));
            var e = ReadSingleExtension((ref CPlaneWriter w) => w.WriteBeamformingWeights(hdr, param, iq),
                new FronthaulDecodeOptions { BeamformingAntennas = t.antennas }, out var ext);
            Assert.That(e.IsError, Is.False, e.ToString());
            var x = ext.AsBeamformingWeights();
            Assert.That((x.BfwCompHdr, x.WeightCount), Is.EqualTo((hdr, count)));
            Assert.That(x.CompParam.Raw.ToArray(), Is.EqualTo(param));
            if (t.method == 1)
            {
                Assert.That(x.CompParam.Exponent, Is.EqualTo(param[0] & 0x0F));
            }

            for (int i = 0; i < count; i++)
            {
                Assert.That((x.WeightI(i), x.WeightQ(i)), Is.EqualTo((iq[2 * i], iq[(2 * i) + 1])));
            }

            Assert.That(ext.ExtLen * 4, Is.EqualTo(RoundUp4(3 + param.Length + (((2 * count * t.width) + 7) / 8))));
        }, iter: Iterations);
    }

    [Test]
    public void CPlaneReader_must_round_trip_extension_4()
    {
        (from csf in Gen.Bool from scaler in Gen.Int[0, 32767] select (csf, scaler)).Sample((csf, scaler) =>
        {
            var e = ReadSingleExtension((ref CPlaneWriter w) => w.WriteModulationCompression(csf, scaler), CPlaneSamples.Options, out var ext);
            Assert.That(e.IsError, Is.False, e.ToString());
            var x = ext.AsModulationCompression();
            Assert.That((x.Csf, x.ModCompScaler, ext.ExtLen), Is.EqualTo((csf, scaler, 1)));
        }, iter: Iterations);
    }

    [Test]
    public void CPlaneReader_must_round_trip_extension_5()
    {
        var set = from mask in Gen.Int[1, 4095] from csf in Gen.Bool from offset in Gen.Int[0, 32767]
            select new ModCompScalingSet((ushort)mask, csf, (ushort)offset);
        set.Array[1, 4].Sample(sets =>
        {
            var e = ReadSingleExtension((ref CPlaneWriter w) => w.WriteModulationCompressionScaling(sets), CPlaneSamples.Options, out var ext);
            Assert.That(e.IsError, Is.False, e.ToString());
            var x = ext.AsModulationCompressionScaling();
            Assert.That(x.SetCount, Is.EqualTo(sets.Length));
            for (int i = 0; i < sets.Length; i++)
            {
                Assert.That(new ModCompScalingSet((ushort)x.McScaleReMask(i), x.Csf(i), (ushort)x.McScaleOffset(i)), Is.EqualTo(sets[i]));
            }
        }, iter: Iterations);
    }

    [Test]
    public void CPlaneReader_must_round_trip_extension_6()
    {
        var gen = from rep in Gen.Bool from size in Gen.Int[0, 7] from mask in Gen.Int[0, 0x0FFFFFFF]
            from priority in Gen.Int[0, 3] from symbols in Gen.Int[0, 0x3FFF]
            select (rep, size, mask, priority, symbols);
        gen.Sample(t =>
        {
            var e = ReadSingleExtension((ref CPlaneWriter w) => w.WriteNonContiguousPrb(t.rep, t.size, t.mask, t.priority, t.symbols),
                CPlaneSamples.Options, out var ext);
            Assert.That(e.IsError, Is.False, e.ToString());
            var x = ext.AsNonContiguousPrb();
            Assert.That((x.Repetition, x.RbgSize, x.RbgMask, x.Priority, x.SymbolMask, ext.ExtLen), Is.EqualTo((t.rep, t.size, t.mask, t.priority, t.symbols, 2)));
        }, iter: Iterations);
    }

    [Test]
    public void CPlaneReader_must_round_trip_extension_10()
    {
        var gen = from type in Gen.Int[0, 2] from numPortc in Gen.Int[0, 63] from reserved in Gen.Int[0, 255] from seed in Gen.Int
            select (type, numPortc, reserved, seed);
        gen.Sample(t =>
        {
            var random = new Random(t.seed);
            ushort[] entries = t.type == 2 ? Enumerable.Range(0, t.numPortc).Select(_ => (ushort)random.Next(65536)).ToArray() : [];
            var e = ReadSingleExtension((ref CPlaneWriter w) => w.WritePortGrouping(t.type, t.numPortc, entries, (byte)t.reserved),
                CPlaneSamples.Options, out var ext);
            Assert.That(e.IsError, Is.False, e.ToString());
            var x = ext.AsPortGrouping();
            Assert.That((x.BeamGroupType, x.NumPortc, x.Reserved, x.BeamIdCount), Is.EqualTo((t.type, t.numPortc, t.type <= 1 ? t.reserved : 0, entries.Length)));
            for (int i = 0; i < entries.Length; i++)
            {
                Assert.That((x.BeamId(i), x.EntryReservedBit(i)), Is.EqualTo((entries[i] & 0x7FFF, entries[i] >= 0x8000)));
            }
        }, iter: Iterations);
    }

    [Test]
    public void CPlaneReader_must_round_trip_extension_11()
    {
        var gen =
            from disable in Gen.Bool
            from rad in Gen.Bool
            from bundleOffset in Gen.Int[0, 63]
            from numBundPrb in Gen.Int[1, 8]
            from numPrbc in Gen.Int[1, 24]
            from method in Gen.Int[0, 5]
            from width in Gen.Int[1, 16]
            from k in Gen.Int[1, 6]
            from seed in Gen.Int
            select (disable, rad, bundleOffset, numBundPrb, numPrbc, method, width, k, seed);
        gen.Sample(t =>
        {
            var random = new Random(t.seed);
            int bundles = (t.numPrbc + t.numBundPrb - 1) / t.numBundPrb;
            int antennas = 8;
            int paramLength = t.disable ? 0 : BfwCompParam.LengthOf(t.method, antennas);
            var parameters = new byte[bundles * paramLength];
            random.NextBytes(parameters);
            if (!t.disable && t.method is 4 or 5)
            {
                // Beamspace: exactly k active coefficients per bundle so every bundle carries k weights.
                for (int b = 0; b < bundles; b++)
                {
                    parameters[b * paramLength] = (byte)(0xFF << (8 - t.k));
                }
            }

            ushort[] beamWords = Enumerable.Range(0, bundles).Select(_ => (ushort)random.Next(65536)).ToArray();
            int perBundle = t.disable ? 0 : t.k;
            int[] weights = Enumerable.Range(0, bundles * 2 * perBundle).Select(_ => random.Next(-(1 << (t.width - 1)), 1 << (t.width - 1))).ToArray();
            var hdr = new UdCompHdr((byte)(((t.width & 0x0F) << 4) | t.method));
            var options = new FronthaulDecodeOptions { WeightsPerBundle = t.k, BeamformingAntennas = antennas };
            var e = ReadSingleExtension((ref CPlaneWriter w) => w.WriteFlexibleWeights(t.disable, t.rad, t.bundleOffset, t.numBundPrb, hdr,
                paramLength, parameters, beamWords, perBundle, weights), options, out var ext, t.numPrbc);
            Assert.That(e.IsError, Is.False, e.ToString());
            var x = ext.AsFlexibleWeights();
            Assert.That((x.DisableBfws, x.Rad, x.BundleOffset, x.NumBundPrb, x.BundleCount), Is.EqualTo((t.disable, t.rad, t.bundleOffset, t.numBundPrb, bundles)));
            Assert.That(x.BfwCompHdr, Is.EqualTo(t.disable ? default : hdr));
            int b2 = 0;
            foreach (var bundle in x.Bundles)
            {
                Assert.That((bundle.Index, bundle.ContInd, bundle.BeamId, bundle.WeightCount),
                    Is.EqualTo((b2, beamWords[b2] >= 0x8000, beamWords[b2] & 0x7FFF, perBundle)));
                Assert.That(bundle.CompParam.Raw.ToArray(), Is.EqualTo(parameters.AsSpan(b2 * paramLength, paramLength).ToArray()));
                for (int i = 0; i < perBundle; i++)
                {
                    int at = ((b2 * perBundle) + i) * 2;
                    Assert.That((bundle.WeightI(i), bundle.WeightQ(i)), Is.EqualTo((weights[at], weights[at + 1])));
                }

                b2++;
            }

            Assert.That(b2, Is.EqualTo(bundles));
        }, iter: Iterations);
    }

    [Test]
    public void CPlaneReader_must_round_trip_extension_12()
    {
        var range = from off in Gen.Int[0, 255] from num in Gen.Int[1, 255] select new PrbRange((byte)off, (byte)num);
        var gen = from priority in Gen.Int[0, 3] from symbols in Gen.Int[0, 0x3FFF] from ranges in range.Array[0, 8]
            select (priority, symbols, ranges);
        gen.Sample(t =>
        {
            var e = ReadSingleExtension((ref CPlaneWriter w) => w.WritePrbRanges(t.priority, t.symbols, t.ranges), CPlaneSamples.Options, out var ext);
            Assert.That(e.IsError, Is.False, e.ToString());
            var x = ext.AsPrbRanges();
            Assert.That((x.Priority, x.SymbolMask, x.RangeCount), Is.EqualTo((t.priority, t.symbols, t.ranges.Length)));
            for (int i = 0; i < t.ranges.Length; i++)
            {
                Assert.That(x.Range(i), Is.EqualTo(t.ranges[i]));
            }
        }, iter: Iterations);
    }

    [Test]
    public void CPlaneReader_must_round_trip_extension_13()
    {
        var hop = from symbol in Gen.Int[0, 15] from prb in Gen.Int[0, 1023] from reserved in Gen.Int[0, 3]
            select new FrequencyHop((byte)symbol, (ushort)prb, (byte)reserved);
        hop.Array[1, 9].Where(h => h[^1] != default).Sample(hops =>
        {
            var e = ReadSingleExtension((ref CPlaneWriter w) => w.WriteFrequencyHopping(hops), CPlaneSamples.Options, out var ext);
            Assert.That(e.IsError, Is.False, e.ToString());
            var x = ext.AsFrequencyHopping();
            Assert.That(x.HopCount, Is.EqualTo(hops.Length));
            for (int i = 0; i < hops.Length; i++)
            {
                Assert.That(x.Hop(i), Is.EqualTo(hops[i]));
            }
        }, iter: Iterations);
    }

    [Test]
    public void CPlaneReader_must_round_trip_extension_chains_and_laa()
    {
        var gen = from types in Gen.Int[0, 3].Array[1, 6] from laaType in Gen.Int[0, 15] from body in Gen.Byte.Array[0, 59]
            select (types, laaType, body);
        gen.Sample(t =>
        {
            var message = CPlaneFrames.Message((ref CPlaneWriter w) =>
            {
                w.WriteHeader(new CPlaneHeaderValues { SectionType = 1, NumberOfSections = 1 });
                w.WriteSection(new CPlaneSectionValues { NumPrbc = 3, BeamId = 9 });
                foreach (int type in t.types)
                {
                    switch (type)
                    {
                        case 0: w.WriteModulationCompression(true, 7); break;
                        case 1: w.WriteNonContiguousPrb(false, 1, 5, 0, 3); break;
                        case 2: w.WriteRawExtension(CPlaneExtensionTypes.Puncturing, [1, 2, 3, 4, 5]); break;
                        default: w.WriteRawExtension(CPlaneExtensionTypes.DynamicSpectrumSharing, [1, 0]); break;
                    }
                }
            });
            var reader = new CPlaneReader(message, 0);
            Assert.That(reader.TryReadHeader(out _), Is.True);
            Assert.That(reader.TryReadSection(out var s), Is.True, reader.Error.ToString());
            Assert.That((s.Ef, s.ExtensionCount, s.Length), Is.EqualTo((true, t.types.Length, message.Length - 8)));
            var extensions = s.Extensions;
            for (int i = 0; i < t.types.Length; i++)
            {
                Assert.That(extensions.TryReadNext(out var e), Is.True);
                Assert.That(e.ExtType, Is.EqualTo(t.types[i] switch { 0 => 4, 1 => 6, 2 => 20, _ => 9 }));
                Assert.That(e.Ef, Is.EqualTo(i < t.types.Length - 1));
            }

            Assert.That(extensions.TryReadNext(out _), Is.False);

            var laa = CPlaneFrames.Message((ref CPlaneWriter w) =>
            {
                w.WriteHeader(new CPlaneHeaderValues { SectionType = 7 });
                w.WriteLaaMessage(t.laaType, t.body);
            });
            var r = new CPlaneReader(laa, 0);
            Assert.That(r.TryReadHeader(out _), Is.True);
            Assert.That(r.TryReadLaaMessage(out var m), Is.True, r.Error.ToString());
            Assert.That((m.LaaMsgType, m.Length), Is.EqualTo((t.laaType, RoundUp4(1 + t.body.Length))));
            Assert.That(m.Body[..t.body.Length].ToArray(), Is.EqualTo(t.body));
        }, iter: Iterations);
    }

    private static int RoundUp4(int n) => (n + 3) & ~3;

    /// <summary>Writes an ST1 message with one section carrying one extension and reads the extension back.</summary>
    private static DecodeError ReadSingleExtension(CPlaneFrames.Build extension, FronthaulDecodeOptions options,
        out CPlaneExtension result, int numPrbc = 4)
    {
        var message = CPlaneFrames.Message((ref CPlaneWriter w) =>
        {
            w.WriteHeader(new CPlaneHeaderValues { SectionType = 1, NumberOfSections = 1 });
            w.WriteSection(new CPlaneSectionValues { NumPrbc = numPrbc, BeamId = 1 });
            extension(ref w);
        });
        result = default;
        var reader = new CPlaneReader(message, 0, options);
        if (!reader.TryReadHeader(out _) || !reader.TryReadSection(out var section))
        {
            return reader.Error;
        }

        Assert.That(section.ExtensionCount, Is.EqualTo(1));
        var extensions = section.Extensions;
        Assert.That(extensions.TryReadNext(out result), Is.True);
        Assert.That(reader.TryReadSection(out _), Is.False);
        return reader.Error;
    }
}
