using System.Collections.Immutable;
using YamlDotNet.RepresentationModel;
using System.Globalization;
using OranTestbed.Fronthaul.Compression;
using OranTestbed.Fronthaul.Ecpri;
using OranTestbed.Fronthaul.Profiles;
using OranTestbed.Plans.Loading;
using OranTestbed.Plans.Yaml;
using OranTestbed.Fronthaul.Timing;

namespace OranTestbed.Plans.Profiles;

/// <summary>
/// Loads a fronthaul profile (<c>testplans/profiles/*.yaml</c>) into a <see cref="FronthaulProfile"/>. Keys are the
/// O-RAN M-plane YANG names where one exists; see <c>testplans/profiles/README.md</c> for the format. Every problem of
/// a file is collected and thrown together as a <see cref="PlanValidationException"/> whose errors carry
/// file:line:column and the key path.
/// </summary>
public static class FronthaulProfileLoader
{
    private static readonly string[] RootKeys =
    [
        "name", "description", "numerology", "subcarrier-spacing", "prbs", "bandwidth", "frequency-range",
        "cyclic-prefix", "eaxc-id-bits", "ecpri-udp-port", "vlan-id", "compression", "duplex", "tdd-pattern",
        "delay-management", "capture-clock", "gps-offset", "tap", "verdict-thresholds", "rule-severity", "eaxc-ids",
        "source", "s-plane",
    ];

    private static readonly string[] SourceKeys = ["m-plane", "read-at"];

    private static readonly string[] SPlaneKeys =
        ["mask", "max-abs-te", "max-abs-te-low-pass", "cte", "cte-window", "mtie-mask", "tdev-mask", "min-pairs"];

    private static readonly KeyValuePair<string, int>[] TimeErrorMaskNames =
        [.. TimeErrorMasks.Names.Select((n, i) => new KeyValuePair<string, int>(n, i))];

    private static readonly string[] SeverityWords = ["error", "warning", "info"];

    private static readonly string[] EaxcKeys = ["du-port", "band-sector", "cc", "ru-port"];
    private static readonly string[] CompressionKeys = ["dl", "ul"];
    private static readonly string[] DirectionKeys = ["method", "iq-width", "comp-hdr"];
    private static readonly string[] TddKeys = ["slots", "special-slot"];
    private static readonly string[] SpecialSlotKeys = ["dl", "guard", "ul"];
    private static readonly string[] GpsOffsetKeys = ["alpha", "beta"];
    private static readonly string[] ThresholdKeys = ["late", "early", "lost", "duplicate", "out-of-order", "malformed"];
    private static readonly string[] DelayKeys = [.. DelayParameterNames.All.Select(DelayParameterNames.YangName)];

    private static readonly KeyValuePair<string, CyclicPrefix>[] CyclicPrefixes =
        [new("normal", CyclicPrefix.Normal), new("extended", CyclicPrefix.Extended)];

    private static readonly KeyValuePair<string, FrequencyRange>[] FrequencyRanges =
        [new("fr1", FrequencyRange.Fr1), new("fr2", FrequencyRange.Fr2)];

    private static readonly KeyValuePair<string, DuplexMode>[] DuplexModes =
        [new("tdd", DuplexMode.Tdd), new("fdd", DuplexMode.Fdd)];

    private static readonly KeyValuePair<string, TimeScale>[] CaptureClocks =
        [new("utc", TimeScale.Utc), new("tai", TimeScale.Tai), new("gps", TimeScale.Gps)];

    private static readonly KeyValuePair<string, CaptureTap>[] Taps = [new("ru", CaptureTap.Ru), new("du", CaptureTap.Du)];

    /// <summary>
    /// Compression method names: ours (as on the command line) and the O-RAN YANG compression-method enumeration in
    /// kebab case (BLOCK_FLOATING_POINT may be copied as block-floating-point).
    /// </summary>
    private static readonly KeyValuePair<string, CompressionMethod>[] MethodAliases =
    [
        new("block-floating-point", CompressionMethod.BlockFloatingPoint),
        new("u-law", CompressionMethod.MuLaw),
        new("no-compression", CompressionMethod.None),
        new("modulation-compression", CompressionMethod.ModulationCompression),
    ];

    /// <summary>Reads and validates a profile file; <paramref name="path"/> is used as given in error messages.</summary>
    /// <exception cref="PlanValidationException">The file is unreadable or invalid; every error is listed.</exception>
    public static FronthaulProfile Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = YamlLimits.ReadFile(path);
        }
        catch (InvalidDataException ex)
        {
            throw new PlanValidationException([new PlanError(path, 0, 0, "", ex.Message)]);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new PlanValidationException([new PlanError(path, 0, 0, "", "cannot read the file: " + ex.Message)]);
        }

        return Parse(text, path);
    }

    /// <summary>Validates profile YAML text; <paramref name="source"/> names it in errors (and is the default name).</summary>
    /// <exception cref="PlanValidationException">The text is invalid; every error is listed.</exception>
    public static FronthaulProfile Parse(string yaml, string source)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(source);
        var errors = new PlanErrors(source);
        using var reader = new StringReader(yaml);
        var root = YamlPlanDocument.LoadRootMapping(reader, errors);
        if (root is null)
        {
            errors.ThrowIfAny();
        }

        var map = new YamlMappingReader(root!, "", errors, RootKeys);
        string name = map.Text("name") ?? Path.GetFileNameWithoutExtension(source);
        string? description = map.Text("description");
        var carrier = ReadCarrier(map);
        var eaxc = ReadEaxcBits(map);
        int? udpPort = map.Int("ecpri-udp-port", 1, 65535);
        int? vlan = map.Int("vlan-id", 1, 4094);
        var (downlink, uplink) = ReadCompression(map);
        var (duplex, tdd) = ReadDuplex(map, carrier);
        var delays = ReadDelayManagement(map);
        var clock = map.Choice("capture-clock", CaptureClocks) ?? TimeScale.Utc;
        var gps = ReadGpsOffset(map);
        var tap = map.Choice("tap", Taps);
        var thresholds = ReadThresholds(map);
        var severities = ReadRuleSeverities(map);
        var eaxcIds = ReadEaxcIds(map);
        var provenance = ReadSource(map);
        var splane = ReadSPlane(map);

        errors.ThrowIfAny();
        return new FronthaulProfile
        {
            Name = name,
            Description = description,
            Carrier = carrier!,
            EaxcBits = eaxc!.Value,
            EcpriUdpPort = (ushort?)udpPort,
            VlanId = (ushort?)vlan,
            DownlinkCompression = downlink!,
            UplinkCompression = uplink!,
            Duplex = duplex!.Value,
            TddPattern = tdd,
            DelayManagement = delays,
            CaptureClock = clock,
            GpsOffset = gps,
            Tap = tap,
            VerdictThresholds = thresholds,
            RuleSeverities = severities,
            EaxcIds = eaxcIds,
            Source = provenance,
            SPlane = splane,
        };
    }

    /// <summary><c>eaxc-ids: [0, 1, 2, 3]</c>: the eAxC ids of the O-RU's low-level endpoints, each 0..65535; kept
    /// ascending and distinct.</summary>
    private static ImmutableArray<ushort> ReadEaxcIds(YamlMappingReader map)
    {
        if (map.ValueOf("eaxc-ids") is not { } node)
        {
            return [];
        }

        if (node is not YamlSequenceNode list)
        {
            map.Error("eaxc-ids", $"expected a list of eAxC ids (e.g. [0, 1, 2, 3]), got {YamlMappingReader.Describe(node)}");
            return [];
        }

        var ids = new SortedSet<ushort>();
        foreach (var item in list.Children)
        {
            if (item is YamlScalarNode { Value: { } text }
                && ushort.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out ushort id))
            {
                ids.Add(id);
            }
            else
            {
                map.Errors.Add(item, map.PathOf("eaxc-ids"), $"{YamlMappingReader.Describe(item)} is not an eAxC id (0..65535)");
            }
        }

        return [.. ids];
    }

    /// <summary><c>source: {m-plane: "user@host:port", read-at: 2026-12-07T20:36:00Z}</c>: where a tool read the
    /// profile (<c>mplane profile</c> writes it); both keys required, read-at an ISO 8601 time in UTC.</summary>
    private static ProfileSource? ReadSource(YamlMappingReader map)
    {
        var m = map.Mapping("source", SourceKeys, what: "the provenance {m-plane, read-at}");
        if (m is null)
        {
            return null;
        }

        string? endpoint = m.Text("m-plane", required: true, what: "the NETCONF endpoint (user@host:port)");
        string? at = m.Text("read-at", required: true, what: "when it was read (ISO 8601 UTC, e.g. 2026-12-07T20:36:00Z)");
        if (at is null)
        {
            return null;
        }

        if (!DateTimeOffset.TryParseExact(at, ReadAtFormats, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var readAt)
            || !at.EndsWith('Z'))
        {
            m.Error("read-at", $"'{at}' is not an ISO 8601 UTC time (e.g. 2026-12-07T20:36:00Z)");
            return null;
        }

        return endpoint is null ? null : new ProfileSource(endpoint, readAt);
    }

    private static readonly string[] ReadAtFormats = ["yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'"];

    /// <summary><c>rule-severity: {RULE-ID: error|warning|info}</c>; the ids are checked against the catalogue by the
    /// analysis (the catalogue is not the plan's).</summary>
    private static ImmutableDictionary<string, string> ReadRuleSeverities(YamlMappingReader map)
    {
        if (map.ValueOf("rule-severity") is not { } node)
        {
            return ImmutableDictionary<string, string>.Empty;
        }

        if (node is not YamlMappingNode rules)
        {
            map.Error("rule-severity", $"expected {{RULE-ID: error|warning|info}}, got {YamlMappingReader.Describe(node)}");
            return ImmutableDictionary<string, string>.Empty;
        }

        var result = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in rules.Children)
        {
            string path = $"{map.PathOf("rule-severity")}.{(key as YamlScalarNode)?.Value}";
            if (key is not YamlScalarNode { Value: { } id } || !IsRuleId(id))
            {
                map.Errors.Add(key, map.PathOf("rule-severity"), $"{YamlMappingReader.Describe(key)} is not a rule id (e.g. COMP-BFP-EXPONENT-RANGE; oran-testbed rules lists them)");
                continue;
            }

            if (value is not YamlScalarNode { Value: { } word } || !SeverityWords.Contains(word, StringComparer.Ordinal))
            {
                map.Errors.Add(value, path, $"{YamlMappingReader.Describe(value)} is not a severity: use error, warning or info");
                continue;
            }

            result[id] = word;
        }

        return result.ToImmutable();
    }

    private static bool IsRuleId(string id) =>
        id.Length is > 2 and <= 64 && id.Contains('-', StringComparison.Ordinal) && id[0] != '-' && id[^1] != '-'
        && id.All(c => c is (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-');

    private static Carrier? ReadCarrier(YamlMappingReader map)
    {
        int? mu = map.Int("numerology", 0, Carrier.MaxNumerology);
        int? scs = ReadKiloHertz(map, "subcarrier-spacing");
        if (scs is { } spacing && spacing is not (15 or 30 or 60 or 120))
        {
            map.Error("subcarrier-spacing", $"{spacing} kHz is not an NR data subcarrier spacing: use 15kHz, 30kHz, 60kHz or 120kHz");
            scs = null;
        }
        else if (scs is { } given && mu is { } m && given != 15 << m)
        {
            map.Error("subcarrier-spacing", $"{given} kHz disagrees with numerology {m} (15·2^{m} = {15 << m} kHz)");
        }
        else if (mu is null && scs is { } fromScs)
        {
            mu = int.Log2(fromScs / 15);
        }

        if (mu is null && !map.Has("numerology") && !map.Has("subcarrier-spacing"))
        {
            map.Missing("numerology", "numerology (µ: SCS = 15·2^µ kHz) or subcarrier-spacing");
        }

        var cyclicPrefix = map.Choice("cyclic-prefix", CyclicPrefixes) ?? CyclicPrefix.Normal;
        if (cyclicPrefix == CyclicPrefix.Extended && mu is { } cpMu && cpMu != 2)
        {
            map.Error("cyclic-prefix", $"extended cyclic prefix exists only for numerology 2 (60 kHz; 3GPP TS 38.211 §4.2), not {cpMu}");
            mu = null;
        }

        var range = map.Choice("frequency-range", FrequencyRanges);
        if (range is { } r && mu is { } rangeMu && !NrBandwidthTable.RangesFor(15 << rangeMu).Contains(r))
        {
            map.Error("frequency-range", $"numerology {rangeMu} ({15 << rangeMu} kHz) carries no data in {Name(r)}");
            range = null;
            mu = null;
        }

        int? prbs = map.Int("prbs", 1, Carrier.MaxPrbs);
        int? bandwidth = ReadMegaHertz(map, "bandwidth");
        if (prbs is null && bandwidth is null && !map.Has("prbs") && !map.Has("bandwidth"))
        {
            map.Missing("prbs", "prbs (carrier width in PRBs) or bandwidth (e.g. 100MHz)");
        }

        if (mu is not { } numerology)
        {
            return null;
        }

        int kHz = 15 << numerology;
        range ??= NrBandwidthTable.RangesFor(kHz) is [var only] ? only : null;
        if (bandwidth is { } mhz)
        {
            var candidates = NrBandwidthTable.RangesFor(kHz)
                .Where(fr => range is null || fr == range)
                .Where(fr => NrBandwidthTable.TryGetPrbs(fr, mhz, kHz, out _))
                .ToList();
            if (candidates.Count == 0)
            {
                var fr = range ?? NrBandwidthTable.RangesFor(kHz)[0];
                map.Error("bandwidth", $"{mhz} MHz at {kHz} kHz is not in {TableOf(fr)}; it allows "
                    + string.Join(", ", NrBandwidthTable.AllowedBandwidths(fr, kHz)) + $" MHz at {kHz} kHz");
                return null;
            }

            if (candidates.Count > 1)
            {
                map.Error("bandwidth", $"{mhz} MHz at {kHz} kHz exists in FR1 and FR2 with different PRB counts: "
                    + "give frequency-range: fr1 or fr2");
                return null;
            }

            range = candidates[0];
            NrBandwidthTable.TryGetPrbs(range.Value, mhz, kHz, out int tablePrbs);
            if (prbs is { } givenPrbs && givenPrbs != tablePrbs)
            {
                map.Error("prbs", $"{givenPrbs} PRBs disagrees with bandwidth {mhz} MHz at {kHz} kHz, which is {tablePrbs} PRBs "
                    + $"({TableOf(range.Value)})");
                return null;
            }

            prbs = tablePrbs;
        }

        return prbs is { } width ? new Carrier(numerology, width, cyclicPrefix, bandwidth, range) : null;
    }

    private static EaxcBitWidths? ReadEaxcBits(YamlMappingReader map)
    {
        var m = map.Mapping("eaxc-id-bits", EaxcKeys, required: true, "the eAxC id split {du-port, band-sector, cc, ru-port}");
        return m is null ? null : CommonReaders.EaxcBits(m);
    }

    private static (UPlaneCompression? Downlink, UPlaneCompression? Uplink) ReadCompression(YamlMappingReader map)
    {
        var m = map.Mapping("compression", CompressionKeys, required: true, "U-plane compression {dl: {...}, ul: {...}}");
        return m is null ? (null, null) : (ReadDirection(m, "dl"), ReadDirection(m, "ul"));
    }

    private static UPlaneCompression? ReadDirection(YamlMappingReader compression, string key)
    {
        var m = compression.Mapping(key, DirectionKeys, required: true, "{method, iq-width, comp-hdr}");
        if (m is null)
        {
            return null;
        }

        CompressionMethod? method = null;
        var methodNode = m.Scalar("method", required: true, "a compression method (none, bfp, block-scaling, mu-law, modulation)");
        if (methodNode?.Value is { } methodName)
        {
            if (TryParseMethod(methodName, out var parsed) && IqCompression.IsSupported(parsed))
            {
                method = parsed;
            }
            else
            {
                m.Error("method", $"'{methodName}' is not a compression method this tool decodes: "
                    + "use none, bfp, block-scaling, mu-law or modulation");
            }
        }

        int? width = m.Int("iq-width", 1, 16, required: method is not CompressionMethod.None && methodNode is not null, "the IQ sample width in bits");
        bool compHdr = m.Bool("comp-hdr") ?? false;
        if (method is not { } ok)
        {
            return null;
        }

        if (ok == CompressionMethod.None && width is null && !m.Has("iq-width"))
        {
            width = 16;
        }

        return width is { } w ? new UPlaneCompression(UdCompHdr.From(ok, w), compHdr) : null;
    }

    private static bool TryParseMethod(string name, out CompressionMethod method)
    {
        string kebab = name.Replace('_', '-');
        if (CompressionMethodNames.TryParseMethod(kebab, out method))
        {
            return true;
        }

        foreach (var (alias, value) in MethodAliases)
        {
            if (string.Equals(alias, kebab, StringComparison.OrdinalIgnoreCase))
            {
                method = value;
                return true;
            }
        }

        return false;
    }

    private static (DuplexMode? Mode, TddPattern? Pattern) ReadDuplex(YamlMappingReader map, Carrier? carrier)
    {
        var mode = map.Choice("duplex", DuplexModes);
        var tdd = map.Mapping("tdd-pattern", TddKeys, what: "a TDD pattern {slots: DDDSU, special-slot: {dl, guard, ul}}");
        if (mode is null && !map.Has("duplex"))
        {
            if (tdd is null && !map.Has("tdd-pattern"))
            {
                map.Missing("tdd-pattern", "tdd-pattern {slots, special-slot} for TDD, or duplex: fdd");
                return (null, null);
            }

            mode = DuplexMode.Tdd;
        }

        if (mode == DuplexMode.Fdd)
        {
            if (map.Has("tdd-pattern"))
            {
                map.Error("tdd-pattern", "an FDD profile has no TDD pattern: remove tdd-pattern or write duplex: tdd");
                return (null, null);
            }

            return (DuplexMode.Fdd, null);
        }

        if (mode == DuplexMode.Tdd && tdd is null)
        {
            if (!map.Has("tdd-pattern"))
            {
                map.Missing("tdd-pattern", "a TDD profile needs tdd-pattern {slots, special-slot}");
            }

            return (null, null);
        }

        if (tdd is null)
        {
            return (null, null);
        }

        string? slots = tdd.Text("slots", required: true, "the slot letters of one period, e.g. DDDSU");
        SpecialSlotSplit? split = null;
        var special = tdd.Mapping("special-slot", SpecialSlotKeys, what: "the special-slot symbols {dl, guard, ul}");
        if (special is not null)
        {
            int? dl = special.Int("dl", 0, 14, required: true, "DL symbols");
            int? guard = special.Int("guard", 0, 14, required: true, "guard symbols");
            int? ul = special.Int("ul", 0, 14, required: true, "UL symbols");
            if (dl is null || guard is null || ul is null)
            {
                return (null, null);
            }

            split = new SpecialSlotSplit(dl.Value, guard.Value, ul.Value);
        }

        if (slots is null || carrier is null)
        {
            return (null, null);
        }

        if (TddPattern.ValidateSlots(slots, carrier.Numerology) is { } slotError)
        {
            tdd.Error("slots", slotError);
            return (null, null);
        }

        if (split is { } s && TddPattern.ValidateSpecialSlot(s, carrier.CyclicPrefix) is { } splitError)
        {
            tdd.Error("special-slot", splitError);
            return (null, null);
        }

        if (!TddPattern.TryCreate(slots, split, carrier.Numerology, carrier.CyclicPrefix, out var pattern, out string? error))
        {
            tdd.Error(split is null ? "slots" : "special-slot", error);
            return (null, null);
        }

        return (DuplexMode.Tdd, pattern);
    }

    private static DelayManagement ReadDelayManagement(YamlMappingReader map)
    {
        var m = map.Mapping("delay-management", DelayKeys, what: "delay-management values (YANG leaf names, with units)");
        if (m is null)
        {
            return DelayManagement.None;
        }

        var delays = DelayManagement.None;
        foreach (var parameter in DelayParameterNames.All)
        {
            delays = delays.With(parameter, m.Duration(DelayParameterNames.YangName(parameter)));
        }

        foreach (var finding in delays.CheckConsistency())
        {
            if (finding.IsError)
            {
                m.Error(DelayParameterNames.YangName(finding.Parameter), finding.Message);
            }
        }

        return delays;
    }

    private static FrameAlignment ReadGpsOffset(YamlMappingReader map)
    {
        var m = map.Mapping("gps-offset", GpsOffsetKeys, what: "the frame alignment {alpha, beta}");
        if (m is null)
        {
            return default;
        }

        long alpha = m.Duration("alpha") ?? 0;
        if (alpha > FrameAlignment.MaxAlphaNs)
        {
            m.Error("alpha", $"{DurationText.Format(alpha)} is not below one 10 ms frame: put whole frames in beta");
            alpha = 0; // reported; keep reading so that every error of the file is found
        }

        int beta = m.Int("beta", short.MinValue, short.MaxValue, what: "frames of 10 ms") ?? 0;
        return new FrameAlignment(alpha, beta);
    }

    /// <summary>
    /// <c>s-plane: {mask: g8273.2-class-c, max-abs-te: 1100ns, cte: 50ns, mtie-mask: g8273.2-class-a, min-pairs: 16}</c>:
    /// the time-error limits, a built-in <c>mask</c> first, then each key overriding it (<see cref="TimeErrorMasks"/>).
    /// </summary>
    private static TimeErrorLimits? ReadSPlane(YamlMappingReader map)
    {
        var m = map.Mapping("s-plane", SPlaneKeys,
            what: "S-plane time-error limits {mask, max-abs-te, max-abs-te-low-pass, cte, cte-window, mtie-mask, tdev-mask, min-pairs}");
        if (m is null)
        {
            return null;
        }

        int errorsBefore = m.Errors.Count;
        var limits = new TimeErrorLimits();
        if (MaskName(m, "mask") is { } name && TimeErrorMasks.TryGet(name, out var named))
        {
            limits = named;
        }

        limits = limits with
        {
            MaxAbsTeNanoseconds = m.Duration("max-abs-te") ?? limits.MaxAbsTeNanoseconds,
            MaxAbsLowPassTeNanoseconds = m.Duration("max-abs-te-low-pass") ?? limits.MaxAbsLowPassTeNanoseconds,
            CteNanoseconds = m.Duration("cte") ?? limits.CteNanoseconds,
            MinPairs = m.Int("min-pairs", 2, 100_000_000, what: "two-way pairs needed") ?? limits.MinPairs,
        };
        if (m.Duration("cte-window") is { } window)
        {
            if (window == 0)
            {
                m.Error("cte-window", "the cTE averaging window must be longer than 0 (G.8273.2: 1000s)");
            }
            else
            {
                limits = limits with { CteWindowSeconds = window / 1e9 };
            }
        }

        if (MaskName(m, "mtie-mask") is { } mtie && TimeErrorMasks.TryGet(mtie, out var mtieLimits))
        {
            if (mtieLimits.MtieMask is null)
            {
                m.Error("mtie-mask", $"{mtie} has no MTIE mask: use {TimeErrorMasks.G8273ClassA}, {TimeErrorMasks.G8273ClassB} or {TimeErrorMasks.G8273ClassC}");
            }

            limits = limits with { MtieMask = mtieLimits.MtieMask };
        }

        if (MaskName(m, "tdev-mask") is { } tdev && TimeErrorMasks.TryGet(tdev, out var tdevLimits))
        {
            if (tdevLimits.TdevMask is null)
            {
                m.Error("tdev-mask", $"{tdev} has no TDEV mask: use {TimeErrorMasks.G8273ClassA}, {TimeErrorMasks.G8273ClassB} or {TimeErrorMasks.G8273ClassC}");
            }

            limits = limits with { TdevMask = tdevLimits.TdevMask };
        }

        if (!limits.JudgesAnything && m.Errors.Count == errorsBefore)
        {
            map.Error("s-plane", "sets no limit: give a mask (" + string.Join(", ", TimeErrorMasks.Names) + ") or max-abs-te, max-abs-te-low-pass, cte, mtie-mask, tdev-mask");
        }

        return limits;
    }

    private static string? MaskName(YamlMappingReader m, string key) =>
        m.Choice(key, TimeErrorMaskNames) is { } index ? TimeErrorMasks.Names[index] : null;

    private static VerdictThresholds ReadThresholds(YamlMappingReader map)
    {
        var m = map.Mapping("verdict-thresholds", ThresholdKeys, what: "allowed ratios {late, early, lost, duplicate, out-of-order, malformed}");
        if (m is null)
        {
            return VerdictThresholds.Strict;
        }

        var strict = VerdictThresholds.Strict;
        return new VerdictThresholds
        {
            Late = m.Ratio("late") ?? strict.Late,
            Early = m.Ratio("early") ?? strict.Early,
            Lost = m.Ratio("lost") ?? strict.Lost,
            Duplicate = m.Ratio("duplicate") ?? strict.Duplicate,
            OutOfOrder = m.Ratio("out-of-order"),
            Malformed = m.Ratio("malformed") ?? strict.Malformed,
        };
    }

    private static int? ReadMegaHertz(YamlMappingReader map, string key) => ReadFrequency(map, key, "MHz", "e.g. 100MHz");

    private static int? ReadKiloHertz(YamlMappingReader map, string key) => ReadFrequency(map, key, "kHz", "e.g. 30kHz");

    private static int? ReadFrequency(YamlMappingReader map, string key, string unit, string example)
    {
        var scalar = map.Scalar(key, required: false, $"a frequency in {unit}");
        if (scalar?.Value is not { } text)
        {
            return null;
        }

        string s = text.Trim();
        if (!s.EndsWith(unit, StringComparison.OrdinalIgnoreCase)
            || !int.TryParse(s[..^unit.Length].TrimEnd(), NumberStyles.None, CultureInfo.InvariantCulture, out int value)
            || value == 0)
        {
            map.Error(key, $"'{text}' is not a whole number of {unit}: write it with its unit, {example}");
            return null;
        }

        return value;
    }

    private static string TableOf(FrequencyRange range) =>
        range == FrequencyRange.Fr1 ? "3GPP TS 38.101-1 Table 5.3.2-1 (FR1)" : "3GPP TS 38.101-2 Table 5.3.2-1 (FR2)";

    private static string Name(FrequencyRange range) => range == FrequencyRange.Fr1 ? "FR1" : "FR2";
}
