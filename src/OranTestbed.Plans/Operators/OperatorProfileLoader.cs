using System.Collections.Immutable;
using OranTestbed.Plans.Iot;
using OranTestbed.Plans.Loading;
using OranTestbed.Plans.Yaml;
using YamlDotNet.RepresentationModel;

namespace OranTestbed.Plans.Operators;

/// <summary>
/// Loads <c>operators/ID.yaml</c>. References (vendors, bands, fronthaul and IOT profiles, cases, products) resolve
/// once every file is loaded; then each band's fronthaul profile is checked against the band and the IOT profile
/// (<see cref="SetupConsistency"/>) and each need's thresholds against the case's metric units.
/// </summary>
internal static class OperatorProfileLoader
{
    private static readonly string[] RootKeys = ["id", "name", "description", "vendors", "m-plane-profile", "sync-topologies", "bands", "needs"];
    private static readonly string[] BandKeys = ["band", "fronthaul-profile", "iot-profile"];
    private static readonly string[] NeedKeys = ["id", "kind", "description", "products", "mandatory-cases", "skip-cases", "thresholds"];

    public static OperatorProfile? Load(PlanSourceFile file, PlanLoadContext context, TestPlanBuilder plan)
    {
        var errors = context.ErrorsFor(file.DisplayPath);
        using var text = new StringReader(file.Text);
        var root = YamlPlanDocument.LoadRootMapping(text, errors);
        if (root is null)
        {
            context.DefineUnreadable(PlanItemKind.Operator, file.DisplayPath);
            return null;
        }

        int before = errors.Count;
        var map = new YamlMappingReader(root, "", errors, RootKeys);
        var id = PlanIds.FileId(map, file.DisplayPath);
        bool defined = id is { } located && context.Define(PlanItemKind.Operator, located.Value, errors, located.Node, "id");
        string? name = map.Text("name", required: true, "the operator's name");
        var vendors = PlanIds.Ids(map, "vendors", required: true, "a vendor id", allowEmpty: false).ToList();
        foreach (var vendor in vendors)
        {
            context.Reference(PlanItemKind.Vendor, vendor, errors);
        }

        var mPlane = map.Choice("m-plane-profile", PlanNames.MPlaneProfiles, required: true);
        var sync = YamlLists.Choices(map, "sync-topologies", PlanNames.SyncTopologies, required: true, "an S-plane topology", allowEmpty: false);
        var bands = ReadBands(map, context, plan, sync);
        var needs = ReadNeeds(map, context, plan, vendors);
        if (!defined || id is not { } operatorId || errors.Count > before)
        {
            return null;
        }

        var profile = new OperatorProfile
        {
            Id = operatorId.Value,
            Name = name!,
            Description = map.Text("description"),
            Vendors = [.. vendors.Select(v => v.Value)],
            MPlaneProfile = mPlane!.Value,
            SyncTopologies = sync,
            Bands = bands,
            Needs = needs,
        };
        plan.Operators.Add(profile);
        plan.OperatorsById.Add(profile.Id, profile);
        return profile;
    }

    private static ImmutableArray<OperatorBand> ReadBands(YamlMappingReader map, PlanLoadContext context, TestPlanBuilder plan,
        ImmutableArray<Lab.SyncTopology> sync)
    {
        var bands = ImmutableArray.CreateBuilder<OperatorBand>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in YamlLists.Mappings(map, "bands", BandKeys, required: true, "a band {band, fronthaul-profile, iot-profile}", allowEmpty: false))
        {
            var band = PlanIds.Id(m, "band", required: true, "a band id (bands/ID.yaml)");
            var fronthaul = Located(m, "fronthaul-profile", "a fronthaul profile name (profiles/NAME.yaml)");
            var iot = Located(m, "iot-profile", "an IOT profile name, e.g. NR-TDD-FR1-CAT-A-NoBF");
            if (band is { } b && !seen.Add(b.Value))
            {
                m.Error("band", $"band '{b.Value}' is listed twice");
                continue;
            }

            if (band is not { } bandId || fronthaul is not { } fh || iot is not { } iotName)
            {
                continue;
            }

            context.Reference(PlanItemKind.Band, bandId, m.Errors);
            context.Reference(PlanItemKind.FronthaulProfile, fh, m.Errors, "the profile's name: key, or its file name");
            context.Reference(PlanItemKind.IotProfile, iotName, m.Errors);
            context.Defer(() =>
            {
                if (plan.BandsById.TryGetValue(bandId.Value, out var resolvedBand)
                    && plan.FronthaulProfilesByName.TryGetValue(fh.Value, out var resolvedProfile)
                    && plan.IotProfilesByName.TryGetValue(iotName.Value, out var resolvedIot))
                {
                    foreach (var (key, message) in SetupConsistency.Check(resolvedBand, resolvedProfile, resolvedIot, sync))
                    {
                        var at = key == "fronthaul-profile" ? fh : iotName;
                        m.Errors.Add(at.Node, at.KeyPath, message);
                    }
                }
            });
            bands.Add(new OperatorBand(bandId.Value, fh.Value, iotName.Value));
        }

        return bands.DrainToImmutable();
    }

    private static ImmutableArray<OperatorNeed> ReadNeeds(YamlMappingReader map, PlanLoadContext context, TestPlanBuilder plan,
        List<Located<string>> vendors)
    {
        var needs = ImmutableArray.CreateBuilder<OperatorNeed>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var mandatory = new Dictionary<string, string>(StringComparer.Ordinal);
        var skipped = new Dictionary<string, string>(StringComparer.Ordinal);
        var thresholds = new Dictionary<(string, string), (string Need, string Text)>();
        var kinds = new HashSet<NeedKind>();
        foreach (var m in YamlLists.Mappings(map, "needs", NeedKeys, required: false, "a need {id, kind, ...}"))
        {
            int before = m.Errors.Count;
            var id = PlanIds.Id(m, "id", required: true, "the need's id");
            var kind = m.Choice("kind", PlanNames.NeedKinds, required: true);
            if (id is { } needId && !ids.Add(needId.Value))
            {
                m.Error("id", $"need '{needId.Value}' is defined twice");
            }

            if (kind is { } k && !kinds.Add(k) && k is NeedKind.CostFirst or NeedKind.QualityFirst)
            {
                m.Error("kind", $"{PlanNames.Of(k)} is given twice");
            }

            if (kind is NeedKind.CostFirst && kinds.Contains(NeedKind.QualityFirst)
                || kind is NeedKind.QualityFirst && kinds.Contains(NeedKind.CostFirst))
            {
                m.Error("kind", "an operator is either cost-first or quality-first, not both");
            }

            var products = PlanIds.Ids(m, "products", required: kind == NeedKind.EquipmentReuse,
                "an installed product VENDOR/PRODUCT", products: true, allowEmpty: false).ToList();
            foreach (var product in products)
            {
                context.Reference(PlanItemKind.Product, product, m.Errors);
                context.Defer(() =>
                {
                    if (plan.Products.TryGetValue(product.Value, out var p) && !vendors.Any(v => v.Value == p.VendorId))
                    {
                        m.Errors.Add(product.Node, product.KeyPath, $"{p.Id} is not from one of the operator's vendors "
                            + $"({string.Join(", ", vendors.Select(v => v.Value))}): add {p.VendorId} to vendors");
                    }
                });
            }

            string needName = id?.Value ?? "?";
            var mandatoryCases = CaseIds(m, "mandatory-cases", context, mandatory, skipped, needName, "skip-cases");
            var skipCases = CaseIds(m, "skip-cases", context, skipped, mandatory, needName, "mandatory-cases");
            var overrides = ReadThresholds(m, context, plan, thresholds, needName);
            if (id is null || kind is null || m.Errors.Count > before)
            {
                continue;
            }

            needs.Add(new OperatorNeed
            {
                Id = id.Value.Value,
                Kind = kind.Value,
                Description = m.Text("description"),
                Products = [.. products.Select(p => p.Value)],
                MandatoryCases = mandatoryCases,
                SkipCases = skipCases,
                Thresholds = overrides,
            });
        }

        return needs.DrainToImmutable();
    }

    private static ImmutableArray<string> CaseIds(YamlMappingReader m, string key, PlanLoadContext context,
        Dictionary<string, string> mine, Dictionary<string, string> opposite, string need, string oppositeKey)
    {
        var result = ImmutableArray.CreateBuilder<string>();
        foreach (var caseId in PlanIds.Ids(m, key, required: false, "a case id"))
        {
            context.Reference(PlanItemKind.TestCase, caseId, m.Errors);
            if (opposite.TryGetValue(caseId.Value, out var other))
            {
                m.Errors.Add(caseId.Node, caseId.KeyPath, $"'{caseId.Value}' is in {oppositeKey} of need '{other}' too: a case cannot be both mandatory and skipped");
                continue;
            }

            mine.TryAdd(caseId.Value, need);
            result.Add(caseId.Value);
        }

        return result.DrainToImmutable();
    }

    private static ImmutableArray<ThresholdOverride> ReadThresholds(YamlMappingReader m, PlanLoadContext context, TestPlanBuilder plan,
        Dictionary<(string, string), (string Need, string Text)> all, string need)
    {
        var node = m.ValueOf("thresholds");
        if (node is null)
        {
            return [];
        }

        if (node is not YamlMappingNode cases)
        {
            m.Errors.Add(node, m.PathOf("thresholds"), $"expected {{CASE: {{METRIC: threshold}}}}, got {YamlMappingReader.Describe(node)}");
            return [];
        }

        var result = ImmutableArray.CreateBuilder<ThresholdOverride>();
        foreach (var (caseKey, metricsNode) in cases.Children)
        {
            string casePath = $"{m.PathOf("thresholds")}.{(caseKey as YamlScalarNode)?.Value}";
            if (caseKey is not YamlScalarNode { Value: { } caseId } || !PlanIds.IsKebab(caseId))
            {
                m.Errors.Add(caseKey, m.PathOf("thresholds"), $"{YamlMappingReader.Describe(caseKey)} is not a case id");
                continue;
            }

            context.Reference(PlanItemKind.TestCase, new Located<string>(caseId, caseKey, casePath), m.Errors);
            if (metricsNode is not YamlMappingNode metrics)
            {
                m.Errors.Add(metricsNode, casePath, $"expected {{METRIC: threshold}}, got {YamlMappingReader.Describe(metricsNode)}");
                continue;
            }

            foreach (var (metricKey, valueNode) in metrics.Children)
            {
                string metricPath = $"{casePath}.{(metricKey as YamlScalarNode)?.Value}";
                if (metricKey is not YamlScalarNode { Value: { } metricId } || valueNode is not YamlScalarNode { Value: { } text })
                {
                    m.Errors.Add(valueNode, metricPath, "expected METRIC: threshold, e.g. dl-throughput-ratio: \">= 0.9\"");
                    continue;
                }

                if (all.TryGetValue((caseId, metricId), out var earlier) && earlier.Text != text)
                {
                    m.Errors.Add(valueNode, metricPath, $"need '{earlier.Need}' already sets {caseId}.{metricId} to {earlier.Text}: one threshold per metric");
                    continue;
                }

                all[(caseId, metricId)] = (need, text);

                // Cases load before operator profiles, so the metric's unit (which gives the text its meaning) is known;
                // an unknown case is reported by its reference.
                if (!plan.CasesById.TryGetValue(caseId, out var testCase))
                {
                    continue;
                }

                var metric = testCase.Metrics.FirstOrDefault(x => x.Id == metricId);
                if (metric is null)
                {
                    m.Errors.Add(metricKey, metricPath, $"case {caseId} has no metric '{metricId}'; its metrics: "
                        + string.Join(", ", testCase.Metrics.Select(x => x.Id)));
                    continue;
                }

                if (!MetricThreshold.TryParse(text, metric.Unit, out var threshold, out string? error))
                {
                    m.Errors.Add(valueNode, metricPath, error);
                    continue;
                }

                result.Add(new ThresholdOverride(caseId, metricId, threshold));
            }
        }

        return result.ToImmutable();
    }

    private static Located<string>? Located(YamlMappingReader m, string key, string what) =>
        m.Scalar(key, required: true, what) is { Value: { } text } scalar ? new Located<string>(text, scalar, m.PathOf(key)) : null;
}
