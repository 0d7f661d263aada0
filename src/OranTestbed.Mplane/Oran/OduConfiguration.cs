using System.Collections.Immutable;
using OranTestbed.Fronthaul.Profiles;

namespace OranTestbed.Mplane.Oran;

/// <summary>
/// What an O-DU configures on an O-RU at start-up (O-RAN.WG4.MP §4, the sequence of mplane.md §4.3): the agreed fronthaul
/// profile, the carrier on air (NR-ARFCN, centre frequency, width), the O-RU's own names it reported in its
/// <c>&lt;get&gt;</c> (interface, static low-level endpoints, arrays) and the Ethernet flow (MAC addresses, VLAN from the
/// profile). One endpoint per listed name, numbered in order: endpoint i carries RU port i of band sector 0, CC 0.
/// </summary>
public sealed record OduConfiguration(
    FronthaulProfile Profile,
    long AbsoluteFrequencyCenter,
    long CenterFrequencyHz,
    string InterfaceName,
    ImmutableArray<string> TxEndpoints,
    ImmutableArray<string> RxEndpoints,
    string TxArray,
    string RxArray)
{
    /// <summary>The configuration of the O-RU that <paramref name="inventory"/> describes: its port and MAC, its first static
    /// endpoint each way and its first arrays (one carrier each way).</summary>
    /// <exception cref="OruBringUpException">The O-RU reported no port, endpoints or arrays to configure.</exception>
    public static OduConfiguration For(FronthaulProfile profile, long absoluteFrequencyCenter, long centerFrequencyHz, OruInventory inventory)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        if (inventory.InterfaceName is null || inventory.TxEndpoints.IsEmpty || inventory.RxEndpoints.IsEmpty
            || inventory.TxArrays.IsEmpty || inventory.RxArrays.IsEmpty)
        {
            throw new OruBringUpException("configure", "the O-RU reported no interface, static low-level endpoints or arrays to configure");
        }

        return new OduConfiguration(profile, absoluteFrequencyCenter, centerFrequencyHz, inventory.InterfaceName,
            [inventory.TxEndpoints[0]], [inventory.RxEndpoints[0]], inventory.TxArrays[0], inventory.RxArrays[0])
        {
            RuMacAddress = inventory.MacAddress,
        };
    }

    /// <summary>The processing element the links refer to (OAI names it so as well).</summary>
    public string ProcessingElement { get; init; } = "PLANE_0";

    /// <summary>The O-DU's MAC address of the fronthaul flow; null = the O-RU learns it.</summary>
    public string? DuMacAddress { get; init; }

    /// <summary>The O-RU's MAC address of the fronthaul flow, as it reported it.</summary>
    public string? RuMacAddress { get; init; }

    /// <summary>How often the O-RU counts its reception windows and reports them (o-ran-performance-management).</summary>
    public TimeSpan MeasurementInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The carrier's channel bandwidth in Hz (the profile's carrier width).</summary>
    public long ChannelBandwidthHz => (Profile.Carrier.BandwidthMHz ?? throw new InvalidOperationException(
        $"profile {Profile.Name} does not say its carrier bandwidth")) * 1_000_000L;
}
