using CsCheck;
using OranTestbed.Plans.Yaml;

namespace OranTestbed.Plans.Tests.Yaml;

public class DurationTextSpecs
{
    [TestCase("60us", 60_000L)]
    [TestCase("60 us", 60_000L)]
    [TestCase("60000ns", 60_000L)]
    [TestCase("60µs", 60_000L)]
    [TestCase("60\u03BCs", 60_000L)]
    [TestCase("0.5ms", 500_000L)]
    [TestCase("1.000000001s", 1_000_000_001L)]
    [TestCase("0.001us", 1L)]
    [TestCase("-2ms", -2_000_000L)]
    [TestCase("+3ns", 3L)]
    [TestCase("0ns", 0L)]
    [TestCase(" 7s ", 7_000_000_000L)]
    public void DurationText_must_parse_a_number_and_a_unit_to_exact_nanoseconds(string text, long nanoseconds)
    {
        Assert.That(DurationText.TryParse(text, out long actual, out string? error), Is.True, error);
        Assert.That(actual, Is.EqualTo(nanoseconds));
    }

    [TestCase("60", "has no unit")]
    [TestCase("60 minutes", "unknown unit 'minutes'")]
    [TestCase("60US", "unknown unit 'US'")]
    [TestCase("0.0001us", "not a whole number of nanoseconds")]
    [TestCase("1.5ns", "not a whole number of nanoseconds")]
    [TestCase("us", "is not a duration")]
    [TestCase(".5us", "is not a duration")]
    [TestCase("5.us", "is not a duration")]
    [TestCase("1.2.3us", "is not a duration")]
    [TestCase("1e3us", "unknown unit 'e3us'")]
    [TestCase("", "is empty")]
    [TestCase("99999999999999999999s", "too large")]
    public void DurationText_must_refuse_ambiguous_or_inexact_durations(string text, string why)
    {
        Assert.That(DurationText.TryParse(text, out _, out string? error), Is.False);
        Assert.That(error, Does.Contain(why));
    }

    [TestCase(60_000L, "60us")]
    [TestCase(1_500L, "1500ns")]
    [TestCase(2_000_000_000L, "2s")]
    [TestCase(0L, "0ns")]
    [TestCase(-125_000L, "-125us")]
    public void DurationText_must_format_in_the_largest_exact_unit(long nanoseconds, string text)
    {
        Assert.That(DurationText.Format(nanoseconds), Is.EqualTo(text));
    }

    [Test]
    public void DurationText_must_parse_back_what_it_formats_in_every_unit()
    {
        Gen.Select(Gen.Long[-4_000_000_000_000_000_000, 4_000_000_000_000_000_000], Gen.Enum<DurationUnit>())
            .Sample((ns, unit) =>
            {
                string text = DurationText.Format(ns, unit);
                return DurationText.TryParse(text, out long back, out _) && back == ns
                    && text.EndsWith(DurationText.Symbol(unit), StringComparison.Ordinal);
            });
    }

    [Test]
    public void DurationText_must_parse_back_its_shortest_form()
    {
        Gen.Long.Sample(ns => DurationText.TryParse(DurationText.Format(ns), out long back, out _) && back == ns);
    }
}
