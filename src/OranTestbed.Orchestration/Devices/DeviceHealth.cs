namespace OranTestbed.Orchestration.Devices;

/// <summary>A health probe's answer: healthy or not, and why.</summary>
public sealed record DeviceHealth(bool Healthy, string Detail)
{
    public static DeviceHealth Ok { get; } = new(true, "ok");
}
