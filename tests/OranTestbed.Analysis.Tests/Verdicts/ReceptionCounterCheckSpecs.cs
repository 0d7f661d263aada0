using OranTestbed.Analysis.Timing;
using OranTestbed.Analysis.Verdicts;

namespace OranTestbed.Analysis.Tests.Verdicts;

/// <summary>
/// The O-RU's rx-window reports against the analyzer's per-interval tallies: within max(2, 0.1 %) they agree, beyond it
/// the check fails naming the interval and the counter; intervals the capture does not cover are not evaluated, and with
/// none evaluated the check is INCONCLUSIVE, never PASS; an O-RU interval off the analyzer's grid is bounded by the grid
/// intervals inside and overlapping it.
/// </summary>
[TestFixture]
public sealed class ReceptionCounterCheckSpecs
{
    private const long S = 1_000_000_000;
    private const long T0 = 1_704_067_200L * S; // 2024-01-01T00:00:00Z

    /// <summary>A capture from 0.4 s to 3.7 s past T0 with 10 000 U-plane messages per whole second (10 late) and 1 000
    /// C-plane.</summary>
    private static ReceptionSeries Capture() => new(S, T0 + (S * 4 / 10), T0 + (S * 37 / 10),
    [
        new(T0, T0 + S, new(0, 5_990, 10), new(0, 600, 0)),
        new(T0 + S, T0 + (2 * S), new(0, 9_990, 10), new(0, 1_000, 0)),
        new(T0 + (2 * S), T0 + (3 * S), new(0, 9_990, 10), new(0, 1_000, 0)),
        new(T0 + (3 * S), T0 + (4 * S), new(0, 6_990, 10), new(0, 700, 0)),
    ], null);

    private static DeviceReceptionInterval Second(int second, long onTime, long late, ReceptionCounts? cplane = null) =>
        new(T0 + (second * S), T0 + ((second + 1) * S), new ReceptionCounts(0, onTime, late), cplane);

    [Test]
    public void Counts_within_the_tolerance_must_agree_and_partial_seconds_must_not_be_evaluated()
    {
        var result = ReceptionCounterCheck.Compare(Capture(),
            [Second(0, 5_990, 10), Second(1, 9_985, 12), Second(2, 9_990, 10, new(0, 1_000, 2)), Second(3, 6_990, 10)]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Pass), result.Reason);
            Assert.That(result.Intervals.Select(i => i.Verdict),
                Is.EqualTo(new[] { Verdict.Inconclusive, Verdict.Pass, Verdict.Pass, Verdict.Inconclusive }));
            Assert.That(result.Intervals[0].Detail, Does.StartWith("not within the capture"));
            Assert.That(result.Intervals[0].CaptureLow!.UPlane, Is.EqualTo(new ReceptionCounts(0, 5_990, 10)), "what the capture shows of it");
            Assert.That(ReceptionCounterCheck.Tolerance(10_000), Is.EqualTo(10));
            Assert.That(ReceptionCounterCheck.Tolerance(100), Is.EqualTo(2));
        }
    }

    [Test]
    public void A_count_beyond_the_tolerance_must_fail_naming_the_interval_and_the_counter()
    {
        var result = ReceptionCounterCheck.Compare(Capture(), [Second(1, 9_990, 10), Second(2, 9_990, 5, new(0, 1_000, 3))]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Fail));
            Assert.That(result.Reason, Does.Contain("[2024-01-01T00:00:02.000Z, 2024-01-01T00:00:03.000Z)"));
            Assert.That(result.Reason, Does.Contain("RX_LATE_C: O-RU 3, capture 0 (tolerance 2)"));
            Assert.That(result.Reason, Does.Not.Contain("RX_LATE: "), "5 of 10 late is within max(2, 0.1 % of 10 000)");
            Assert.That(ReceptionCounterCheck.Describe(result).ToList()[1],
                Does.StartWith("[2024-01-01T00:00:02.000Z, 2024-01-01T00:00:03.000Z): O-RU says U-plane early 0 / on time 9990 / late 5")
                    .And.Contain("capture shows U-plane early 0 / on time 9990 / late 10").And.Contain("DISAGREE"));
        }
    }

    [Test]
    public void O_ru_intervals_outside_the_capture_must_leave_the_check_inconclusive()
    {
        var result = ReceptionCounterCheck.Compare(Capture(), [Second(-5, 9_990, 10), Second(0, 5_990, 10), Second(9, 0, 0)]);
        var none = ReceptionCounterCheck.Compare(Capture(), []);
        var notAtRu = ReceptionCounterCheck.Compare(ReceptionSeries.NotAvailable("the capture was taken at the O-DU port"), [Second(1, 9_990, 10)]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Inconclusive));
            Assert.That(result.Reason, Does.Contain("none of the O-RU's 3 rx-window intervals lies within the capture"));
            Assert.That(none.Verdict, Is.EqualTo(Verdict.Inconclusive));
            Assert.That(none.Reason, Does.Contain("reported no rx-window interval"));
            Assert.That(notAtRu.Verdict, Is.EqualTo(Verdict.Inconclusive));
            Assert.That(notAtRu.Reason, Does.Contain("O-DU port"));
        }
    }

    [Test]
    public void An_o_ru_interval_off_the_grid_must_be_bounded_by_the_grid_intervals_inside_and_overlapping_it()
    {
        // 1.5 s .. 3.5 s: wholly contains second 2 (10 late), overlaps seconds 1 and 3 (30 late in all).
        var offGrid = new DeviceReceptionInterval(T0 + (S * 15 / 10), T0 + (S * 35 / 10), new ReceptionCounts(0, 19_980, 20), null);
        var tooMany = offGrid with { UPlane = new ReceptionCounts(0, 19_980, 80) };

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ReceptionCounterCheck.Compare(Capture(), [offGrid]).Verdict, Is.EqualTo(Verdict.Pass));
            Assert.That(ReceptionCounterCheck.Compare(Capture(), [tooMany]).Reason, Does.Contain("RX_LATE: O-RU 80, capture 10..30"));
        }
    }
}
