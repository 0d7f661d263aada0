using OranTestbed.Emulation.Timing;
using OranTestbed.Fronthaul.Decoding;
using OranTestbed.Fronthaul.Profiles;
using OranTestbed.Fronthaul.Timing;

namespace OranTestbed.Emulation;

/// <summary>
/// What both nodes of one emulation share, derived once from <see cref="EmulationOptions"/>: the air-time clock (the
/// analyzer's, <see cref="AirTimeClock"/>, on the capture clock, or UTC for live runs), the slot range, the windows
/// each node sends in, and the decoder configuration of the profile.
/// </summary>
internal sealed class EmulationContext
{
    private readonly AirTimeClock?[] _clocks = new AirTimeClock?[SymbolTiming.MaxNumerology + 1];

    public EmulationContext(EmulationOptions options, TimeScale? timeScale = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        Profile = options.Profile;
        Numerology = Profile.Carrier.Numerology;
        CarrierPrbs = Profile.Carrier.Prbs;
        TimeScale = timeScale ?? Profile.CaptureClock;
        for (int mu = 0; mu < _clocks.Length; mu++)
        {
            _clocks[mu] = new AirTimeClock(mu, CyclicPrefix.Normal, TimeScale, Profile.GpsOffset);
        }

        Clock = _clocks[Numerology]!;
        SlotsPerSubframe = 1 << Numerology;
        SlotsPerFrame = 10 * SlotsPerSubframe;
        FirstSlot = options.FirstFrame(Clock) * SlotsPerFrame;
        SlotCount = Math.Max(1, (options.DurationNanoseconds * SlotsPerSubframe + 999_999) / 1_000_000);
        StartNs = SlotAir(FirstSlot, 0);
        EndNs = SlotAir(FirstSlot + SlotCount, 0);
        DecodeOptions = Profile.ToDecodeOptions();
        Tap = options.EffectiveTap;
        Ports = options.AntennaPorts;
        T12 = options.DownlinkTransportDelayNanoseconds;
        T34 = options.UplinkTransportDelayNanoseconds;
    }

    public EmulationOptions Options { get; }

    public FronthaulProfile Profile { get; }

    public int Numerology { get; }

    public int CarrierPrbs { get; }

    public TimeScale TimeScale { get; }

    public AirTimeClock Clock { get; }

    public int SlotsPerSubframe { get; }

    public int SlotsPerFrame { get; }

    /// <summary>Absolute slot number (frames since the GPS-aligned origin × slots per frame) of the first slot.</summary>
    public long FirstSlot { get; }

    public long SlotCount { get; }

    /// <summary>Air time of the first slot: the emulation's start.</summary>
    public long StartNs { get; }

    /// <summary>Air time just after the last slot: no slot starts at or after it.</summary>
    public long EndNs { get; }

    public FronthaulDecodeOptions DecodeOptions { get; }

    public CaptureTap Tap { get; }

    public int Ports { get; }

    public long T12 { get; }

    public long T34 { get; }

    /// <summary>The clock of numerology <paramref name="mu"/> (PRACH states its own), or the carrier's.</summary>
    public AirTimeClock ClockFor(int mu) => (uint)mu < (uint)_clocks.Length ? _clocks[mu]! : Clock;

    /// <summary>Air time of symbol <paramref name="symbol"/> of absolute slot <paramref name="slot"/>.</summary>
    public long SlotAir(long slot, int symbol)
    {
        long frame = Math.DivRem(slot, SlotsPerFrame, out long inFrame);
        return Clock.SymbolStart(frame, (int)(inFrame / SlotsPerSubframe), (int)(inFrame % SlotsPerSubframe), symbol);
    }

    /// <summary>Wire time of a frame on a link of <paramref name="rateMbps"/>: preamble, FCS and inter-frame gap included.</summary>
    public static long WireNs(int frameLength, long rateMbps) => (((frameLength + 24) * 8_000L) + rateMbps - 1) / rateMbps;
}
