using OranTestbed.Emulation;
using OranTestbed.Plans.Personalities;

namespace OranTestbed.Benchmarks.Generation;

/// <summary>
/// Generates the benchmark traffic (<see cref="TrafficProfile"/>) with the emulator (OranTestbed.Emulation): a clean
/// O-DU and O-RU with default timing (the O-RAN SC windows for µ = 1, as the profile gives none), seen at the O-DU port,
/// deterministic for the seed, frames in timestamp order:
/// <list type="bullet">
/// <item>per slot and eAxC a DL C-plane (section type 1, one section over the carrier, numPrbc 0) for D and S slots
/// and a UL C-plane for S and U slots, sent about 360 µs (DL) and 290 µs (UL) before their first symbol; a PRACH C-plane (section type 3,
/// eAxC RU port 4-7) in the first U slot of each radio frame;</item>
/// <item>per DL symbol and eAxC the DL U-plane, BFP 9-bit, fragmented into messages of
/// <see cref="TrafficProfile.PrbsPerMessage"/> PRBs (52 at 1500-byte frames: 5 × 52 + 13 per symbol; one 273-PRB
/// message with numPrbu 0 for jumbo frames), sent about 150 µs before the symbol; the O-RU's UL U-plane answering the
/// UL C-plane about 26 µs after each UL symbol;</item>
/// <item>PTP from the O-DU: Sync + Follow_Up every 62.5 ms, Announce every 125 ms.</item>
/// </list>
/// </summary>
public sealed class FronthaulTrafficGenerator
{
    /// <summary>
    /// The UTC start of the first radio frame after 2024-01-01T00:00:00Z whose SFN is 0 (10 ms frames counted from the
    /// GPS epoch, leap seconds included), where the emulated slots start; frameId, subframeId and slotId agree with
    /// the packet timestamps, as the analyzer checks. The first frames (PTP, C-plane) come shortly before.
    /// </summary>
    public static readonly long StartNanoseconds = new PairEmulation(Options(new TrafficProfile())).StartNanoseconds;

    private readonly TrafficProfile _profile;

    public FronthaulTrafficGenerator(TrafficProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        _profile = profile;
    }

    /// <summary>The emulation of <paramref name="profile"/>: an hour of air time, more than any capture takes.</summary>
    public static EmulationOptions Options(TrafficProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return new EmulationOptions
        {
            Profile = TrafficProfile.FronthaulProfile,
            Du = Personality.CleanDu("benchmark/o-du") with { Settings = profile.Settings },
            Ru = Personality.CleanRu("benchmark/o-ru") with { Settings = profile.Settings },
            Seed = (ulong)profile.Seed,
            Ptp = profile.Ptp,
            DurationNanoseconds = 3_600_000_000_000L,
        };
    }

    /// <summary>
    /// Generates frames until the next one would make a pcap file (24-byte header, 16 bytes per record) longer than
    /// <paramref name="maxPcapBytes"/>. Returns the number of frames.
    /// </summary>
    public long Generate(long maxPcapBytes, FrameSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        var emulation = new PairEmulation(Options(_profile));
        long bytes = 24;
        long frames = 0;
        while (emulation.TryReadNext(out var frame))
        {
            long next = bytes + 16 + frame.Data.Length;
            if (next > maxPcapBytes)
            {
                break;
            }

            sink(frame.Data, frame.TimestampNanoseconds);
            bytes = next;
            frames++;
        }

        return frames;
    }
}
