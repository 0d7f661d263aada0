namespace OranTestbed.Plans.Lab;

/// <summary>
/// <c>driver: emulated</c>: the product is played by the emulator with its personality,
/// <c>testplans/personalities/VENDOR/PRODUCT.yaml</c> (<see cref="PersonalityFile"/>, relative to the plan directory).
/// The emulator plays O-DUs and O-RUs; for an emulated O-CU (a stand-in the orchestrator provides) the file is not required.
/// </summary>
public sealed record EmulatedDriver(string PersonalityFile) : DeviceDriver
{
    /// <summary>The personality file of a product, relative to the plan directory, with '/' separators.</summary>
    public static string PersonalityFileOf(string vendorId, string productId) => $"personalities/{vendorId}/{productId}.yaml";
}
