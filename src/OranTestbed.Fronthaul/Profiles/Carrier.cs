using OranTestbed.Fronthaul.Timing;
namespace OranTestbed.Fronthaul.Profiles;

/// <summary>
/// The NR carrier the fronthaul serves: numerology µ (SCS = 15·2^µ kHz, 3GPP TS 38.211 §4.2), width in PRBs (what
/// numPrbc/numPrbu = 0 stands for), the channel bandwidth when the profile gave it, and the cyclic prefix.
/// </summary>
public sealed record Carrier
{
    public Carrier(int numerology, int prbs, CyclicPrefix cyclicPrefix = CyclicPrefix.Normal, int? bandwidthMHz = null,
        FrequencyRange? frequencyRange = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(numerology);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(numerology, MaxNumerology);
        if (prbs is < 1 or > MaxPrbs)
        {
            throw new ArgumentOutOfRangeException(nameof(prbs), prbs, $"a carrier has 1..{MaxPrbs} PRBs");
        }

        if (cyclicPrefix == CyclicPrefix.Extended && numerology != 2)
        {
            throw new ArgumentException("extended cyclic prefix exists only for numerology 2 (60 kHz)", nameof(cyclicPrefix));
        }

        Numerology = numerology;
        Prbs = prbs;
        CyclicPrefix = cyclicPrefix;
        BandwidthMHz = bandwidthMHz;
        FrequencyRange = frequencyRange;
    }

    /// <summary>Largest numerology carrying data in FR1/FR2-1 (µ = 3, 120 kHz).</summary>
    public const int MaxNumerology = 3;

    /// <summary>Largest carrier in PRBs (TS 38.331 maxNrofPhysicalResourceBlocks = 275).</summary>
    public const int MaxPrbs = 275;

    /// <summary>µ: 0..3.</summary>
    public int Numerology { get; }

    public int SubcarrierSpacingKHz => 15 << Numerology;

    /// <summary>Carrier width in PRBs.</summary>
    public int Prbs { get; }

    public CyclicPrefix CyclicPrefix { get; }

    /// <summary>Channel bandwidth in MHz when the profile gave it (then <see cref="Prbs"/> is its TS 38.101 N_RB).</summary>
    public int? BandwidthMHz { get; }

    /// <summary>Frequency range when the profile gave it or it follows from the numerology or bandwidth.</summary>
    public FrequencyRange? FrequencyRange { get; }

    public int SymbolsPerSlot => SymbolsPerSlotFor(CyclicPrefix);

    /// <summary>Slots per 1 ms subframe: 2^µ.</summary>
    public int SlotsPerSubframe => 1 << Numerology;

    /// <summary>Slot length in nanoseconds: 1 ms / 2^µ.</summary>
    public long SlotNanoseconds => 1_000_000L >> Numerology;

    public static int SymbolsPerSlotFor(CyclicPrefix cyclicPrefix) => cyclicPrefix == CyclicPrefix.Extended ? 12 : 14;
}
