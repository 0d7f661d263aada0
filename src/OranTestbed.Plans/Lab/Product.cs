namespace OranTestbed.Plans.Lab;

/// <summary>
/// A product in the lab inventory, identified as <c>VENDOR/PRODUCT</c> (<see cref="Id"/>, e.g. <c>xylem/xd-100</c>):
/// its role, model and versions, capabilities, and how the orchestrator drives it.
/// </summary>
public sealed record Product
{
    /// <summary><c>VENDOR/PRODUCT</c>.</summary>
    public required string Id { get; init; }

    public required string VendorId { get; init; }

    /// <summary>The product's id within its vendor (<c>xd-100</c>).</summary>
    public required string LocalId { get; init; }

    public required ProductRole Role { get; init; }

    /// <summary>The model name as the vendor writes it.</summary>
    public required string Model { get; init; }

    public string? Description { get; init; }

    public required ProductVersions Versions { get; init; }

    public required ProductCapabilities Capabilities { get; init; }

    public required DeviceDriver Driver { get; init; }

    public override string ToString() => Id;
}
