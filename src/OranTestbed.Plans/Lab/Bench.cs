using System.Collections.Immutable;
using OranTestbed.Fronthaul.Profiles;

namespace OranTestbed.Plans.Lab;

/// <summary>
/// A place where executions run: which products are cabled to it and which capture interface watches their
/// fronthaul link (and where: at the O-RU or the O-DU port). An emulated bench hosts every emulated product and
/// captures the emulator's stream.
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
}
