using OranTestbed.Analysis.Flows;
using OranTestbed.Analysis.Sequence;

namespace OranTestbed.Analysis.Tests.Sequence;

public class SequenceTrackerSpecs
{
    private static readonly FlowKey UlU = new(0x0001, MessagePlane.UPlane, DataDirection.Uplink);
    private static readonly FlowKey DlU = new(0x0001, MessagePlane.UPlane, DataDirection.Downlink);
    private static readonly FlowKey DlC = new(0x0001, MessagePlane.CPlane, DataDirection.Downlink);

    private static FlowSequenceCounts Feed(params int[] ids)
    {
        var tracker = new SequenceTracker();
        long frame = 0;
        foreach (int id in ids)
        {
            tracker.Observe(UlU, (byte)id, eBit: true, subsequenceId: 0, ++frame);
        }

        return tracker.CountsOf(UlU);
    }

    [Test]
    public void SequenceTracker_must_count_nothing_on_a_clean_stream_across_three_wraps()
    {
        var ids = Enumerable.Range(250, 700).Select(i => i & 0xFF).ToArray();
        Assert.That(Feed(ids), Is.EqualTo(new FlowSequenceCounts(UlU, 700, 0, 0, 0, 0)));
    }

    [Test]
    public void SequenceTracker_must_count_lost_messages_across_the_255_to_0_wrap()
    {
        // 253, 254, [255, 0, 1 lost], 2, 3
        Assert.That(Feed(253, 254, 2, 3), Is.EqualTo(new FlowSequenceCounts(UlU, 4, 3, 0, 0, 0)));
    }

    [Test]
    public void SequenceTracker_must_count_each_gap_by_its_missing_messages()
    {
        Assert.That(Feed(0, 1, 3, 4, 10, 11).Lost, Is.EqualTo(1 + 5));
    }

    [Test]
    public void SequenceTracker_must_count_a_repeated_message_as_duplicate_not_lost()
    {
        Assert.That(Feed(5, 6, 6, 7, 5), Is.EqualTo(new FlowSequenceCounts(UlU, 5, 0, 2, 0, 0)));
    }

    [Test]
    public void SequenceTracker_must_count_a_swap_as_one_out_of_order_and_no_loss()
    {
        Assert.That(Feed(1, 2, 4, 3, 5), Is.EqualTo(new FlowSequenceCounts(UlU, 5, 0, 0, 1, 0)));
    }

    [Test]
    public void SequenceTracker_must_tell_a_late_arrival_across_the_wrap_from_a_duplicate()
    {
        // 254, [255 late], 0, 1, 255 (late: out of order), 255 again (duplicate)
        Assert.That(Feed(254, 0, 1, 255, 255), Is.EqualTo(new FlowSequenceCounts(UlU, 5, 0, 1, 1, 0)));
    }

    [Test]
    public void SequenceTracker_must_forget_ids_older_than_half_the_window()
    {
        // After 200 in-order ids, id 0 is 72 ahead of expected again (200 -> 255 -> 0 wraps): a gap, not a duplicate.
        var ids = Enumerable.Range(0, 200).Concat([0]).ToArray();
        var counts = Feed(ids);
        Assert.That(counts.Duplicate, Is.Zero);
        Assert.That(counts.Lost, Is.EqualTo(56));
    }

    [Test]
    public void SequenceTracker_must_classify_each_observation()
    {
        var tracker = new SequenceTracker();
        SequenceOutcome Next(int id) => tracker.Observe(UlU, (byte)id, true, 0, 1).Outcome;
        Assert.Multiple(() =>
        {
            Assert.That(Next(10), Is.EqualTo(SequenceOutcome.First));
            Assert.That(Next(11), Is.EqualTo(SequenceOutcome.InOrder));
            Assert.That(Next(14), Is.EqualTo(SequenceOutcome.Lost));
            Assert.That(Next(12), Is.EqualTo(SequenceOutcome.OutOfOrder));
            Assert.That(Next(12), Is.EqualTo(SequenceOutcome.Duplicate));
            Assert.That(Next(15), Is.EqualTo(SequenceOutcome.InOrder));
        });
    }

    [Test]
    public void SequenceTracker_must_keep_flows_independent_per_eaxc_plane_and_direction()
    {
        var tracker = new SequenceTracker();
        var other = new FlowKey(0x0002, MessagePlane.UPlane, DataDirection.Uplink);
        for (int i = 0; i < 10; i++)
        {
            tracker.Observe(UlU, (byte)i, true, 0, 1);
            tracker.Observe(DlU, (byte)(100 + i), true, 0, 1);
            tracker.Observe(DlC, (byte)(200 + (2 * i)), true, 0, 1); // every other id: 9 gaps of 1
            tracker.Observe(other, (byte)(50 + i), true, 0, 1);
        }

        var report = tracker.BuildReport();
        Assert.Multiple(() =>
        {
            Assert.That(report.Flows.Select(f => f.Flow), Is.EqualTo(new[] { DlC, UlU, DlU, other }));
            Assert.That(tracker.CountsOf(UlU).Lost, Is.Zero);
            Assert.That(tracker.CountsOf(DlU).Lost, Is.Zero);
            Assert.That(tracker.CountsOf(DlC).Lost, Is.EqualTo(9));
            Assert.That(report.Lost, Is.EqualTo(9));
            Assert.That(report.Received, Is.EqualTo(40));
        });
    }

    [Test]
    public void SequenceTracker_must_accept_complete_fragment_chains_as_one_message()
    {
        var tracker = new SequenceTracker();
        tracker.Observe(UlU, 7, false, 0, 1);
        tracker.Observe(UlU, 7, false, 1, 2);
        tracker.Observe(UlU, 7, true, 2, 3);
        tracker.Observe(UlU, 8, true, 0, 4);
        Assert.That(tracker.CountsOf(UlU), Is.EqualTo(new FlowSequenceCounts(UlU, 2, 0, 0, 0, 0)));
        Assert.That(tracker.FlushOpenFragments(), Is.Empty);
    }

    [Test]
    public void SequenceTracker_must_report_a_subsequence_gap_once()
    {
        var tracker = new SequenceTracker();
        tracker.Observe(UlU, 7, false, 0, 1);
        var gap = tracker.Observe(UlU, 7, false, 2, 2);
        tracker.Observe(UlU, 7, true, 3, 3);
        tracker.Observe(UlU, 8, true, 0, 4);
        Assert.That(gap.FragmentsIncomplete, Is.EqualTo(1));
        Assert.That(tracker.CountsOf(UlU).FragmentsIncomplete, Is.EqualTo(1));
        Assert.That(tracker.CountsOf(UlU).Lost, Is.Zero);
    }

    [Test]
    public void SequenceTracker_must_report_a_message_without_its_last_fragment_when_the_next_begins()
    {
        var tracker = new SequenceTracker();
        tracker.Observe(UlU, 7, false, 0, 1);
        tracker.Observe(UlU, 7, false, 1, 2);
        var next = tracker.Observe(UlU, 8, true, 0, 3);
        Assert.That(next.FragmentsIncomplete, Is.EqualTo(1));
        Assert.That(next.Outcome, Is.EqualTo(SequenceOutcome.InOrder));
    }

    [Test]
    public void SequenceTracker_must_report_a_continuation_whose_first_fragment_was_lost_and_keep_its_sequence()
    {
        var tracker = new SequenceTracker();
        tracker.Observe(UlU, 6, true, 0, 1);
        var orphan = tracker.Observe(UlU, 7, false, 1, 2);
        tracker.Observe(UlU, 7, true, 2, 3);
        tracker.Observe(UlU, 8, true, 0, 4);
        Assert.That(orphan.FragmentsIncomplete, Is.EqualTo(1));
        Assert.That(tracker.CountsOf(UlU), Is.EqualTo(new FlowSequenceCounts(UlU, 3, 0, 0, 0, 1)));
    }

    [Test]
    public void SequenceTracker_must_report_a_fragment_left_open_at_the_end()
    {
        var tracker = new SequenceTracker();
        tracker.Observe(UlU, 7, false, 0, 42);
        Assert.That(tracker.FlushOpenFragments(), Is.EqualTo(new long[] { 42 }));
        Assert.That(tracker.CountsOf(UlU).FragmentsIncomplete, Is.EqualTo(1));
    }

    [Test]
    public void SequenceTracker_must_not_allocate_once_its_flows_are_known()
    {
        var tracker = new SequenceTracker();
        for (int i = 0; i < 300; i++)
        {
            tracker.Observe(UlU, (byte)i, true, 0, i);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100_000; i++)
        {
            tracker.Observe(UlU, (byte)(i * 3), (i & 1) == 0, (byte)(i & 1), i);
        }

        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
    }
}
