using OranTestbed.Plans.Lab;

namespace OranTestbed.Plans.Expansion;

/// <summary>A product with its capability masks, and a short label for reasons ("O-RU quasar/q-300").</summary>
internal sealed class ProductView(Product product)
{
    public Product Product { get; } = product;

    public string Label { get; } = (product.Role switch
    {
        ProductRole.ODu => "O-DU ",
        ProductRole.ORu => "O-RU ",
        _ => "O-CU ",
    }) + product.Id;

    public int SectionTypes { get; } = CapabilityMasks.SectionTypes(product.Capabilities.SectionTypes);

    public uint Extensions { get; } = CapabilityMasks.Extensions(product.Capabilities.SectionExtensions);

    public int Sync { get; } = CapabilityMasks.Sync(product.Capabilities.SyncTopologies);

    public int MPlane { get; } = CapabilityMasks.MPlane(product.Capabilities.MPlaneProfiles);

    public int Links { get; } = CapabilityMasks.Links(product.Capabilities.LinkSpeedsGbps);
}
