using System.Collections.Immutable;
using OranTestbed.Plans.Iot;
using OranTestbed.Plans.Loading;
using OranTestbed.Plans.Yaml;
using YamlDotNet.RepresentationModel;

namespace OranTestbed.Plans.Campaigns;

/// <summary>
/// Loads <c>campaigns/ID.yaml</c>. A band the campaign keeps must belong to one of its operator profiles, and a product
/// to one of their vendors: otherwise the filter could never select anything, which is a mistake worth an error.
/// </summary>
internal static class CampaignLoader
{
    private static readonly string[] RootKeys =
        ["id", "description", "operators", "bands", "products", "cases", "repetitions", "capture-duration", "priorities"];

    private static readonly string[] CaseKeys = ["ids", "groups", "statuses"];
    private static readonly string[] PriorityKeys = ["operators", "cases", "groups"];

    public const int MaxRepetitions = 1000;

    public static Campaign? Load(PlanSourceFile file, PlanLoadContext context, TestPlanBuilder plan)
    {
        var errors = context.ErrorsFor(file.DisplayPath);
        using var text = new StringReader(file.Text);
        var root = YamlPlanDocument.LoadRootMapping(text, errors);
        if (root is null)
        {
            context.DefineUnreadable(PlanItemKind.Campaign, file.DisplayPath);
            return null;
        }

        int before = errors.Count;
        var map = new YamlMappingReader(root, "", errors, RootKeys);
        var id = PlanIds.FileId(map, file.DisplayPath);
        bool defined = id is { } located && context.Define(PlanItemKind.Campaign, located.Value, errors, located.Node, "id");
        var operators = PlanIds.Ids(map, "operators", required: true, "an operator profile id", allowEmpty: false).ToList();
        var bands = PlanIds.Ids(map, "bands", required: false, "a band id").ToList();
        var products = PlanIds.Ids(map, "products", required: false, "a product VENDOR/PRODUCT", products: true).ToList();
        foreach (var o in operators)
        {
            context.Reference(PlanItemKind.Operator, o, errors);
        }

        foreach (var band in bands)
        {
            context.Reference(PlanItemKind.Band, band, errors);
            context.Defer(() => CheckBand(band, operators, plan, errors));
        }

        foreach (var product in products)
        {
            context.Reference(PlanItemKind.Product, product, errors);
            context.Defer(() => CheckProduct(product, operators, plan, errors));
        }

        var cases = ReadCases(map, context);
        int repetitions = map.Int("repetitions", 1, MaxRepetitions, what: "how many times each execution runs") ?? 1;
        var capture = CommonReaders.Duration(map, "capture-duration", what: "the capture duration");
        var priorities = ReadPriorities(map, context, operators);
        if (!defined || id is not { } campaignId || cases is null || errors.Count > before)
        {
            return null;
        }

        var campaign = new Campaign
        {
            Id = campaignId.Value,
            Description = map.Text("description"),
            Operators = [.. operators.Select(o => o.Value)],
            Bands = [.. bands.Select(b => b.Value)],
            Products = [.. products.Select(p => p.Value)],
            Cases = cases,
            Repetitions = repetitions,
            CaptureDuration = capture,
            Priorities = priorities,
        };
        plan.Campaigns.Add(campaign);
        return campaign;
    }

    private static void CheckBand(Located<string> band, List<Located<string>> operators, TestPlanBuilder plan, PlanErrors errors)
    {
        var known = operators.Select(o => plan.OperatorsById.GetValueOrDefault(o.Value)).OfType<Operators.OperatorProfile>().ToList();
        if (known.Count == operators.Count && plan.BandsById.ContainsKey(band.Value)
            && !known.Any(o => o.Bands.Any(b => b.BandId == band.Value)))
        {
            errors.Add(band.Node, band.KeyPath, $"band '{band.Value}' is not a band of {string.Join(" or ", known.Select(o => o.Id))}: "
                + "the campaign would select nothing there");
        }
    }

    private static void CheckProduct(Located<string> product, List<Located<string>> operators, TestPlanBuilder plan, PlanErrors errors)
    {
        var known = operators.Select(o => plan.OperatorsById.GetValueOrDefault(o.Value)).OfType<Operators.OperatorProfile>().ToList();
        if (known.Count == operators.Count && plan.Products.TryGetValue(product.Value, out var p)
            && !known.Any(o => o.Vendors.Contains(p.VendorId)))
        {
            errors.Add(product.Node, product.KeyPath, $"{p.Id} is not from a vendor of {string.Join(" or ", known.Select(o => o.Id))}: "
                + "the campaign would never use it");
        }
    }

    private static CaseSelection? ReadCases(YamlMappingReader map, PlanLoadContext context)
    {
        var node = map.ValueOf("cases");
        if (node is null)
        {
            map.Missing("cases", "cases: all, or cases: {ids: [...], groups: [...], statuses: [...]}");
            return null;
        }

        if (node is YamlScalarNode scalar)
        {
            if (scalar.Value == "all")
            {
                return CaseSelection.Everything;
            }

            map.Error("cases", $"'{scalar.Value}' is not a case selection: write all, or {{ids: [...], groups: [...], statuses: [...]}}");
            return null;
        }

        var m = map.Mapping("cases", CaseKeys, what: "a case selection {ids, groups, statuses}");
        if (m is null)
        {
            return null;
        }

        var ids = PlanIds.Ids(m, "ids", required: false, "a case id").ToList();
        foreach (var id in ids)
        {
            context.Reference(PlanItemKind.TestCase, id, m.Errors);
        }

        var groups = YamlLists.Choices(m, "groups", PlanNames.Groups, required: false, "a case group");
        var statuses = YamlLists.Choices(m, "statuses", PlanNames.Statuses, required: false, "a case status");
        if (ids.Count == 0 && groups.IsEmpty && statuses.IsEmpty)
        {
            map.Error("cases", "the selection selects no case: give ids, groups or statuses (or cases: all)");
            return null;
        }

        return new CaseSelection(false, [.. ids.Select(i => i.Value)], groups, statuses);
    }

    private static CampaignPriorities ReadPriorities(YamlMappingReader map, PlanLoadContext context, List<Located<string>> operators)
    {
        var m = map.Mapping("priorities", PriorityKeys, what: "priorities {operators: {ID: weight}, cases: {...}, groups: {...}}");
        if (m is null)
        {
            return CampaignPriorities.None;
        }

        var byOperator = Weights(m, "operators", name =>
        {
            if (!operators.Any(o => o.Value == name.Value))
            {
                m.Errors.Add(name.Node, name.KeyPath, $"'{name.Value}' is not one of the campaign's operators ({string.Join(", ", operators.Select(o => o.Value))})");
                return false;
            }

            return true;
        });
        var byCase = Weights(m, "cases", name =>
        {
            context.Reference(PlanItemKind.TestCase, name, m.Errors);
            return true;
        });
        var byGroup = ImmutableSortedDictionary.CreateBuilder<TestCaseGroup, int>();
        foreach (var (name, weight) in Weights(m, "groups", name =>
        {
            if (!PlanChoices.TryFind(PlanNames.Groups, name.Value, out _))
            {
                m.Errors.Add(name.Node, name.KeyPath, PlanChoices.Unknown(PlanNames.Groups, name.Value, "a case group"));
                return false;
            }

            return true;
        }))
        {
            PlanChoices.TryFind(PlanNames.Groups, name, out var group);
            byGroup[group] = weight;
        }

        return new CampaignPriorities(byOperator, byCase, byGroup.ToImmutable());
    }

    private static ImmutableSortedDictionary<string, int> Weights(YamlMappingReader m, string key, Func<Located<string>, bool> accept)
    {
        var result = ImmutableSortedDictionary.CreateBuilder<string, int>(StringComparer.Ordinal);
        var node = m.ValueOf(key);
        if (node is null)
        {
            return result.ToImmutable();
        }

        if (node is not YamlMappingNode mapping)
        {
            m.Errors.Add(node, m.PathOf(key), $"expected {{NAME: weight}}, got {YamlMappingReader.Describe(node)}");
            return result.ToImmutable();
        }

        foreach (var (k, v) in mapping.Children)
        {
            string path = $"{m.PathOf(key)}.{(k as YamlScalarNode)?.Value}";
            if (k is not YamlScalarNode { Value: { } name })
            {
                m.Errors.Add(k, m.PathOf(key), "expected a name");
                continue;
            }

            if (v is not YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: { } text }
                || !int.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out int weight)
                || weight is < -1000 or > 1000)
            {
                m.Errors.Add(v, path, $"expected a weight -1000..1000 (higher runs first), got {YamlMappingReader.Describe(v)}");
                continue;
            }

            if (accept(new Located<string>(name, k, path)))
            {
                result[name] = weight;
            }
        }

        return result.ToImmutable();
    }
}
