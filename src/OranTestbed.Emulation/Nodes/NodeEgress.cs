using OranTestbed.Emulation.Randomness;
using OranTestbed.Emulation.Reports;
using OranTestbed.Emulation.Scheduling;
using OranTestbed.Plans.Personalities;

namespace OranTestbed.Emulation.Nodes;

/// <summary>
/// A node's fronthaul port: a queue of scheduled bursts sent in order of the time the node wants them out, one frame
/// after another at line rate (a burst's frames, and a burst that finds the link busy, wait), with ecpriSeqid counted
/// per eAxC and plane at the moment a message leaves, so the ids of a flow always rise in the order they are sent.
/// The defects that strike a message as it leaves (sequence gaps, duplicates) are drawn here; the others were decided
/// when the burst was scheduled and are tallied here, once per frame that carries them.
/// </summary>
internal abstract class NodeEgress
{
    private const int SequenceKeys = 1 << 18; // eAxC (16 bits) × plane × direction

    private readonly byte[] _sequence = new byte[SequenceKeys];
    private readonly ulong[] _seen = new ulong[SequenceKeys / 64];
    private readonly long _rateMbps;
    private readonly SequenceGapDefect? _gaps;
    private readonly DuplicateDefect? _duplicates;
    private readonly byte[] _scratch = new byte[16_384];

    private Burst _active;
    private bool _hasActive;
    private int _fragment;
    private long _linkFreeNs = long.MinValue;

    // The last frame, when a duplicate of it is to follow.
    private bool _repeatPending;
    private byte[] _lastFrame = [];
    private int _lastLength;
    private EmittedMessage _lastMessage;
    private BurstFlags _lastFlags;
    private bool _lastWasLastFragment;

    protected NodeEgress(EmulationContext context, Personality personality, RandomStream defectStream)
    {
        Context = context;
        Personality = personality;
        _rateMbps = context.Options.LinkRateMbps;
        Defects = new EmulationRandom(context.Options.Seed, defectStream);
        Ledger = new DefectLedger(personality.Role);
        _gaps = personality.Defect<SequenceGapDefect>();
        _duplicates = personality.Defect<DuplicateDefect>();
    }

    public Personality Personality { get; }

    public DefectLedger Ledger { get; }

    /// <summary>Frames sent so far (duplicates included).</summary>
    public long FramesSent { get; private set; }

    protected EmulationContext Context { get; }

    protected BurstQueue Queue { get; } = new();

    protected EmulationRandom Defects { get; }

    /// <summary>
    /// The send time of the next frame, if the node knows it: the head of its queue may go once nothing the node could
    /// still schedule would want to leave before it, i.e. when its desired time is at most <paramref name="horizonNs"/>
    /// and before the node's own scheduling horizon (<see cref="Fill"/>).
    /// </summary>
    public bool TryPeek(long horizonNs, out long sendNs)
    {
        if (_repeatPending || _hasActive)
        {
            sendNs = Math.Max(_repeatPending ? long.MinValue : _active.DesiredNs, _linkFreeNs);
            return true;
        }

        long own = Fill();
        if (Queue.Count == 0 || Queue.Min.DesiredNs > horizonNs || Queue.Min.DesiredNs >= own)
        {
            sendNs = 0;
            return false;
        }

        sendNs = Math.Max(Queue.Min.DesiredNs, _linkFreeNs);
        return true;
    }

    /// <summary>
    /// Sends the next frame (call after <see cref="TryPeek"/> returned true). The span is valid until this node sends
    /// again. <paramref name="frameNumber"/> and <paramref name="tapOffsetNs"/> (send time to tap time) locate the
    /// defect examples.
    /// </summary>
    public ReadOnlySpan<byte> Emit(long frameNumber, long tapOffsetNs, out EmittedMessage message)
    {
        FramesSent++;
        if (_repeatPending)
        {
            _repeatPending = false;
            long at = _linkFreeNs;
            _linkFreeNs = at + EmulationContext.WireNs(_lastLength, _rateMbps);
            message = _lastMessage with { SendNs = at, Repeat = true };
            Ledger.Record(DefectKind.Duplicates, 1, frameNumber, at + tapOffsetNs);
            TallyFlags(_lastFlags, _lastMessage.Kind, _lastWasLastFragment, frameNumber, at + tapOffsetNs);
            return _lastFrame.AsSpan(0, _lastLength);
        }

        if (!_hasActive)
        {
            _active = Queue.Pop();
            _hasActive = true;
            _fragment = 0;
        }

        ref readonly var burst = ref _active;
        long sendNs = Math.Max(burst.DesiredNs, _linkFreeNs);
        bool cplane = burst.Kind != BurstKind.UPlane;
        byte sequence = NextSequence(burst.Eaxc, cplane, burst.Is(BurstFlags.Downlink), frameNumber, sendNs + tapOffsetNs);
        ReadOnlySpan<byte> frame;
        bool lastFragment;
        if (cplane)
        {
            int length = WriteCPlane(burst, sequence, _scratch);
            frame = _scratch.AsSpan(0, length);
            _lastFrame = _scratch;
            lastFragment = true;
        }
        else
        {
            var plan = burst.Plan!;
            frame = plan.Patch(_fragment, burst.Variant, burst.Eaxc, sequence, burst.FrameId, burst.SubframeId,
                burst.SlotId, burst.Symbol, burst.SectionId);
            _lastFrame = plan.Template(_fragment, burst.Variant);
            lastFragment = _fragment == plan.FragmentCount - 1;
        }

        message = new EmittedMessage(sendNs, burst.AirNs, burst.Eaxc, burst.Kind, burst.Is(BurstFlags.Downlink), false);
        TallyFlags(burst.Flags, burst.Kind, lastFragment, frameNumber, sendNs + tapOffsetNs);
        _linkFreeNs = sendNs + EmulationContext.WireNs(frame.Length, _rateMbps);
        if (_duplicates is { } duplicates && (duplicates.Plane == DefectPlane.CPlane) == cplane
            && Defects.Chance(duplicates.Rate))
        {
            _repeatPending = true;
            _lastLength = frame.Length;
            _lastMessage = message;
            _lastFlags = burst.Flags;
            _lastWasLastFragment = lastFragment;
            Ledger.Event(DefectKind.Duplicates);
        }

        if (lastFragment)
        {
            _hasActive = false;
        }
        else
        {
            _fragment++;
        }

        return frame;
    }

    /// <summary>
    /// Schedules what the node sends on its own (an O-DU's slots) and returns the time before which nothing more
    /// will be scheduled: <see cref="long.MaxValue"/> when the node schedules nothing more by itself.
    /// </summary>
    protected abstract long Fill();

    /// <summary>Writes a C-plane burst's frame into <paramref name="buffer"/>; returns its length.</summary>
    protected abstract int WriteCPlane(in Burst burst, byte sequenceId, Span<byte> buffer);

    private byte NextSequence(ushort eaxc, bool cplane, bool downlink, long frameNumber, long timestampNs)
    {
        // A flow is eAxC × plane × direction (O-RAN.WG4.CUS §5.1.3.1.7), as the analyzer tracks it.
        int key = (eaxc << 2) | (cplane ? 2 : 0) | (downlink ? 1 : 0);
        ref ulong seen = ref _seen[key >> 6];
        ulong bit = 1UL << (key & 63);
        if ((seen & bit) == 0)
        {
            seen |= bit; // the first message of a flow only sets the receiver's expectation: no gap here
        }
        else if (_gaps is { } gaps && (gaps.Plane == DefectPlane.CPlane) == cplane && Defects.Chance(gaps.Rate))
        {
            _sequence[key] += (byte)gaps.Gap;
            Ledger.Record(DefectKind.SequenceGaps, gaps.Gap, frameNumber, timestampNs);
            Ledger.Event(DefectKind.SequenceGaps);
        }

        return _sequence[key]++;
    }

    private void TallyFlags(BurstFlags flags, BurstKind kind, bool lastFragment, long frameNumber, long timestampNs)
    {
        if ((flags & (BurstFlags.Late | BurstFlags.WrongCompression | BurstFlags.BeyondCarrier | BurstFlags.Orphan
                      | BurstFlags.Unrecognised)) == 0)
        {
            return;
        }

        if ((flags & BurstFlags.Late) != 0)
        {
            Ledger.Record(DefectKind.LateBursts, 1, frameNumber, timestampNs);
        }

        if ((flags & BurstFlags.WrongCompression) != 0)
        {
            Ledger.Record(DefectKind.WrongUdCompHdr, 1, frameNumber, timestampNs);
        }

        if ((flags & BurstFlags.BeyondCarrier) != 0 && (kind != BurstKind.UPlane || lastFragment))
        {
            Ledger.Record(DefectKind.PrbsBeyondCarrier, 1, frameNumber, timestampNs);
        }

        if ((flags & BurstFlags.Orphan) != 0)
        {
            Ledger.Record(DefectKind.MissingCPlane, 1, frameNumber, timestampNs);
        }

        if ((flags & BurstFlags.Unrecognised) != 0)
        {
            Ledger.Record(DefectKind.WrongEaxcSplit, 1, frameNumber, timestampNs);
        }
    }
}
