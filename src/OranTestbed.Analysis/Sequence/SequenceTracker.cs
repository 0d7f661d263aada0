using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using OranTestbed.Analysis.Flows;

namespace OranTestbed.Analysis.Sequence;

/// <summary>
/// Tracks ecpriSeqid per flow (eAxC × plane × direction) and eCPRI radio-transport fragments (E bit, subsequence id;
/// eCPRI V2.0 §3.2.4.1, O-RAN.WG4.CUS §5.1.3.1.7).
/// <para>
/// <b>Sequence algorithm (8-bit wrap).</b> Each flow keeps the expected next id E and two 256-bit windows, "received"
/// and "counted lost", that are valid for the 128 ids behind E (E−128 … E−1); the 128 ids ahead (E … E+127) are kept
/// clear. For a new message with id s, d = (s − E) mod 256:
/// d = 0 → in order; d = 1…127 → the d ids E … s−1 are lost (marked "counted lost"), s is in order;
/// d = 128…255 → s is behind E: a duplicate if its "received" bit is set, else an out-of-order late arrival, which takes
/// back its loss if it had been counted lost. When E advances by k, the k ids entering the ahead half are cleared in both
/// windows. The first message of a flow just sets E. A burst of 128 or more lost messages is indistinguishable from a
/// late arrival with 8-bit ids and is classified as out of order: the limit of the wire format, not of the tracker.
/// </para>
/// <para>
/// <b>Fragments.</b> A message is one frame with E = 1 and subsequence id 0, or fragments 0, 1, 2, … of one seqId, the
/// last with E = 1. A message is incomplete when a subsequence id is skipped, when a new message (subsequence 0) or
/// another seqId arrives before the E = 1 fragment, when a continuation arrives without its first fragment, or when the
/// analysis ends with a fragment open (<see cref="FlushOpenFragments"/>). Only the first fragment seen of a message takes
/// part in the sequence check; a repeated fragment counts as a duplicate.
/// </para>
/// <para>
/// <b>Storage.</b> 2^18 possible flows, about 130 bytes each, would be 34 MB if flat, while real traffic uses a
/// handful of eAxC values that sit close together (the RU-port bits are the low bits). Flows live in pages of 256
/// (64 consecutive eAxC values × 2 planes × 2 directions, 33 KB), allocated the first time one of their flows is seen;
/// a lookup is two array indexings with no hashing, and after every flow has been seen once nothing is allocated.
/// </para>
/// Not thread-safe: one tracker per analyzer.
/// </summary>
public sealed class SequenceTracker
{
    private const int PageBits = 8;
    private const int PageSize = 1 << PageBits;
    private const int HalfWindow = 128;

    private readonly FlowSequenceState[]?[] _pages = new FlowSequenceState[]?[FlowKey.Count >> PageBits];
    private readonly List<int> _flows = [];
    private long _observations;
    private long _unattributed;

    /// <summary>Number of distinct flows seen.</summary>
    public int FlowCount => _flows.Count;

    /// <summary>
    /// Classifies one eCPRI message or fragment of <paramref name="flow"/>. <paramref name="frameNumber"/> is kept for
    /// the fragment reported incomplete at the end.
    /// </summary>
    public SequenceObservation Observe(FlowKey flow, byte sequenceId, bool eBit, byte subsequenceId, long frameNumber)
    {
        ref var s = ref StateOf(flow.Index);
        s.LastObserved = ++_observations;
        int incomplete = 0;
        bool newMessage;
        if (subsequenceId == 0)
        {
            if (s.FragmentOpen)
            {
                incomplete++; // the open message never got its E = 1 fragment
            }

            newMessage = true;
            s.BrokenValid = false;
            s.FragmentOpen = !eBit;
            if (!eBit)
            {
                s.FragmentSequenceId = sequenceId;
                s.NextSubsequenceId = 1;
                s.FragmentFrame = frameNumber;
            }
        }
        else if (s.FragmentOpen && s.FragmentSequenceId == sequenceId)
        {
            newMessage = false;
            if (subsequenceId < s.NextSubsequenceId)
            {
                s.Duplicate++; // a repeated fragment
                return new SequenceObservation(SequenceOutcome.Duplicate, 0, false, 0);
            }

            if (subsequenceId != s.NextSubsequenceId)
            {
                incomplete++;
                s.FragmentOpen = false;
                s.BrokenValid = true;
                s.BrokenSequenceId = sequenceId;
            }
            else if (eBit)
            {
                s.FragmentOpen = false;
            }
            else
            {
                s.NextSubsequenceId++;
            }
        }
        else if (s.BrokenValid && s.BrokenSequenceId == sequenceId && !s.FragmentOpen)
        {
            newMessage = false; // more of a message already reported incomplete
        }
        else
        {
            // A continuation whose first fragment never came: the message is incomplete, but its seqId was sent.
            if (s.FragmentOpen)
            {
                incomplete++;
                s.FragmentOpen = false;
            }

            incomplete++;
            newMessage = true;
            s.BrokenValid = true;
            s.BrokenSequenceId = sequenceId;
        }

        s.FragmentsIncomplete += incomplete;
        if (!newMessage)
        {
            return new SequenceObservation(SequenceOutcome.Continuation, 0, false, incomplete);
        }

        return Classify(ref s, sequenceId, incomplete);
    }

    /// <summary>
    /// The direction of the flow of (<paramref name="eaxc"/>, <paramref name="plane"/>) that most recently received a
    /// message: a continuation fragment carries no common header, so its direction is that of the message it
    /// continues. False when neither direction was seen.
    /// </summary>
    public bool TryGetRecentDirection(ushort eaxc, MessagePlane plane, out DataDirection direction)
    {
        int ul = new FlowKey(eaxc, plane, DataDirection.Uplink).Index;
        var page = _pages[ul >> PageBits];
        direction = DataDirection.Uplink;
        if (page is null)
        {
            return false;
        }

        // UL and DL of one eAxC/plane are adjacent indices in the same page.
        ref var up = ref page[ul & (PageSize - 1)];
        ref var down = ref page[(ul | 1) & (PageSize - 1)];
        if (!up.Seen && !down.Seen)
        {
            return false;
        }

        direction = down.LastObserved > up.LastObserved ? DataDirection.Downlink : DataDirection.Uplink;
        return true;
    }

    /// <summary>Counts a continuation fragment that belongs to no known flow as an incomplete message.</summary>
    public void ObserveUnattributedContinuation() => _unattributed++;

    /// <summary>
    /// Ends the analysis for fragments: every message still waiting for its E = 1 fragment is incomplete. Returns the
    /// frame numbers of their first fragments. Cold path.
    /// </summary>
    public ImmutableArray<long> FlushOpenFragments()
    {
        var frames = ImmutableArray.CreateBuilder<long>();
        foreach (int index in _flows)
        {
            ref var s = ref StateOf(index);
            if (s.FragmentOpen)
            {
                s.FragmentOpen = false;
                s.FragmentsIncomplete++;
                frames.Add(s.FragmentFrame);
            }
        }

        return frames.ToImmutable();
    }

    /// <summary>Counts of one flow (zeros for a flow never seen).</summary>
    public FlowSequenceCounts CountsOf(FlowKey flow)
    {
        var page = _pages[flow.Index >> PageBits];
        if (page is null)
        {
            return new FlowSequenceCounts(flow, 0, 0, 0, 0, 0);
        }

        ref var s = ref page[flow.Index & (PageSize - 1)];
        return new FlowSequenceCounts(flow, s.Messages, s.Lost, s.Duplicate, s.OutOfOrder, s.FragmentsIncomplete);
    }

    /// <summary>Totals and per-flow counts so far. Cold path.</summary>
    public SequenceReport BuildReport()
    {
        var indices = _flows.ToArray();
        Array.Sort(indices);
        var flows = ImmutableArray.CreateBuilder<FlowSequenceCounts>(indices.Length);
        long received = 0, lost = 0, duplicate = 0, outOfOrder = 0, incomplete = _unattributed;
        foreach (int index in indices)
        {
            var counts = CountsOf(FlowKey.FromIndex(index));
            flows.Add(counts);
            received += counts.Received;
            lost += counts.Lost;
            duplicate += counts.Duplicate;
            outOfOrder += counts.OutOfOrder;
            incomplete += counts.FragmentsIncomplete;
        }

        return new SequenceReport(received, lost, duplicate, outOfOrder, incomplete, _unattributed, flows.MoveToImmutable());
    }

    private static SequenceObservation Classify(ref FlowSequenceState s, byte sequenceId, int incomplete)
    {
        s.Messages++;
        if (!s.Started)
        {
            s.Started = true; // both windows are still clear
            s.Expected = (byte)(sequenceId + 1);
            s.Received.Set(sequenceId);
            return new SequenceObservation(SequenceOutcome.First, 0, false, incomplete);
        }

        int d = (sequenceId - s.Expected) & 0xFF;
        if (d == 0)
        {
            Advance(ref s, sequenceId);
            return new SequenceObservation(SequenceOutcome.InOrder, 0, false, incomplete);
        }

        if (d < HalfWindow)
        {
            for (int i = 0; i < d; i++)
            {
                s.CountedLost.Set((s.Expected + i) & 0xFF);
            }

            s.Lost += d;
            Advance(ref s, sequenceId);
            return new SequenceObservation(SequenceOutcome.Lost, d, false, incomplete);
        }

        if (s.Received.Get(sequenceId))
        {
            s.Duplicate++;
            return new SequenceObservation(SequenceOutcome.Duplicate, 0, false, incomplete);
        }

        s.OutOfOrder++;
        s.Received.Set(sequenceId);
        bool retracted = s.CountedLost.Get(sequenceId);
        if (retracted)
        {
            s.CountedLost.Clear(sequenceId);
            s.Lost--;
        }

        return new SequenceObservation(SequenceOutcome.OutOfOrder, 0, retracted, incomplete);
    }

    /// <summary>
    /// Accepts <paramref name="sequenceId"/> (d = 0…127 ahead of E) as the newest id: E becomes id + 1, and the d + 1
    /// ids that enter the ahead half (old E + 128 … new E + 127) are cleared in both windows.
    /// </summary>
    private static void Advance(ref FlowSequenceState s, byte sequenceId)
    {
        int next = (sequenceId + 1) & 0xFF;
        int entering = (next - s.Expected) & 0xFF;
        int from = s.Expected + HalfWindow;
        for (int i = 0; i < entering; i++)
        {
            int id = (from + i) & 0xFF;
            s.Received.Clear(id);
            s.CountedLost.Clear(id);
        }

        s.Expected = (byte)next;
        s.Received.Set(sequenceId);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ref FlowSequenceState StateOf(int index)
    {
        var page = _pages[index >> PageBits] ??= new FlowSequenceState[PageSize];
        ref var s = ref page[index & (PageSize - 1)];
        if (!s.Seen)
        {
            s.Seen = true;
            _flows.Add(index);
        }

        return ref s;
    }
}
