using OranTestbed.Analysis.Timing;

namespace OranTestbed.Analysis.Tests.Timing;

public class OffsetStatisticsSpecs
{
    [Test]
    public void OffsetStatistics_must_bin_by_floor_and_count_offsets_outside_the_histogram()
    {
        var statistics = new OffsetStatistics();
        statistics.Add(-500, TimingClass.OnTime); // −0.5 µs → bin −1
        statistics.Add(0, TimingClass.OnTime);
        statistics.Add(999, TimingClass.OnTime);
        statistics.Add((OffsetStatistics.HistogramMinUs * 1000L) - 1, TimingClass.Early);
        statistics.Add(OffsetStatistics.HistogramMaxUs * 1000L, TimingClass.Late);
        Assert.Multiple(() =>
        {
            Assert.That(statistics.NonEmptyBins(), Is.EqualTo(new[] { new HistogramBin(-1, 1), new HistogramBin(0, 2) }));
            Assert.That((statistics.Underflow, statistics.Overflow), Is.EqualTo((1L, 1L)));
            Assert.That(statistics.PercentileNs(0.2), Is.EqualTo(statistics.MinNs), "rank 1 is in the underflow");
            Assert.That(statistics.PercentileNs(0.4), Is.EqualTo(-1000), "the lower edge of bin −1");
            Assert.That(statistics.PercentileNs(1.0), Is.EqualTo(statistics.MaxNs));

            var inside = new OffsetStatistics();
            inside.Add(-500, TimingClass.OnTime);
            Assert.That(inside.PercentileNs(0.5), Is.EqualTo(-500), "the bin edge (−1 µs) is clamped into [min, max]");
        });
    }
}
