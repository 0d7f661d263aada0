using System.Collections.Immutable;
using System.Text.RegularExpressions;
using OranTestbed.Fronthaul.Compression;
using OranTestbed.Fronthaul.Ecpri;
using OranTestbed.Plans.Loading;
using OranTestbed.Plans.Yaml;

namespace OranTestbed.Plans.Personalities;

/// <summary>
/// Loads vendor personalities (<c>testplans/personalities/VENDOR/PRODUCT.yaml</c>) into the emulator's
/// <see cref="Personality"/>. The id is the path under the personalities folder, <c>VENDOR/PRODUCT</c>. Every problem
/// of a file is collected and thrown together as a <see cref="PlanValidationException"/> whose errors carry
/// file:line:column and the key path; see <c>testplans/personalities/README.md</c> for the format.
/// </summary>
public static partial class PersonalityLoader
{
    private static readonly string[] RootKeys = ["role", "description", "behaviour", "settings", "defects"];
    private static readonly string[] DuBehaviourKeys = ["dl-c-plane-advance", "ul-c-plane-advance", "dl-u-plane-advance"];
    private static readonly string[] RuBehaviourKeys = ["ul-u-plane-delay"];
    private static readonly string[] DistributionKeys = ["mean", "jitter", "distribution"];
    private static readonly string[] SettingsKeys = ["mtu", "max-prbs-per-section", "antenna-ports"];
    private static readonly string[] EaxcKeys = ["du-port", "band-sector", "cc", "ru-port"];

    private static readonly KeyValuePair<string, NodeRole>[] Roles = [new("o-du", NodeRole.Du), new("o-ru", NodeRole.Ru)];

    private static readonly KeyValuePair<string, DistributionShape>[] Shapes =
        [new("uniform", DistributionShape.Uniform), new("normal", DistributionShape.Normal)];

    private static readonly KeyValuePair<string, DefectPlane>[] Planes =
        [new("u-plane", DefectPlane.UPlane), new("c-plane", DefectPlane.CPlane)];

    /// <summary>Defect keys and the parameter keys each takes besides <c>rate</c>.</summary>
    private static readonly (string Key, DefectKind Kind, string[] Parameters)[] DefectKeys =
    [
        ("sequence-gaps", DefectKind.SequenceGaps, ["gap", "plane"]),
        ("late-bursts", DefectKind.LateBursts, ["length", "beyond"]),
        ("duplicates", DefectKind.Duplicates, ["plane"]),
        ("wrong-ud-comp-hdr", DefectKind.WrongUdCompHdr, ["method", "iq-width"]),
        ("prbs-beyond-carrier", DefectKind.PrbsBeyondCarrier, ["extra-prbs"]),
        ("missing-c-plane", DefectKind.MissingCPlane, []),
        ("wrong-eaxc-split", DefectKind.WrongEaxcSplit, ["eaxc-id-bits"]),
        ("clock-class-degradation", DefectKind.ClockClassDegradation, ["clock-class", "hold"]),
    ];

    /// <summary>M-plane defect keys (always present when declared, no rate) and the parameter keys each takes.</summary>
    private static readonly (string Key, string[] Parameters)[] MplaneDefectKeys =
    [
        ("mplane-wrong-revision", ["revision"]),
        ("mplane-slow-commit", ["delay"]),
        ("mplane-late-ready", ["delay"]),
        ("mplane-watchdog-ignored", []),
        ("mplane-wrong-counters", ["rx-late-reported"]),
    ];

    /// <summary>The folder personalities live in, under a repository (or test-plan) root.</summary>
    public const string DefaultFolder = "testplans/personalities";

    /// <summary>
    /// Loads <c>VENDOR/PRODUCT</c> from <paramref name="folder"/> (the file <c>folder/VENDOR/PRODUCT.yaml</c>).
    /// An id that is not two lowercase path parts, or that names no file, is an error listing the ids available.
    /// </summary>
    /// <exception cref="PlanValidationException">The id is unknown, or the file invalid; every error is listed.</exception>
    public static Personality LoadById(string folder, string id)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(id);
        if (!IdPattern().IsMatch(id))
        {
            throw new PlanValidationException([new PlanError(id, 0, 0, "", "a personality is named VENDOR/PRODUCT, "
                + "lowercase letters, digits, '.', '_' and '-' (e.g. xylem/xd-100)")]);
        }

        string path = Path.Combine(folder, id.Replace('/', Path.DirectorySeparatorChar) + ".yaml");
        if (!File.Exists(path))
        {
            var known = ListIds(folder);
            throw new PlanValidationException([new PlanError(path, 0, 0, "", known.Length == 0
                ? $"no personality '{id}': {folder} holds none"
                : $"no personality '{id}'; {folder} has {string.Join(", ", known)}")]);
        }

        return Load(path, id);
    }

    /// <summary>Every <c>VENDOR/PRODUCT</c> id in <paramref name="folder"/>, sorted.</summary>
    public static ImmutableArray<string> ListIds(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var ids = new List<string>();
        foreach (string vendor in Directory.EnumerateDirectories(folder))
        {
            foreach (string file in Directory.EnumerateFiles(vendor, "*.yaml"))
            {
                ids.Add($"{Path.GetFileName(vendor)}/{Path.GetFileNameWithoutExtension(file)}");
            }
        }

        ids.Sort(StringComparer.Ordinal);
        return [.. ids];
    }

    /// <summary>Reads and validates a personality file; the id defaults to its vendor folder and file name.</summary>
    /// <exception cref="PlanValidationException">The file is unreadable or invalid; every error is listed.</exception>
    public static Personality Load(string path, string? id = null)
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

        string full = Path.GetFullPath(path);
        id ??= $"{Path.GetFileName(Path.GetDirectoryName(full))}/{Path.GetFileNameWithoutExtension(full)}";
        return Parse(text, path, id);
    }

    /// <summary>Validates personality YAML text; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="PlanValidationException">The text is invalid; every error is listed.</exception>
    public static Personality Parse(string yaml, string source, string id)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        var errors = new PlanErrors(source);
        using var reader = new StringReader(yaml);
        var root = YamlPlanDocument.LoadRootMapping(reader, errors);
        if (root is null)
        {
            errors.ThrowIfAny();
        }

        var map = new YamlMappingReader(root!, "", errors, RootKeys);
        var role = map.Choice("role", Roles, required: true);
        string? description = map.Text("description");
        var (du, ru) = ReadBehaviour(map, role);
        var settings = ReadSettings(map);
        var (defects, mplaneDefects) = ReadDefects(map, role);
        errors.ThrowIfAny();
        return new Personality(id, role!.Value, defects)
        {
            Description = description,
            DuBehaviour = du,
            RuBehaviour = ru,
            Settings = settings,
            MplaneDefects = mplaneDefects,
        };
    }

    private static (DuBehaviour Du, RuBehaviour Ru) ReadBehaviour(YamlMappingReader map, NodeRole? role)
    {
        string[] keys = role == NodeRole.Ru ? RuBehaviourKeys : role == NodeRole.Du ? DuBehaviourKeys
            : [.. DuBehaviourKeys, .. RuBehaviourKeys];
        var m = map.Mapping("behaviour", keys, what: role == NodeRole.Ru
            ? "the O-RU's timing {ul-u-plane-delay}"
            : "the O-DU's timing {dl-c-plane-advance, ul-c-plane-advance, dl-u-plane-advance}");
        if (m is null)
        {
            return (DuBehaviour.Default, RuBehaviour.Default);
        }

        var du = new DuBehaviour
        {
            DlCPlaneAdvance = ReadDistribution(m, "dl-c-plane-advance"),
            UlCPlaneAdvance = ReadDistribution(m, "ul-c-plane-advance"),
            DlUPlaneAdvance = ReadDistribution(m, "dl-u-plane-advance"),
        };
        var ru = new RuBehaviour { UlUPlaneDelay = ReadDistribution(m, "ul-u-plane-delay") };
        return (du, ru);
    }

    private static TimeDistribution ReadDistribution(YamlMappingReader behaviour, string key)
    {
        var m = behaviour.Mapping(key, DistributionKeys, what: "{mean, jitter, distribution}");
        if (m is null)
        {
            return TimeDistribution.Default;
        }

        var defaults = TimeDistribution.Default;
        return new TimeDistribution(ReadWindowTime(m, "mean") ?? defaults.Mean, ReadWindowTime(m, "jitter") ?? defaults.Jitter,
            m.Choice("distribution", Shapes) ?? defaults.Shape);
    }

    /// <summary>A percentage of the window (<c>50%</c>) or a duration with a unit (<c>150us</c>).</summary>
    private static WindowTime? ReadWindowTime(YamlMappingReader m, string key)
    {
        var scalar = m.Scalar(key, required: false, "a percentage of the window (50%) or a duration (150us)");
        if (scalar?.Value is not { } text)
        {
            return null;
        }

        if (text.TrimEnd().EndsWith('%'))
        {
            if (!RatioText.TryParse(text, out decimal fraction, out string? error))
            {
                m.Errors.Add(scalar, m.PathOf(key), error);
                return null;
            }

            return WindowTime.FromFraction((double)fraction);
        }

        if (!DurationText.TryParse(text, out long ns, out string? durationError))
        {
            m.Errors.Add(scalar, m.PathOf(key), durationError + " (or a percentage of the window, e.g. 50%)");
            return null;
        }

        if (ns < 0)
        {
            m.Errors.Add(scalar, m.PathOf(key), $"'{text}' must not be negative");
            return null;
        }

        return WindowTime.FromNanoseconds(ns);
    }

    private static ProductSettings ReadSettings(YamlMappingReader map)
    {
        var m = map.Mapping("settings", SettingsKeys, what: "product settings {mtu, max-prbs-per-section, antenna-ports}");
        if (m is null)
        {
            return ProductSettings.Default;
        }

        var d = ProductSettings.Default;
        return new ProductSettings(
            m.Int("mtu", ProductSettings.MinMtu, ProductSettings.MaxMtu, what: "bytes of L2 payload") ?? d.Mtu,
            m.Int("max-prbs-per-section", 1, 275, what: "PRBs") ?? d.MaxPrbsPerSection,
            m.Int("antenna-ports", 1, 64, what: "ports") ?? d.AntennaPorts);
    }

    private static (ImmutableArray<Defect> Fronthaul, MplaneDefects Mplane) ReadDefects(YamlMappingReader map, NodeRole? role)
    {
        var m = map.Mapping("defects", [.. DefectKeys.Select(d => d.Key), .. MplaneDefectKeys.Select(d => d.Key)],
            what: "defects {KIND: {rate, ...}}");
        if (m is null)
        {
            return ([], MplaneDefects.None);
        }

        var defects = ImmutableArray.CreateBuilder<Defect>();
        foreach (var (key, kind, parameters) in DefectKeys)
        {
            var d = m.Mapping(key, ["rate", .. parameters], what: $"{{rate{string.Concat(parameters.Select(p => ", " + p))}}}");
            if (d is null)
            {
                continue;
            }

            double? rate = ReadRate(d);
            var defect = Create(d, kind, rate ?? 0); // parameters are checked even when the rate is wrong
            if (defect is null || rate is null)
            {
                continue;
            }

            if (role is { } known && !defect.AppliesTo(known))
            {
                m.Error(key, $"{key} is a defect of an O-DU only (the O-DU is the LLS-C1 grandmaster and sends C-plane)");
                continue;
            }

            defects.Add(defect);
        }

        return (defects.ToImmutable(), ReadMplaneDefects(m, role));
    }

    /// <summary>The <c>mplane-…</c> keys of <c>defects:</c> (O-RU only): each is present or not, with its parameters.</summary>
    private static MplaneDefects ReadMplaneDefects(YamlMappingReader m, NodeRole? role)
    {
        var defects = MplaneDefects.None;
        foreach (var (key, parameters) in MplaneDefectKeys)
        {
            if (!m.Has(key))
            {
                continue;
            }

            if (role == NodeRole.Du)
            {
                m.Error(key, $"{key} is a defect of an O-RU only (the emulated M-plane server is the O-RU's)");
                continue;
            }

            var d = m.Mapping(key, parameters, what: parameters.Length == 0 ? "{}" : $"{{{string.Join(", ", parameters)}}}");
            if (d is not null)
            {
                defects = ReadMplaneDefect(d, key, defects);
            }
        }

        return defects;
    }

    private static MplaneDefects ReadMplaneDefect(YamlMappingReader d, string key, MplaneDefects defects)
    {
        switch (key)
        {
            case "mplane-wrong-revision":
            {
                string revision = d.Text("revision") ?? "2024-08-12";
                if (!RevisionPattern().IsMatch(revision))
                {
                    d.Error("revision", $"'{revision}' is not a YANG revision date (YYYY-MM-DD)");
                    return defects;
                }

                return defects with { WrongUplaneConfRevision = revision };
            }

            case "mplane-slow-commit":
            case "mplane-late-ready":
            {
                long? delay = d.Duration("delay", required: true);
                if (delay is null)
                {
                    return defects;
                }

                if (delay is < 1_000_000 or > 600_000_000_000)
                {
                    d.Error("delay", "is 1ms..10min");
                    return defects;
                }

                var span = TimeSpan.FromTicks(delay.Value / 100);
                return key == "mplane-slow-commit" ? defects with { SlowCommit = span } : defects with { LateReady = span };
            }

            case "mplane-watchdog-ignored":
                return defects with { WatchdogIgnored = true };

            default:
            {
                decimal fraction = d.Has("rx-late-reported") ? d.Ratio("rx-late-reported") ?? -1 : 0.5m;
                if (fraction is < 0 or >= 1)
                {
                    if (fraction >= 1)
                    {
                        d.Error("rx-late-reported", "is 0%..99.9% of the late messages (100% would report them all: no defect)");
                    }

                    return defects;
                }

                return defects with { RxLateReportedFraction = (double)fraction };
            }
        }
    }

    private static double? ReadRate(YamlMappingReader d)
    {
        if (!d.Has("rate"))
        {
            d.Missing("rate", "the probability per opportunity, e.g. 0.1% or 0.001");
            return null;
        }

        return d.Ratio("rate") is { } rate ? (double)rate : null;
    }

    private static Defect? Create(YamlMappingReader d, DefectKind kind, double rate)
    {
        switch (kind)
        {
            case DefectKind.SequenceGaps:
            {
                int? gap = d.Int("gap", 1, 127, what: "sequence ids skipped");
                var plane = d.Choice("plane", Planes);
                return d.Errors.IsEmpty ? new SequenceGapDefect(rate, gap ?? 1, plane ?? DefectPlane.UPlane) : null;
            }

            case DefectKind.LateBursts:
            {
                int? length = d.Int("length", 1, 1000, what: "symbols per burst");
                long? beyond = d.Duration("beyond");
                if (beyond is < 1 or > 5_000_000)
                {
                    d.Error("beyond", "is 1ns..5ms past the window's late edge");
                    return null;
                }

                return d.Errors.IsEmpty ? new LateBurstDefect(rate, length ?? 1, beyond ?? 20_000) : null;
            }

            case DefectKind.Duplicates:
            {
                var plane = d.Choice("plane", Planes);
                return d.Errors.IsEmpty ? new DuplicateDefect(rate, plane ?? DefectPlane.UPlane) : null;
            }

            case DefectKind.WrongUdCompHdr:
                return ReadWrongCompression(d, rate);

            case DefectKind.PrbsBeyondCarrier:
            {
                int? extra = d.Int("extra-prbs", 1, 48, what: "PRBs past the carrier");
                return d.Errors.IsEmpty ? new PrbsBeyondCarrierDefect(rate, extra ?? 4) : null;
            }

            case DefectKind.MissingCPlane:
                return new MissingCPlaneDefect(rate);

            case DefectKind.WrongEaxcSplit:
            {
                var bits = d.Mapping("eaxc-id-bits", EaxcKeys, required: true, "the product's eAxC split {du-port, band-sector, cc, ru-port}");
                if (bits is null)
                {
                    return null;
                }

                return CommonReaders.EaxcBits(bits) is { } split ? new WrongEaxcSplitDefect(rate, split) : null;
            }

            default:
            {
                int? clockClass = d.Int("clock-class", 0, 255, what: "the degraded clockClass (7, 140, 150, 160, 248)");
                if (clockClass == 6)
                {
                    d.Error("clock-class", "6 is the locked class; a degradation advertises another (7 holdover, 248 free-running)");
                    return null;
                }

                long? hold = d.Duration("hold");
                if (hold == 0)
                {
                    d.Error("hold", "a degradation lasts longer than 0");
                    return null;
                }

                return d.Errors.IsEmpty
                    ? new ClockClassDegradationDefect(rate, (byte)(clockClass ?? 7), hold ?? 1_000_000_000)
                    : null;
            }
        }
    }

    private static WrongUdCompHdrDefect? ReadWrongCompression(YamlMappingReader d, double rate)
    {
        var method = CompressionMethod.BlockFloatingPoint;
        if (d.Text("method") is { } name)
        {
            if (!CompressionMethodNames.TryParseMethod(name, out method)
                || method is not (CompressionMethod.None or CompressionMethod.BlockFloatingPoint))
            {
                d.Error("method", $"'{name}': the emulator compresses with none or bfp");
                return null;
            }
        }

        int? width = d.Int("iq-width", 1, 16, required: method != CompressionMethod.None, "the wrong IQ width in bits");
        if (width is null && method != CompressionMethod.None)
        {
            return null;
        }

        return new WrongUdCompHdrDefect(rate, UdCompHdr.From(method, width ?? 16));
    }

    [GeneratedRegex("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex RevisionPattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]*/[a-z0-9][a-z0-9._-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
