using System.Collections.Immutable;
using OranTestbed.Fronthaul.Ecpri;
using OranTestbed.Fronthaul.Profiles;
using OranTestbed.Plans.Lab;

namespace OranTestbed.Plans.Iot;

/// <summary>
/// A CUS-plane IOT profile (O-RAN.WG4.IOT.0 Annex A), e.g. <c>NR-TDD-FR1-CAT-A-NoBF</c>, pinned to a spec version:
/// the parameters it fixes (duplex, range, SCS, O-RU category, beamforming, compression, eAxC splits, C-plane section
/// types and extensions, S-plane topologies, fronthaul links). An operator's band names the profile its fronthaul
/// profile must fit; results cite the profile name and spec version.
/// </summary>
public sealed record IotProfile
{
    public required string Name { get; init; }

    /// <summary>The specification, e.g. "O-RAN.WG4.IOT.0".</summary>
    public required string Specification { get; init; }

    /// <summary>The pinned version, "NN.NN" (values change between versions).</summary>
    public required string SpecVersion { get; init; }

    public string? Description { get; init; }

    /// <summary>The Profile Test Configuration name, when one is pinned.</summary>
    public string? TestConfiguration { get; init; }

    public required DuplexMode Duplex { get; init; }

    public required FrequencyRange FrequencyRange { get; init; }

    public required ImmutableArray<int> SubcarrierSpacingsKHz { get; init; }

    public required OruCategory Category { get; init; }

    public required BeamformingMode Beamforming { get; init; }

    public required ImmutableArray<CompressionSupport> Compression { get; init; }

    /// <summary>Allowed eAxC splits; empty = any.</summary>
    public ImmutableArray<EaxcBitWidths> EaxcSplits { get; init; } = [];

    public required ImmutableArray<int> SectionTypes { get; init; }

    public ImmutableArray<int> SectionExtensions { get; init; } = [];

    public required ImmutableArray<SyncTopology> SyncTopologies { get; init; }

    /// <summary>Fronthaul link speeds (Gbit/s) the profile allows; empty = any.</summary>
    public ImmutableArray<int> LinkSpeedsGbps { get; init; } = [];

    public override string ToString() => $"{Name} ({Specification} v{SpecVersion})";
}
