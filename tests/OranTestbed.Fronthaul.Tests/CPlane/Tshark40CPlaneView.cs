using System.Globalization;
using OranTestbed.Fronthaul.Bits;
using OranTestbed.Fronthaul.CPlane;
using OranTestbed.Fronthaul.CPlane.Extensions;
using OranTestbed.Fronthaul.Decoding;

namespace OranTestbed.Fronthaul.Tests.CPlane;

/// <summary>
/// What tshark 4.0.17 (packet-oran.c of the 4.0 branch, checked against the binary) shows for a C-plane message,
/// computed from OUR decode: field name → occurrences in document order. Every 4.0 quirk lives here, so a test that
/// compares this with tshark's output checks our decoder field by field and documents where tshark 4.0 differs:
/// <list type="bullet">
/// <item>ST0 sections have no ef field: bytes 6-7 are one 16-bit <c>reserved16</c>, so ST0 extensions are not parsed.</item>
/// <item>ST3 freqOffset is the unsigned 24-bit value; reserved bytes appear as <c>reserved8</c>/<c>reserved4</c>.</item>
/// <item>ST6: the ciCompHdr byte is shown as <c>reserved8</c>; samples are always 16-bit I/Q, int16/32767, numPrbc
///   PRBs (0 is not widened) × the <c>num_bf_antennas</c> preference; no ciCompParam.</item>
/// <item>ST7: nothing after sectionType (the LAA message is not dissected).</item>
/// <item>SE1: the weight count is not L but floor((extLen·4 − 3)·8 / (2·bfwIqWidth)) (padding decoded as weights), values
///   m/2^(w−1)·2^exponent; only bfwCompMeth 0 and 1 decode weights.</item>
/// <item>SE11: weights per bundle = <c>num_weights_per_bundle</c>; with bfwCompMeth 0 a weight is (int16)(bits)/32767 even
///   when bfwIqWidth &lt; 16 (no sign extension); <c>num_weights_per_bundle</c> appears once per bundle; bundles =
///   floor(numPrbc/numBundPrb) plus one orphan bundle for a remainder.</item>
/// <item>SE12: every pair up to extLen is shown, padding pairs (0, 0) included.</item>
/// <item>SE5, SE13 and types ≥ 13: only ef, extType, extLen. extLen is 16-bit only for SE11 (not 19/20).</item>
/// <item>SE1 with bfwCompMeth 2-15 adds the Undecoded expert "BFW Compression method N (name) not supported by
///   dissector".</item>
/// <item>SE10 beamGroupType 2 lists numPortc <c>beamId</c>s (same field name as the section beamId).</item>
/// <item>When 4.0 dissects fewer than extLen·4 − 3 bytes of an extension (every type it does not decode, SE1 with
///   bfwCompMeth 2-4, …) it adds the Malformed expert "extlen signalled N bytes (+ 0-3 bytes padding), but M were
///   dissected", which also counts as <c>_ws.malformed</c>: a tshark artefact, not a defect of the frame.</item>
/// </list>
/// </summary>
public static class Tshark40CPlaneView
{
    /// <summary>Every oran_fh_cus field the view can emit (the -e list for tshark).</summary>
    public static readonly IReadOnlyList<string> FieldNames =
    [
        "oran_fh_cus.data_direction", "oran_fh_cus.payloadVersion", "oran_fh_cus.filterIndex", "oran_fh_cus.frameId",
        "oran_fh_cus.subframe_id", "oran_fh_cus.slotId", "oran_fh_cus.startSymbolId", "oran_fh_cus.numberOfSections",
        "oran_fh_cus.sectionType", "oran_fh_cus.timeOffset", "oran_fh_cus.frameStructure.fft",
        "oran_fh_cus.frameStructure.spacing", "oran_fh_cus.cpLength", "oran_fh_cus.udCompHdrWidth",
        "oran_fh_cus.udCompHdrMeth", "oran_fh_cus.numberOfUEs", "oran_fh_cus.reserved4", "oran_fh_cus.reserved8",
        "oran_fh_cus.reserved16", "oran_fh_cus.sectionId", "oran_fh_cus.rb", "oran_fh_cus.symInc",
        "oran_fh_cus.startPrbc", "oran_fh_cus.numPrbc", "oran_fh_cus.reMask", "oran_fh_cus.numSymbol",
        "oran_fh_cus.ef", "oran_fh_cus.beamId", "oran_fh_cus.ueId", "oran_fh_cus.freqOffset",
        "oran_fh_cus.regularizationFactor", "oran_fh_cus.ciISample", "oran_fh_cus.ciQSample",
        "oran_fh_cus.extType", "oran_fh_cus.extLen", "oran_fh_cus.bfwCompHdr_iqWidth",
        "oran_fh_cus.bfwCompHdr_compMeth", "oran_fh_cus.exponent", "oran_fh_cus.blockScaler",
        "oran_fh_cus.compBitWidth", "oran_fh_cus.compShift", "oran_fh_cus.bfwI", "oran_fh_cus.bfwQ",
        "oran_fh_cus.csf", "oran_fh_cus.modcompscaler", "oran_fh_cus.repetition", "oran_fh_cus.rbgSize",
        "oran_fh_cus.rbgMask", "oran_fh_cus.priority", "oran_fh_cus.symbolMask", "oran_fh_cus.beamGroupType",
        "oran_fh_cus.numPortc", "oran_fh_cus.disableBFWs", "oran_fh_cus.rad", "oran_fh_cus.numBundPrbs",
        "oran_fh_cus.num_weights_per_bundle", "oran_fh_cus.offStartPrb", "oran_fh_cus.numPrb",
    ];

    /// <summary>Float-valued fields (compared with a tolerance).</summary>
    public static bool IsFloat(string field) => field is "oran_fh_cus.bfwI" or "oran_fh_cus.bfwQ"
        or "oran_fh_cus.ciISample" or "oran_fh_cus.ciQSample";

    /// <param name="message">The C-plane message from dataDirection on.</param>
    /// <param name="options">Our decoder options (BeamformingAntennas = tshark num_bf_antennas, WeightsPerBundle =
    /// num_weights_per_bundle, CarrierPrbs = rbs_in_uplane_section).</param>
    /// <param name="experts">Receives the expert messages 4.0 adds (extLen checks), in order.</param>
    public static Dictionary<string, List<double>> Of(ReadOnlySpan<byte> message, FronthaulDecodeOptions options,
        List<string>? experts = null)
    {
        var view = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        void Add(string name, double value)
        {
            if (!view.TryGetValue("oran_fh_cus." + name, out var list))
            {
                view["oran_fh_cus." + name] = list = [];
            }

            list.Add(value);
        }

        var reader = new CPlaneReader(message, 0, options);
        Assert.That(reader.TryReadHeader(out var h), Is.True, reader.Error.ToString());
        Add("data_direction", h.DataDirection);
        Add("payloadVersion", h.PayloadVersion);
        Add("filterIndex", h.FilterIndex);
        Add("frameId", h.FrameId);
        Add("subframe_id", h.SubframeId);
        Add("slotId", h.SlotId);
        Add("startSymbolId", h.StartSymbolId);
        Add("numberOfSections", h.NumberOfSections);
        Add("sectionType", h.SectionTypeValue);
        var type = h.SectionType;
        switch (type)
        {
            case CPlaneSectionType.UnusedResourceBlocks or CPlaneSectionType.Prach:
                Add("timeOffset", h.TimeOffset);
                Add("frameStructure.fft", h.FftSize);
                Add("frameStructure.spacing", h.SubcarrierSpacing);
                Add("cpLength", h.CpLength);
                if (type == CPlaneSectionType.UnusedResourceBlocks)
                {
                    Add("reserved8", h.Reserved);
                }
                else
                {
                    Add("udCompHdrWidth", h.UdCompHdr.RawIqWidth);
                    Add("udCompHdrMeth", h.UdCompHdr.RawMethod);
                }

                break;
            case CPlaneSectionType.Normal or CPlaneSectionType.UeScheduling:
                Add("udCompHdrWidth", h.UdCompHdr.RawIqWidth);
                Add("udCompHdrMeth", h.UdCompHdr.RawMethod);
                Add("reserved8", h.Reserved);
                break;
            case CPlaneSectionType.ChannelInformation:
                Add("numberOfUEs", h.NumberOfUes);
                Add("reserved8", h.CiCompHdr.Raw);
                break;
            default:
                return view;
        }

        while (reader.TryReadSection(out var s))
        {
            if (type == CPlaneSectionType.ChannelInformation)
            {
                Add("ef", s.Ef ? 1 : 0);
                Add("ueId", s.UeId);
                Add("regularizationFactor", s.RegularizationFactor);
                Add("reserved4", s.Reserved);
                Add("rb", s.Rb ? 1 : 0);
                Add("symInc", s.SymInc ? 1 : 0);
                Add("startPrbc", s.StartPrbc);
                Add("numPrbc", s.NumPrbc);
                for (int prb = 0; prb < s.NumPrbc; prb++)
                {
                    for (int a = 0; a < s.CiAntennas; a++)
                    {
                        Add("ciISample", (short)s.CiSampleI(prb, a) / 32767.0);
                        Add("ciQSample", (short)s.CiSampleQ(prb, a) / 32767.0);
                    }
                }
            }
            else
            {
                Add("sectionId", s.SectionId);
                Add("rb", s.Rb ? 1 : 0);
                Add("symInc", s.SymInc ? 1 : 0);
                Add("startPrbc", s.StartPrbc);
                Add("numPrbc", s.NumPrbc);
                Add("reMask", s.ReMask);
                Add("numSymbol", s.NumSymbol);
                switch (type)
                {
                    case CPlaneSectionType.UnusedResourceBlocks:
                        Add("reserved16", (s.Ef ? 0x8000 : 0) | s.Reserved);
                        continue;
                    case CPlaneSectionType.Normal:
                        Add("ef", s.Ef ? 1 : 0);
                        Add("beamId", s.BeamId);
                        break;
                    case CPlaneSectionType.Prach:
                        Add("ef", s.Ef ? 1 : 0);
                        Add("beamId", s.BeamId);
                        Add("freqOffset", s.FreqOffsetRaw);
                        Add("reserved8", s.Reserved);
                        break;
                    default:
                        Add("ef", s.Ef ? 1 : 0);
                        Add("ueId", s.UeId);
                        break;
                }
            }

            var extensions = s.Extensions;
            while (extensions.TryReadNext(out var e))
            {
                Add("ef", e.Ef ? 1 : 0);
                Add("extType", e.ExtType);
                Add("extLen", e.ExtLen);
                int dissected = AddExtension(e, message, options, s.NumPrbc, Add, out string? unsupported);
                int padding = e.Length - dissected;
                if (padding is < 0 or > 3)
                {
                    experts?.Add(string.Create(CultureInfo.InvariantCulture,
                        $"extlen signalled {e.Length} bytes (+ 0-3 bytes padding), but {dissected} were dissected"));
                }

                if (unsupported is not null)
                {
                    experts?.Add(unsupported);
                }
            }
        }

        Assert.That(reader.Error.IsError, Is.False, reader.Error.ToString());
        return view;
    }

    /// <summary>Adds 4.0's fields for one extension; returns how many bytes 4.0 dissects (for its extLen check).</summary>
    private static int AddExtension(CPlaneExtension e, ReadOnlySpan<byte> message, FronthaulDecodeOptions options,
        int numPrbc, Action<string, double> add, out string? unsupported)
    {
        unsupported = null;
        switch (e.ExtType)
        {
            case CPlaneExtensionTypes.BeamformingWeights:
            {
                var x = e.AsBeamformingWeights();
                int w = x.BfwCompHdr.IqWidth;
                int method = x.BfwCompHdr.RawMethod;
                add("bfwCompHdr_iqWidth", x.BfwCompHdr.RawIqWidth);
                add("bfwCompHdr_compMeth", method);
                switch (method)
                {
                    case 1: add("exponent", x.CompParam.Exponent); break;
                    case 0: break;
                    default:
                        unsupported = string.Create(CultureInfo.InvariantCulture,
                            $"BFW Compression method {method} ({method switch { 2 => "block scaling", 3 => "u-law", 4 => "beamspace compression", _ => "Unknown" }}) not supported by dissector");
                        if (method == 2)
                        {
                            add("blockScaler", x.CompParam.BlockScaler);
                            return 4;
                        }

                        if (method == 3)
                        {
                            add("compBitWidth", x.CompParam.CompBitWidth);
                            add("compShift", x.CompParam.CompShift);
                            return 4;
                        }

                        return 3;
                }

                // 4.0 fills (extLen·4 − 3) bytes with weights from the first weight bit on, padding included.
                int pairs = (((e.ExtLen * 4) - 3) * 8) / (2 * w);
                int local = e.Offset - 0 + x.WeightsOffset;
                var bits = new BitReader(message[local..]);
                double scale = Math.Pow(2, x.CompParam.Exponent) / (1 << (w - 1));
                for (int i = 0; i < pairs; i++)
                {
                    add("bfwI", bits.ReadSigned(w) * scale);
                    add("bfwQ", bits.ReadSigned(w) * scale);
                }

                return x.WeightsOffset + (pairs * 2 * w / 8);
            }

            case CPlaneExtensionTypes.ModulationCompression:
            {
                var x = e.AsModulationCompression();
                add("csf", x.Csf ? 1 : 0);
                add("modcompscaler", x.ModCompScaler);
                return 4;
            }

            case CPlaneExtensionTypes.NonContiguousPrb:
            {
                var x = e.AsNonContiguousPrb();
                add("repetition", x.Repetition ? 1 : 0);
                add("rbgSize", x.RbgSize);
                add("rbgMask", x.RbgMask);
                add("priority", x.Priority);
                add("symbolMask", x.SymbolMask);
                return 8;
            }

            case CPlaneExtensionTypes.PortGrouping:
            {
                var x = e.AsPortGrouping();
                add("beamGroupType", x.BeamGroupType);
                add("numPortc", x.NumPortc);
                if (x.BeamGroupType <= 1)
                {
                    add("reserved8", x.Reserved);
                }

                for (int i = 0; i < x.BeamIdCount; i++)
                {
                    add("beamId", x.BeamId(i));
                }

                return 3 + (x.BeamGroupType <= 1 ? 1 : 2 * x.BeamIdCount);
            }

            case CPlaneExtensionTypes.FlexibleWeights:
                return AddFlexibleWeights(e.AsFlexibleWeights(), numPrbc == 0 ? options.CarrierPrbs : numPrbc, options, add);

            case CPlaneExtensionTypes.PrbRanges:
            {
                var x = e.AsPrbRanges();
                add("priority", x.Priority);
                add("symbolMask", x.SymbolMask);
                var raw = e.Raw;
                for (int p = PrbRangesFields.PairsOffset; p + 1 < raw.Length; p += 2)
                {
                    add("offStartPrb", raw[p]);
                    add("numPrb", raw[p + 1]);
                }

                return raw.Length;
            }

            default:
                return e.Length - e.Body.Length;
        }
    }

    private static int AddFlexibleWeights(FlexibleWeightsExtension x, int numPrbc, FronthaulDecodeOptions options,
        Action<string, double> add)
    {
        add("disableBFWs", x.DisableBfws ? 1 : 0);
        add("rad", x.Rad ? 1 : 0);
        add("numBundPrbs", x.NumBundPrb);
        Assert.That(x.BundleCount, Is.EqualTo((numPrbc / x.NumBundPrb) + (numPrbc % x.NumBundPrb == 0 ? 0 : 1)));
        int dissected = FlexibleWeightsFields.BundlesOffsetWithoutWeights;
        if (!x.DisableBfws)
        {
            add("bfwCompHdr_iqWidth", x.BfwCompHdr.RawIqWidth);
            add("bfwCompHdr_compMeth", x.BfwCompHdr.RawMethod);
            dissected = FlexibleWeightsFields.BundlesOffsetWithWeights;
        }

        foreach (var bundle in x.Bundles)
        {
            dissected += bundle.Length;
            if (x.DisableBfws)
            {
                add("beamId", bundle.BeamId);
                continue;
            }

            int method = x.BfwCompHdr.RawMethod;
            int w = x.BfwCompHdr.IqWidth;
            if (method == 1)
            {
                add("exponent", bundle.CompParam.Exponent);
            }

            add("beamId", bundle.BeamId);
            add("num_weights_per_bundle", options.WeightsPerBundle);
            for (int i = 0; i < bundle.WeightCount; i++)
            {
                add("bfwI", Weight(bundle.WeightI(i), method, w, bundle.CompParam.Exponent));
                add("bfwQ", Weight(bundle.WeightQ(i), method, w, bundle.CompParam.Exponent));
            }
        }

        return dissected;
    }

    /// <summary>4.0's decompress_value: method 0 reinterprets the raw bits as int16 (no sign extension below 16 bits).</summary>
    private static double Weight(int signed, int method, int width, int exponent) => method == 0
        ? (short)(signed & ((1 << width) - 1) & 0xFFFF) / 32767.0
        : signed / (double)(1 << (width - 1)) * Math.Pow(2, exponent);
}
