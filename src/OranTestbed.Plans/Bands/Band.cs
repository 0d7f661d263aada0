using OranTestbed.Fronthaul.Profiles;

namespace OranTestbed.Plans.Bands;

/// <summary>
/// A carrier an operator deploys (<c>testplans/bands/ID.yaml</c>): an NR operating band, where (usage environment),
/// the downlink centre (NR-ARFCN and MHz), channel bandwidth and SCS, the PRB count they give (3GPP TS 38.101 Table
/// 5.3.2-1), and the TDD pattern for a TDD band.
/// </summary>
public sealed record Band
{
    public required string Id { get; init; }

    public string? Description { get; init; }

    public required NrOperatingBand OperatingBand { get; init; }

    public required UsageEnvironment Environment { get; init; }

    /// <summary>Downlink NR-ARFCN of the carrier centre.</summary>
    public required int Arfcn { get; init; }

    /// <summary>Downlink carrier centre in MHz.</summary>
    public required decimal CenterFrequencyMHz { get; init; }

    public required int BandwidthMHz { get; init; }

    public required int SubcarrierSpacingKHz { get; init; }

    /// <summary>N_RB of the bandwidth at the SCS.</summary>
    public required int Prbs { get; init; }

    /// <summary>The slot pattern; non-null exactly for a TDD band.</summary>
    public TddPattern? TddPattern { get; init; }

    /// <summary>µ: SCS = 15·2^µ kHz.</summary>
    public int Numerology => int.Log2(SubcarrierSpacingKHz / 15);

    public DuplexMode Duplex => OperatingBand.Duplex;

    public FrequencyRange FrequencyRange => OperatingBand.FrequencyRange;

    /// <summary>Uplink carrier centre in MHz (the downlink one for TDD).</summary>
    public decimal UplinkCenterFrequencyMHz => CenterFrequencyMHz - OperatingBand.DuplexSpacingMHz;

    public override string ToString() => Id;
}
