using OranTestbed.Plans.Iot;

namespace OranTestbed.Plans.Tests.Iot;

/// <summary>Thresholds are a comparison and a value in the metric's unit, kept exactly in the unit's base.</summary>
public class MetricThresholdSpecs
{
    [TestCase(">= 0.8", MetricUnit.Ratio, Comparison.GreaterOrEqual, "0.8", ">= 0.8")]
    [TestCase("<= 0.1%", MetricUnit.Ratio, Comparison.LessOrEqual, "0.001", "<= 0.001")]
    [TestCase("<= 1500ns", MetricUnit.Duration, Comparison.LessOrEqual, "1500", "<= 1500ns")]
    [TestCase("<= 1.5us", MetricUnit.Duration, Comparison.LessOrEqual, "1500", "<= 1500ns")]
    [TestCase("< 50ppb", MetricUnit.Ppb, Comparison.Less, "50", "< 50ppb")]
    [TestCase(">= 1.2Gbps", MetricUnit.Mbps, Comparison.GreaterOrEqual, "1200", ">= 1200Mbps")]
    [TestCase(">10", MetricUnit.Count, Comparison.Greater, "10", "> 10")]
    [TestCase("== false", MetricUnit.Boolean, Comparison.Equal, "0", "== false")]
    public void MetricThreshold_must_parse_each_unit(string text, MetricUnit unit, Comparison comparison, string value, string shown)
    {
        Assert.That(MetricThreshold.TryParse(text, unit, out var threshold, out string? error), Is.True, error);
        Assert.That(threshold, Is.EqualTo(new MetricThreshold(comparison, decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), unit)));
        Assert.That(threshold!.ToString(), Is.EqualTo(shown));
    }

    [TestCase("< 0", MetricUnit.Count, "'< 0' can never be met: a count is never below 0")]
    [TestCase(">= true", MetricUnit.Boolean, "'>= true': a true/false metric is compared with ==, e.g. == true")]
    [TestCase("<= 50", MetricUnit.Ppb, "'50' is not in ppb: write it with its unit, e.g. 50ppb")]
    [TestCase("<= 1500", MetricUnit.Duration, "'1500' has no unit, and a bare number is ambiguous (µs in xRAN and OAI files, ns in the YANG model): write 1500us or 1500ns (units ns, us, ms, s)")]
    [TestCase(">= 2.5", MetricUnit.Count, "'2.5' is not a count: write a whole number, e.g. >= 10")]
    public void MetricThreshold_must_say_why_a_threshold_is_wrong(string text, MetricUnit unit, string message)
    {
        Assert.That(MetricThreshold.TryParse(text, unit, out _, out string? error), Is.False);
        Assert.That(error, Is.EqualTo(message));
    }

    [Test]
    public void MetricThreshold_must_judge_a_measurement()
    {
        Assert.That(MetricThreshold.TryParse(">= 0.8", MetricUnit.Ratio, out var threshold, out _), Is.True);
        Assert.That(threshold!.IsMet(0.8m), Is.True);
        Assert.That(threshold.IsMet(0.79m), Is.False);
    }
}
