using System.Collections.Frozen;
using System.Collections.Immutable;

namespace OranTestbed.Plans.Lab;

/// <summary>Everything in the lab: vendors with their products (<c>lab/vendors/*.yaml</c>) and benches (<c>lab/benches.yaml</c>).</summary>
public sealed record LabInventory
{
    private readonly FrozenDictionary<string, Product> _products;
    private readonly FrozenDictionary<string, Vendor> _vendors;
    private readonly FrozenDictionary<string, Bench> _benches;

    public LabInventory(ImmutableArray<Vendor> vendors, ImmutableArray<Bench> benches)
    {
        Vendors = vendors;
        Benches = benches;
        Products = [.. vendors.SelectMany(v => v.Products).OrderBy(p => p.Id, StringComparer.Ordinal)];
        _products = Products.ToFrozenDictionary(p => p.Id, StringComparer.Ordinal);
        _vendors = vendors.ToFrozenDictionary(v => v.Id, StringComparer.Ordinal);
        _benches = benches.ToFrozenDictionary(b => b.Id, StringComparer.Ordinal);
    }

    /// <summary>Vendors in file-name order.</summary>
    public ImmutableArray<Vendor> Vendors { get; }

    public ImmutableArray<Bench> Benches { get; }

    /// <summary>Every product of every vendor, ordered by id.</summary>
    public ImmutableArray<Product> Products { get; }

    public Product? FindProduct(string id) => _products.GetValueOrDefault(id);

    public Vendor? FindVendor(string id) => _vendors.GetValueOrDefault(id);

    public Bench? FindBench(string id) => _benches.GetValueOrDefault(id);
}
