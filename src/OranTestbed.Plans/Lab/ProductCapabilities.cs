using System.Collections.Immutable;
using OranTestbed.Fronthaul.Ecpri;

namespace OranTestbed.Plans.Lab;

/// <summary>
/// What a product can do, as its data sheet and M-plane capabilities say. O-DUs and O-RUs fill the fronthaul part;
/// O-CUs only <see cref="F1apVersions"/> (as do O-DUs, for the F1 side). Compatibility of a combination is computed
/// from these (see Expansion).
/// </summary>
public sealed record ProductCapabilities
{
    public static ProductCapabilities None { get; } = new();

    /// <summary>NR operating bands (n78, n28...); empty on an O-DU means any band (a baseband does not care).</summary>
    public ImmutableArray<string> Bands { get; init; } = [];

    /// <summary>Widest carrier in MHz; 0 on an O-CU.</summary>
    public int MaxBandwidthMHz { get; init; }

    /// <summary>Numerologies µ (SCS = 15·2^µ kHz).</summary>
    public ImmutableArray<int> Numerologies { get; init; } = [];

    public ImmutableArray<OruCategory> Categories { get; init; } = [];

    public ImmutableArray<CompressionSupport> Compression { get; init; } = [];

    /// <summary>eAxC id splits the product can be configured with (o-ran-uplane-conf e-axcid).</summary>
    public ImmutableArray<EaxcBitWidths> EaxcSplits { get; init; } = [];

    /// <summary>C-plane section types handled (0, 1, 3, 5, 6, 7).</summary>
    public ImmutableArray<int> SectionTypes { get; init; } = [];

    /// <summary>C-plane section extensions handled (1..31).</summary>
    public ImmutableArray<int> SectionExtensions { get; init; } = [];

    /// <summary>Largest Ethernet payload on the fronthaul port (1500 or jumbo up to 9216 bytes); 0 on an O-CU.</summary>
    public int MtuBytes { get; init; }

    /// <summary>Whether a symbol's PRBs may be split over several U-plane messages when they do not fit one frame.</summary>
    public bool UPlaneFragmentation { get; init; }

    /// <summary>Fronthaul port speeds in Gbit/s (10, 25, 100...).</summary>
    public ImmutableArray<int> LinkSpeedsGbps { get; init; } = [];

    public ImmutableArray<SyncTopology> SyncTopologies { get; init; } = [];

    public ImmutableArray<MPlaneProfile> MPlaneProfiles { get; init; } = [];

    /// <summary>F1AP versions (3GPP TS 38.473 release, e.g. "16.4") spoken on F1 (O-DU and O-CU).</summary>
    public ImmutableArray<string> F1apVersions { get; init; } = [];
}
