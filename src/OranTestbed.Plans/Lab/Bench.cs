using System.Collections.Immutable;
using OranTestbed.Fronthaul.Profiles;
using OranTestbed.Plans.Expansion;

namespace OranTestbed.Plans.Lab;

/// <summary>
/// A place where executions run: which products are cabled to it and which capture interface watches their
/// fronthaul link (and where: at the O-RU or the O-DU port). An emulated bench hosts every emulated product and
/// captures the emulator's stream. A physical bench without a capture interface watches no fronthaul: it runs only
/// the cases that capture nothing (M-plane cases), an emulated O-DU on it being the testbed's stand-in.
/// </summary>
public sealed record Bench(string Id, string? Description, BenchKind Kind, ImmutableArray<string> Products,
    string? CaptureInterface, CaptureTap? Tap)
{
    /// <summary>True when the product can run on this bench.</summary>
    public bool Hosts(Product product)
    {
        ArgumentNullException.ThrowIfNull(product);
        return Kind == BenchKind.Emulated ? product.Driver is EmulatedDriver : Products.Contains(product.Id);
    }

    /// <summary>True when the bench can watch the fronthaul (an emulated bench, or a capture interface).</summary>
    public bool Captures => Kind == BenchKind.Emulated || CaptureInterface is not null;

    /// <summary>True when the bench hosts the case's products and, if the case captures, can capture.</summary>
    public bool Runs(Execution execution)
    {
        ArgumentNullException.ThrowIfNull(execution);
        var products = execution.Products;
        return Hosts(products.ODu) && Hosts(products.ORu) && (products.OCu is null || Hosts(products.OCu))
            && (Captures || !execution.Case.Captures);
    }
}
