using System.Collections.Immutable;
using OranTestbed.Fronthaul.Profiles;
using OranTestbed.Fronthaul.Timing;
using OranTestbed.Plans.Personalities;

namespace OranTestbed.Emulation;

/// <summary>
/// One emulation of an O-DU / O-RU pair: the fronthaul profile they agreed on, the two personalities, the seed, how
/// much air time, and where the traffic is observed. Everything the traffic depends on is here; the same options give
/// the same frames, byte for byte (offline; live runs follow the wall clock).
/// </summary>
public sealed record EmulationOptions
{
    /// <summary>2024-01-01T00:00:00Z: offline emulations start at the first SFN-0 radio frame after it.</summary>
    public const long DefaultEpochNanoseconds = 1_704_067_200L * 1_000_000_000L;

    public required FronthaulProfile Profile { get; init; }

    public required Personality Du { get; init; }

    public required Personality Ru { get; init; }

    /// <summary>Seeds every random stream (timing, defects, IQ); same seed, same traffic.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Air time emulated: slots whose air time starts within this span after the start (default 100 ms).</summary>
    public long DurationNanoseconds { get; init; } = 100_000_000;

    /// <summary>Where the frames are timestamped: at the O-RU port (T2a/Ta3 apply) or the O-DU port (T1a/Ta4);
    /// null = the profile's tap, else <see cref="CaptureTap.Ru"/>.</summary>
    public CaptureTap? Tap { get; init; }

    /// <summary>
    /// The emulation starts with the first radio frame starting at or after this time (on the profile's capture
    /// clock). Null = the first SFN-0 frame after <see cref="DefaultEpochNanoseconds"/> (offline: no wall clock).
    /// </summary>
    public long? StartNanoseconds { get; init; }

    /// <summary>T12: O-DU to O-RU transport delay (fibre and switches).</summary>
    public long DownlinkTransportDelayNanoseconds { get; init; } = 2_000;

    /// <summary>T34: O-RU to O-DU transport delay.</summary>
    public long UplinkTransportDelayNanoseconds { get; init; } = 2_000;

    /// <summary>Line rate of each node's fronthaul port: frames of a burst leave one after another at this rate.</summary>
    public long LinkRateMbps { get; init; } = 25_000;

    /// <summary>The O-DU is the LLS-C1 PTP grandmaster: G.8275.1 Announce, Sync and Follow_Up.</summary>
    public bool Ptp { get; init; } = true;

    /// <summary>One PRACH occasion per radio frame: UL C-plane section type 3 answered by PRACH U-plane.</summary>
    public bool Prach { get; init; } = true;

    /// <summary>The eAxC ids of the pair: DU port, band sector and CC fields (RU ports are 0..n−1, PRACH n..2n−1).</summary>
    public int DuPortId { get; init; }

    public int BandSectorId { get; init; }

    public int CcId { get; init; }

    /// <summary>Precomputed IQ payloads per direction; each symbol burst picks one at random.</summary>
    public int IqVariants { get; init; } = 8;

    /// <summary>802.1p priority of the fronthaul VLAN tag (when the profile gives a vlan-id).</summary>
    public byte VlanPriority { get; init; } = 7;

    /// <summary>Locally administered MACs, matching the live tests' veth ends (A = O-DU, B = O-RU).</summary>
    public ImmutableArray<byte> DuMac { get; init; } = [0x02, 0, 0, 0, 0, 0x0A];

    public ImmutableArray<byte> RuMac { get; init; } = [0x02, 0, 0, 0, 0, 0x0B];

    /// <summary>IPv4 addresses when the profile runs eCPRI over UDP.</summary>
    public ImmutableArray<byte> DuIpv4 { get; init; } = [192, 168, 100, 10];

    public ImmutableArray<byte> RuIpv4 { get; init; } = [192, 168, 100, 20];

    public CaptureTap EffectiveTap => Tap ?? Profile.Tap ?? CaptureTap.Ru;

    /// <summary>Antenna ports in use: what both products support.</summary>
    public int AntennaPorts => Math.Min(Du.Settings.AntennaPorts, Ru.Settings.AntennaPorts);

    /// <summary>Checks the combination; throws <see cref="ArgumentException"/> with the reason.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Profile);
        ArgumentNullException.ThrowIfNull(Du);
        ArgumentNullException.ThrowIfNull(Ru);
        if (Du.Role != NodeRole.Du)
        {
            throw new ArgumentException($"{Du.Id} is an {Personality.RoleName(Du.Role)}, not an O-DU");
        }

        if (Ru.Role != NodeRole.Ru)
        {
            throw new ArgumentException($"{Ru.Id} is an {Personality.RoleName(Ru.Role)}, not an O-RU");
        }

        if (Profile.Carrier.CyclicPrefix != CyclicPrefix.Normal)
        {
            throw new ArgumentException("the emulator models the normal cyclic prefix (14 symbols per slot) only");
        }

        if (DurationNanoseconds <= 0 || DurationNanoseconds > 3_600_000_000_000L)
        {
            throw new ArgumentException("the duration is 1 ns .. 1 h of air time");
        }

        if (DownlinkTransportDelayNanoseconds < 0 || UplinkTransportDelayNanoseconds < 0)
        {
            throw new ArgumentException("transport delays are not negative");
        }

        if (LinkRateMbps < 100)
        {
            throw new ArgumentException("the link rate is at least 100 Mbit/s");
        }

        if (IqVariants is < 1 or > 64)
        {
            throw new ArgumentException("IQ variants are 1..64");
        }

        if (DuMac.Length != 6 || RuMac.Length != 6 || DuIpv4.Length != 4 || RuIpv4.Length != 4)
        {
            throw new ArgumentException("MACs are 6 bytes, IPv4 addresses 4");
        }

        var bits = Profile.EaxcBits;
        if (DuPortId < 0 || DuPortId >= 1 << bits.DuPort || BandSectorId < 0 || BandSectorId >= 1 << bits.BandSector
            || CcId < 0 || CcId >= 1 << bits.Cc)
        {
            throw new ArgumentException($"the eAxC ids {DuPortId}:{BandSectorId}:{CcId} do not fit the split {bits}");
        }

        if (AntennaPorts > 1 << bits.RuPort)
        {
            throw new ArgumentException($"{AntennaPorts} antenna ports do not fit {bits.RuPort} RU-port bits");
        }
    }

    /// <summary>The first radio frame F of the emulation, for <paramref name="clock"/>.</summary>
    internal long FirstFrame(AirTimeClock clock)
    {
        if (StartNanoseconds is { } start)
        {
            long f = clock.FrameAt(start);
            return clock.SymbolStart(f, 0, 0, 0) < start ? f + 1 : f;
        }

        long frame = clock.FrameAt(DefaultEpochNanoseconds) + 1;
        return frame + ((1024 - (frame % 1024)) % 1024);
    }
}
