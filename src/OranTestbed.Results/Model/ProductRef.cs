using OranTestbed.Plans;
using OranTestbed.Plans.Lab;

namespace OranTestbed.Results.Model;

/// <summary>A product as tested: its role (<c>o-du</c>, <c>o-ru</c>, <c>o-cu</c>), id (VENDOR/PRODUCT), vendor, model and
/// the versions that the result cites.</summary>
public sealed record ProductRef(string Role, string Id, string Vendor, string Model, string Hardware, string Software, string Firmware)
{
    public static ProductRef Of(Product product)
    {
        ArgumentNullException.ThrowIfNull(product);
        return new ProductRef(PlanNames.Of(product.Role), product.Id, product.VendorId, product.Model, product.Versions.Hardware,
            product.Versions.Software, product.Versions.Firmware);
    }
}
