using System.Collections.Immutable;
using OranTestbed.Fronthaul.Profiles;
using OranTestbed.Plans.Loading;
using OranTestbed.Plans.Yaml;

namespace OranTestbed.Plans.Iot;

/// <summary>Loads <c>iot/profiles/*.yaml</c>: one CUS-plane IOT profile per file (see <see cref="IotProfile"/>).</summary>
internal static class IotProfileLoader
{
    private static readonly string[] RootKeys =
    [
        "name", "specification", "spec-version", "description", "test-configuration", "duplex", "frequency-range",
        "subcarrier-spacings", "category", "beamforming", "compression", "eaxc-id-bits", "section-types",
        "section-extensions", "sync-topologies", "fronthaul-links",
    ];

    public static IotProfile? Load(PlanSourceFile file, PlanLoadContext context, TestPlanBuilder plan)
    {
        var errors = context.ErrorsFor(file.DisplayPath);
        using var text = new StringReader(file.Text);
        var root = YamlPlanDocument.LoadRootMapping(text, errors);
        if (root is null)
        {
            return null;
        }

        int before = errors.Count;
        var map = new YamlMappingReader(root, "", errors, RootKeys);
        var nameNode = map.Scalar("name", required: true, "the WG4 profile name, e.g. NR-TDD-FR1-CAT-A-NoBF");
        string? name = nameNode?.Value;
        if (name is not null && !IsProfileName(name))
        {
            map.Error("name", $"'{name}' is not an IOT profile name: letters, digits and - ( ) + _ only, e.g. NR-FDD-FR1(15kHzSCS)-CAT-A-NoBF");
            name = null;
        }

        bool defined = name is not null && context.Define(PlanItemKind.IotProfile, name, errors, nameNode!, "name");
        string? specification = map.Text("specification", required: true, "the specification, e.g. O-RAN.WG4.IOT.0");
        string? version = map.Text("spec-version", required: true, "the pinned spec version \"NN.NN\", e.g. \"12.00\"");
        if (version is not null && !IsSpecVersion(version))
        {
            map.Error("spec-version", $"'{version}' is not a spec version: write \"NN.NN\" (quoted), e.g. \"12.00\"");
        }

        var duplex = map.Choice("duplex", PlanNames.DuplexModes, required: true);
        var range = map.Choice("frequency-range", PlanNames.FrequencyRanges, required: true);
        var spacings = ReadSpacings(map, range);
        var profile = new IotProfile
        {
            Name = name ?? "",
            Specification = specification ?? "",
            SpecVersion = version ?? "",
            Description = map.Text("description"),
            TestConfiguration = map.Text("test-configuration"),
            Duplex = duplex ?? DuplexMode.Tdd,
            FrequencyRange = range ?? FrequencyRange.Fr1,
            SubcarrierSpacingsKHz = spacings,
            Category = map.Choice("category", PlanNames.Categories, required: true) ?? Lab.OruCategory.A,
            Beamforming = map.Choice("beamforming", PlanNames.BeamformingModes, required: true) ?? BeamformingMode.None,
            Compression = CommonReaders.Compression(map, "compression", required: true),
            EaxcSplits = CommonReaders.EaxcSplits(map, "eaxc-id-bits", required: false),
            SectionTypes = CommonReaders.SectionTypes(map, "section-types", required: true),
            SectionExtensions = CommonReaders.SectionExtensions(map, "section-extensions"),
            SyncTopologies = YamlLists.Choices(map, "sync-topologies", PlanNames.SyncTopologies, required: true, "an S-plane topology", allowEmpty: false),
            LinkSpeedsGbps = CommonReaders.LinkSpeeds(map, "fronthaul-links", required: false),
        };

        if (!defined || errors.Count > before || name is null)
        {
            return null;
        }

        plan.IotProfiles.Add(profile);
        plan.IotProfilesByName.Add(name, profile);
        return profile;
    }

    private static ImmutableArray<int> ReadSpacings(YamlMappingReader map, FrequencyRange? range)
    {
        var result = ImmutableArray.CreateBuilder<int>();
        foreach (var item in YamlLists.Texts(map, "subcarrier-spacings", required: true, "a subcarrier spacing such as 30kHz", allowEmpty: false))
        {
            if (!Quantities.TryWhole(item.Value, "kHz", out int scs) || scs is not (15 or 30 or 60 or 120))
            {
                map.Errors.Add(item.Node, item.KeyPath, $"'{item.Value}' is not an NR data subcarrier spacing: use 15kHz, 30kHz, 60kHz or 120kHz");
                continue;
            }

            if (range is { } r && !NrBandwidthTable.RangesFor(scs).Contains(r))
            {
                map.Errors.Add(item.Node, item.KeyPath, $"{scs} kHz carries no data in {PlanNames.Of(r).ToUpperInvariant()}");
                continue;
            }

            result.Add(scs);
        }

        return [.. result.Order()];
    }

    private static bool IsProfileName(string name) =>
        name.Length is > 0 and <= 80 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '(' or ')' or '+' or '_');

    private static bool IsSpecVersion(string text) =>
        text.Length == 5 && char.IsAsciiDigit(text[0]) && char.IsAsciiDigit(text[1]) && text[2] == '.'
        && char.IsAsciiDigit(text[3]) && char.IsAsciiDigit(text[4]);
}
