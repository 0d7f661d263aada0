namespace OranTestbed.Plans.Lab;

/// <summary>The versions a result must cite (IOT badge reports list DUT model, SW, FW and HW versions).</summary>
public sealed record ProductVersions(string Hardware, string Software, string Firmware)
{
    public override string ToString() => $"HW {Hardware}, SW {Software}, FW {Firmware}";
}
