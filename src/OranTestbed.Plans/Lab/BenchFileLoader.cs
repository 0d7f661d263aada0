using System.Collections.Immutable;
using OranTestbed.Plans.Loading;
using OranTestbed.Plans.Yaml;

namespace OranTestbed.Plans.Lab;

/// <summary>
/// Loads <c>lab/benches.yaml</c>: <c>benches: [{id, kind, description, products, capture: {interface, tap}}]</c>.
/// A physical bench lists its cabled products and the interface that captures their link (without one, it runs only
/// the cases that capture nothing: an M-plane bench); an emulated one lists none.
/// </summary>
internal static class BenchFileLoader
{
    private static readonly string[] RootKeys = ["benches"];
    private static readonly string[] BenchKeys = ["id", "kind", "description", "products", "capture"];
    private static readonly string[] CaptureKeys = ["interface", "tap"];

    public static void Load(PlanSourceFile file, PlanLoadContext context, TestPlanBuilder plan)
    {
        var errors = context.ErrorsFor(file.DisplayPath);
        using var text = new StringReader(file.Text);
        var root = YamlPlanDocument.LoadRootMapping(text, errors);
        if (root is null)
        {
            return;
        }

        var map = new YamlMappingReader(root, "", errors, RootKeys);
        foreach (var item in YamlLists.Mappings(map, "benches", BenchKeys, required: true, "a bench", allowEmpty: false))
        {
            if (ReadBench(item, context) is { } bench)
            {
                plan.Benches.Add(bench);
            }
        }
    }

    private static Bench? ReadBench(YamlMappingReader map, PlanLoadContext context)
    {
        int before = map.Errors.Count;
        var id = PlanIds.Id(map, "id", required: true, "the bench id, e.g. rack-1");
        bool defined = id is { } located && context.Define(PlanItemKind.Bench, located.Value, map.Errors, located.Node, map.PathOf("id"));
        var kind = map.Choice("kind", PlanNames.BenchKinds, required: true);
        string? description = map.Text("description");
        var products = PlanIds.Ids(map, "products", required: kind == BenchKind.Physical, "a product VENDOR/PRODUCT",
            products: true, allowEmpty: false).ToList();
        foreach (var product in products)
        {
            context.Reference(PlanItemKind.Product, product, map.Errors);
        }

        var capture = map.Mapping("capture", CaptureKeys, what: "the capture {interface, tap} that watches the bench's fronthaul link");
        string? captureInterface = capture?.Text("interface", required: kind == BenchKind.Physical, "the capture interface, e.g. enp1s0f1");
        var tap = capture?.Choice("tap", PlanNames.Taps);
        if (kind == BenchKind.Emulated && products.Count > 0)
        {
            map.Error("products", "an emulated bench hosts every emulated product: remove products, or make the bench physical");
        }

        if (kind == BenchKind.Emulated && captureInterface is not null)
        {
            capture!.Error("interface", "an emulated bench captures the emulator's own stream: remove interface");
        }

        if (!defined || id is not { } benchId || kind is null || map.Errors.Count > before)
        {
            return null;
        }

        return new Bench(benchId.Value, description, kind.Value, [.. products.Select(p => p.Value)], captureInterface, tap);
    }
}
