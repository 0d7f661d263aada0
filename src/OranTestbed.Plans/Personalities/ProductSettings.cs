namespace OranTestbed.Plans.Personalities;

/// <summary>
/// The few product capabilities the emulator needs, as plain settings (the lab inventory declares the full set):
/// the fronthaul MTU (bytes of eCPRI PDU, plus IP/UDP when used, per Ethernet frame), the most PRBs the product puts
/// in one U-plane section / message, and its antenna ports (one eAxC each).
/// </summary>
public sealed record ProductSettings
{
    public const int MinMtu = 256;
    public const int MaxMtu = 9600;

    public static ProductSettings Default { get; } = new();

    public ProductSettings(int mtu = 1500, int maxPrbsPerSection = 255, int antennaPorts = 4)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(mtu, MinMtu);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(mtu, MaxMtu);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPrbsPerSection, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxPrbsPerSection, 275);
        ArgumentOutOfRangeException.ThrowIfLessThan(antennaPorts, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(antennaPorts, 64);
        Mtu = mtu;
        MaxPrbsPerSection = maxPrbsPerSection;
        AntennaPorts = antennaPorts;
    }

    /// <summary>Largest L2 payload per frame (1500, or 9000 for jumbo frames).</summary>
    public int Mtu { get; init; }

    /// <summary>Most PRBs per U-plane message (a section of more than 255 needs numPrbu = 0 = the whole carrier).</summary>
    public int MaxPrbsPerSection { get; init; }

    /// <summary>Antenna ports, one eAxC (RU port id 0..n−1) each: 4 for 4T4R.</summary>
    public int AntennaPorts { get; init; }
}
