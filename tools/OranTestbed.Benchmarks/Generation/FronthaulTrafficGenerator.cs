using OranTestbed.Fronthaul.Compression;
using OranTestbed.Fronthaul.Ecpri;
using OranTestbed.Fronthaul.Timing;

namespace OranTestbed.Benchmarks.Generation;

/// <summary>
/// Generates the benchmark traffic (<see cref="TrafficProfile"/>) slot by slot, deterministically, and hands the
/// frames to a sink in timestamp order:
/// <list type="bullet">
/// <item>per slot and eAxC a C-plane ST1 message (one section, startPrbc 0, numPrbc 0 = all 273 PRBs) sent 250 µs
/// before the slot starts: DL for D slots, DL (symbols 0-9) and UL (12-13) for S slots, UL for U slots;</item>
/// <item>per symbol carrying data and eAxC the U-plane, BFP 9-bit compressed from seeded random IQ, split into messages
/// of at most <see cref="TrafficProfile.PrbsPerMessage"/> PRBs (52 PRBs × 28 B = 1,456 B, so 5 × 52 + 13 PRBs per
/// symbol at 1,500-byte frames; sections of one symbol share the sectionId, each with its startPrbu), spread evenly
/// over the symbol's 35.7 µs;</item>
/// <item>PTP Sync + Follow_Up every 62.5 ms and Announce every 125 ms (G.8275.1 rates).</item>
/// </list>
/// </summary>
public sealed class FronthaulTrafficGenerator
{
    /// <summary>
    /// The UTC start of the first radio frame after 2024-01-01T00:00:00Z whose SFN is 0 (10 ms frames counted from the
    /// GPS epoch, leap seconds included: <see cref="AirTimeClock"/>), so that the frameId, subframeId and slotId of slot
    /// n counted from here agree with the packet timestamps, as the analyzer checks.
    /// </summary>
    public static readonly long StartNanoseconds = FirstFrameWithSfnZero(1_704_067_200L * 1_000_000_000L);

    private const long CPlaneAdvanceNanoseconds = 250_000;
    private const long SyncIntervalNanoseconds = 62_500_000;
    private const long AnnounceIntervalNanoseconds = 125_000_000;
    private const int DownlinkSectionId = 1;
    private const int UplinkSectionId = 2;

    private readonly TrafficProfile _profile;
    private readonly Random _random;
    private readonly int[] _iq = new int[TrafficProfile.Prbs * IqPacking.SamplesPerPrb];
    private readonly byte[] _scratch = new byte[FrameFactory.MaxFrameLength];
    private readonly byte[] _uPlaneSequence;
    private readonly byte[] _cPlaneSequence;
    private readonly List<Pending> _slotFrames = [];
    private ushort _syncSequence;
    private ushort _announceSequence;

    public FronthaulTrafficGenerator(TrafficProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        _profile = profile;
        _random = new Random(profile.Seed);
        _uPlaneSequence = new byte[2 * profile.Eaxcs];
        _cPlaneSequence = new byte[2 * profile.Eaxcs];
    }

    /// <summary>
    /// Generates frames until the next one would make a pcap file (24-byte header, 16 bytes per record) longer than
    /// <paramref name="maxPcapBytes"/>. Returns the number of frames.
    /// </summary>
    public long Generate(long maxPcapBytes, FrameSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        long bytes = 24;
        long frames = 0;
        for (long slot = -1; ; slot++)
        {
            BuildSlotWindow(slot);
            foreach (var pending in _slotFrames)
            {
                long next = bytes + 16 + pending.Frame.Length;
                if (next > maxPcapBytes)
                {
                    return frames;
                }

                sink(pending.Frame, pending.Timestamp);
                bytes = next;
                frames++;
            }
        }
    }

    /// <summary>The frames sent during slot <paramref name="slot"/>'s 500 µs, sorted by time.</summary>
    private void BuildSlotWindow(long slot)
    {
        _slotFrames.Clear();
        long slotStart = StartNanoseconds + (slot * TrafficProfile.SlotNanoseconds);
        AddCPlane(slot + 1, slotStart + TrafficProfile.SlotNanoseconds - CPlaneAdvanceNanoseconds);
        if (slot >= 0)
        {
            AddUPlane(slot, slotStart);
            AddPtp(slotStart);
        }

        // Stable: equal timestamps keep their build order.
        var ordered = _slotFrames.OrderBy(p => p.Timestamp).ThenBy(p => p.Order).ToList();
        _slotFrames.Clear();
        _slotFrames.AddRange(ordered);
    }

    private void AddCPlane(long slot, long sendTime)
    {
        var time = FrameFactory.SlotTime.Of(slot);
        var kind = TrafficProfile.KindOf(slot);
        for (int port = 0; port < _profile.Eaxcs; port++)
        {
            long at = sendTime + (port * 1_000L);
            if (kind != SlotKind.Uplink)
            {
                int symbols = kind == SlotKind.Special ? TrafficProfile.SpecialDownlinkSymbols : TrafficProfile.SymbolsPerSlot;
                int n = FrameFactory.CPlane(_scratch, downlink: true, Eaxc(port), NextSequence(_cPlaneSequence, port, true),
                    time, 0, symbols, DownlinkSectionId, beamId: port + 1);
                Add(at, n);
            }

            if (kind != SlotKind.Downlink)
            {
                int start = kind == SlotKind.Special ? TrafficProfile.SpecialUplinkStart : 0;
                int n = FrameFactory.CPlane(_scratch, downlink: false, Eaxc(port), NextSequence(_cPlaneSequence, port, false),
                    time, start, TrafficProfile.SymbolsPerSlot - start, UplinkSectionId, beamId: port + 1);
                Add(at + 500, n);
            }
        }
    }

    private void AddUPlane(long slot, long slotStart)
    {
        var time = FrameFactory.SlotTime.Of(slot);
        var kind = TrafficProfile.KindOf(slot);
        int perMessage = _profile.PrbsPerMessage;
        int messagesPerEaxc = (TrafficProfile.Prbs + perMessage - 1) / perMessage;
        int messagesPerSymbol = messagesPerEaxc * _profile.Eaxcs;
        for (int symbol = 0; symbol < TrafficProfile.SymbolsPerSlot; symbol++)
        {
            bool downlink = kind == SlotKind.Downlink
                            || (kind == SlotKind.Special && symbol < TrafficProfile.SpecialDownlinkSymbols);
            bool uplink = kind == SlotKind.Uplink
                          || (kind == SlotKind.Special && symbol >= TrafficProfile.SpecialUplinkStart);
            if (!downlink && !uplink)
            {
                continue; // guard symbols
            }

            int message = 0;
            for (int port = 0; port < _profile.Eaxcs; port++)
            {
                FillIq();
                for (int startPrb = 0; startPrb < TrafficProfile.Prbs; startPrb += perMessage)
                {
                    int prbs = Math.Min(perMessage, TrafficProfile.Prbs - startPrb);
                    var iq = _iq.AsSpan(startPrb * IqPacking.SamplesPerPrb, prbs * IqPacking.SamplesPerPrb);
                    int n = FrameFactory.UPlane(_scratch, downlink, Eaxc(port), NextSequence(_uPlaneSequence, port, downlink),
                        time, symbol, downlink ? DownlinkSectionId : UplinkSectionId, startPrb, iq);

                    // Frames of a symbol spread evenly over its duration (500 µs / 14 = 35.714 µs).
                    long offset = ((symbol * (long)messagesPerSymbol) + message) * TrafficProfile.SlotNanoseconds
                                  / (TrafficProfile.SymbolsPerSlot * (long)messagesPerSymbol);
                    Add(slotStart + offset, n);
                    message++;
                }
            }
        }
    }

    private void AddPtp(long slotStart)
    {
        long slotEnd = slotStart + TrafficProfile.SlotNanoseconds;
        if (!_profile.Ptp)
        {
            return;
        }

        long sync = NextMultiple(slotStart - StartNanoseconds, SyncIntervalNanoseconds) + StartNanoseconds;
        if (sync < slotEnd)
        {
            ushort sequence = _syncSequence++;
            Add(sync + 100, FrameFactory.PtpSync(_scratch, sequence, sync));
            Add(sync + 20_000, FrameFactory.PtpFollowUp(_scratch, sequence, sync + 100));
        }

        long announce = NextMultiple(slotStart - StartNanoseconds, AnnounceIntervalNanoseconds) + StartNanoseconds;
        if (announce < slotEnd)
        {
            Add(announce + 40_000, FrameFactory.PtpAnnounce(_scratch, _announceSequence++, announce));
        }
    }

    private static long NextMultiple(long value, long step) => (value + step - 1) / step * step;

    /// <summary>
    /// Random frequency-domain IQ for one symbol of one eAxC: each PRB gets a power level (as per-PRB scheduling and
    /// precoding do) and uniform samples within it, so BFP exponents vary from PRB to PRB; no sample is zero-only.
    /// </summary>
    private void FillIq()
    {
        for (int prb = 0; prb < TrafficProfile.Prbs; prb++)
        {
            int amplitude = 1 << _random.Next(8, 15);
            var samples = _iq.AsSpan(prb * IqPacking.SamplesPerPrb, IqPacking.SamplesPerPrb);
            for (int i = 0; i < samples.Length; i++)
            {
                samples[i] = _random.Next(-amplitude, amplitude) | 1;
            }
        }
    }

    private static EaxcId Eaxc(int port) => EaxcId.Compose(TrafficProfile.EaxcBits, 0, 0, 0, port);

    private static byte NextSequence(byte[] counters, int port, bool downlink)
    {
        int index = (2 * port) + (downlink ? 0 : 1);
        return counters[index]++;
    }

    private void Add(long timestamp, int length) =>
        _slotFrames.Add(new Pending(timestamp, _slotFrames.Count, _scratch.AsSpan(0, length).ToArray()));

    private readonly record struct Pending(long Timestamp, int Order, byte[] Frame);

    private static long FirstFrameWithSfnZero(long notBeforeUtcNs)
    {
        var clock = new AirTimeClock(TrafficProfile.Numerology);
        long frame = clock.FrameAt(notBeforeUtcNs) + 1;
        frame += (1024 - (frame % 1024)) % 1024;
        return clock.SymbolStart(frame, 0, 0, 0);
    }
}
