using System.Collections.Immutable;
using OranTestbed.Fronthaul.Decoding;
using OranTestbed.Fronthaul.Ecpri;
using OranTestbed.Fronthaul.Timing;

namespace OranTestbed.Fronthaul.Profiles;

/// <summary>
/// A fronthaul profile: the wire configuration an O-DU and an O-RU agreed on (normally over the M-plane) and how to
/// judge a capture of it. Immutable; loaded from <c>testplans/profiles/*.yaml</c> by OranTestbed.Plans, whose keys
/// are the M-plane YANG names.
/// </summary>
public sealed record FronthaulProfile
{
    /// <summary>A short identifier (the file name when the file gives none).</summary>
    public required string Name { get; init; }

    public string? Description { get; init; }

    public required Carrier Carrier { get; init; }

    /// <summary>eAxC id split (o-ran-uplane-conf e-axcid bitmasks).</summary>
    public required EaxcBitWidths EaxcBits { get; init; }

    /// <summary>UDP port of eCPRI over IP; null = eCPRI directly over Ethernet only.</summary>
    public ushort? EcpriUdpPort { get; init; }

    /// <summary>VLAN id the fronthaul runs in, when the profile gives it (o-ran-interfaces vlan-id).</summary>
    public ushort? VlanId { get; init; }

    public required UPlaneCompression DownlinkCompression { get; init; }

    public required UPlaneCompression UplinkCompression { get; init; }

    public required DuplexMode Duplex { get; init; }

    /// <summary>The slot pattern; non-null exactly when <see cref="Duplex"/> is TDD.</summary>
    public TddPattern? TddPattern { get; init; }

    public DelayManagement DelayManagement { get; init; } = DelayManagement.None;

    /// <summary>Time scale of the capture timestamps (default UTC, a host clock).</summary>
    public TimeScale CaptureClock { get; init; } = TimeScale.Utc;

    /// <summary>Radio frame alignment to the GPS epoch (O-RAN GPS_Alpha, GPS_Beta; default none).</summary>
    public FrameAlignment GpsOffset { get; init; }

    /// <summary>Where captures of this profile are taken; null = not said (the analyzer must be told).</summary>
    public CaptureTap? Tap { get; init; }

    public VerdictThresholds VerdictThresholds { get; init; } = VerdictThresholds.Strict;

    /// <summary>S-plane time-error limits (profile key <c>s-plane</c>); null = the time error is reported, not judged.</summary>
    public TimeErrorLimits? SPlane { get; init; }

    /// <summary>
    /// Severities this profile gives rules of the analyzer's catalogue, by rule id (<c>COMP-BFP-EXPONENT-RANGE</c> →
    /// <c>warning</c>): a lab's choice where real equipment legitimately departs from a rule (NVIDIA Aerial BFP-9 uses
    /// exponents 8–10). Values are <c>error</c>, <c>warning</c> or <c>info</c>; ids the catalogue lacks are refused when
    /// the analysis starts.
    /// </summary>
    public ImmutableDictionary<string, string> RuleSeverities { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>
    /// The eAxC ids the O-RU has low-level endpoints for (o-ran-uplane-conf <c>e-axcid/eaxc-id</c> of its tx and rx
    /// endpoints), ascending and distinct; empty = not said (a hand-written profile normally does not say).
    /// <c>analyze --oru-config</c> flags traffic on other eAxC ids.
    /// </summary>
    public ImmutableArray<ushort> EaxcIds { get; init; } = [];

    /// <summary>Where the profile was read from (the O-RU's M-plane and when); null for a hand-written profile.</summary>
    public ProfileSource? Source { get; init; }

    /// <summary>The decoder configuration of this profile: eAxC split, eCPRI UDP port, compression and udCompHdr per
    /// direction, carrier width. Decoder settings the profile does not cover keep their defaults.</summary>
    public FronthaulDecodeOptions ToDecodeOptions() => new()
    {
        EaxcBits = EaxcBits,
        EcpriUdpPort = EcpriUdpPort,
        DownlinkCompression = DownlinkCompression.Static,
        UplinkCompression = UplinkCompression.Static,
        DownlinkUdCompHdrPresent = DownlinkCompression.UdCompHdrPresent,
        UplinkUdCompHdrPresent = UplinkCompression.UdCompHdrPresent,
        CarrierPrbs = Carrier.Prbs,
    };
}
