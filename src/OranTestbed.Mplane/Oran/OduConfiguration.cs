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
