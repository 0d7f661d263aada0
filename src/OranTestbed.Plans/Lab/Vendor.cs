using System.Collections.Immutable;

namespace OranTestbed.Plans.Lab;

/// <summary>A vendor and its products (one file per vendor: <c>testplans/lab/vendors/VENDOR.yaml</c>).</summary>
public sealed record Vendor(string Id, string Name, string? Description, ImmutableArray<Product> Products);
