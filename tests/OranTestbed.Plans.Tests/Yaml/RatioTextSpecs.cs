using CsCheck;
using OranTestbed.Plans.Yaml;

namespace OranTestbed.Plans.Tests.Yaml;

public class RatioTextSpecs
{
    [TestCase("0", "0")]
    [TestCase("0.001", "0.001")]
    [TestCase("1", "1")]
    [TestCase("0.1%", "0.001")]
    [TestCase("5 %", "0.05")]
    [TestCase("100%", "1")]
    public void RatioText_must_read_fractions_and_percentages_exactly(string text, string fraction)
    {
        Assert.That(RatioText.TryParse(text, out decimal actual, out string? error), Is.True, error);
        Assert.That(actual, Is.EqualTo(decimal.Parse(fraction, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [TestCase("1.5")]
    [TestCase("-0.1")]
    [TestCase("101%")]
    [TestCase("half")]
    [TestCase("%")]
    public void RatioText_must_refuse_values_outside_0_to_1(string text)
    {
        Assert.That(RatioText.TryParse(text, out _, out _), Is.False);
    }

    [Test]
    public void RatioText_must_read_a_percentage_as_a_hundredth_of_the_same_fraction()
    {
        Gen.Int[0, 100_000].Sample(n =>
        {
            decimal fraction = n / 100_000m;
            string asFraction = fraction.ToString(System.Globalization.CultureInfo.InvariantCulture);
            string asPercent = (fraction * 100).ToString(System.Globalization.CultureInfo.InvariantCulture) + "%";
            return RatioText.TryParse(asFraction, out decimal a, out _) && RatioText.TryParse(asPercent, out decimal b, out _)
                && a == fraction && b == fraction;
        });
    }
}
