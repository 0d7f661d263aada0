using OranTestbed.Analysis.SPlane;

namespace OranTestbed.Analysis.Tests.SPlane;

/// <summary>
/// MTIE and TDEV against closed forms (sinusoid, white phase noise) and against straightforward O(N²) implementations of
/// the G.8260 Appendix I / G.810 definitions (random walk), and the 0.1 Hz low-pass filter's gain.
/// </summary>
public class TimeErrorMetricsSpecs
{
    private const double Tau0 = 1.0 / 16;

    [Test]
    public void Mtie_must_equal_2A_sin_pi_tau_over_T_for_a_sinusoid()
    {
        const double amplitude = 100, period = 20;
        var x = Series(16 * 200, k => amplitude * Math.Sin(2 * Math.PI * k * Tau0 / period));

        foreach (int n in new[] { 1, 4, 16, 64, 160, 320, 640 })
        {
            double tau = n * Tau0;
            double expected = tau <= period / 2 ? 2 * amplitude * Math.Abs(Math.Sin(Math.PI * tau / period)) : 2 * amplitude;
            Assert.That(TimeErrorMetrics.Mtie(x, n), Is.EqualTo(expected).Within(1e-6 * amplitude + (amplitude * (1 - Math.Cos(Math.PI * Tau0 / period)))),
                $"MTIE({tau} s)");
        }
    }

    [Test]
    public void Tdev_must_be_sigma_over_root_n_for_white_phase_noise()
    {
        const double sigma = 10;
        var random = new Random(17);
        var x = Series(200_000, _ => sigma * Gaussian(random));

        foreach (int n in new[] { 1, 2, 4, 16, 64 })
        {
            Assert.That(TimeErrorMetrics.Tdev(x, n), Is.EqualTo(sigma / Math.Sqrt(n)).Within(3).Percent, $"TDEV(n = {n})");
        }
    }

    [TestCase(1)]
    [TestCase(3)]
    [TestCase(10)]
    [TestCase(33)]
    public void Mtie_and_Tdev_must_agree_with_the_definitions_on_a_random_walk(int n)
    {
        var random = new Random(n);
        double phase = 0;
        var x = Series(100, _ => phase += Gaussian(random) * 5);

        Assert.Multiple(() =>
        {
            Assert.That(TimeErrorMetrics.Mtie(x, n), Is.EqualTo(NaiveMtie(x, n)).Within(1e-9));
            Assert.That(TimeErrorMetrics.Tdev(x, n), Is.EqualTo(NaiveTdev(x, n)).Within(1e-9).Percent);
        });
    }

    [Test]
    public void LowPass_must_pass_slow_wander_and_attenuate_fast_wander_as_a_first_order_0_1Hz_filter()
    {
        double Gain(double hz)
        {
            var x = Series(16 * 2000, k => Math.Sin(2 * Math.PI * hz * k * Tau0));
            var y = TimeErrorMetrics.LowPass(x, Tau0, 0.1);
            return y.Skip(16 * 1000).Max();
        }

        Assert.Multiple(() =>
        {
            Assert.That(Gain(0.01), Is.EqualTo(1 / Math.Sqrt(1 + 0.01)).Within(1).Percent);
            Assert.That(Gain(0.1), Is.EqualTo(1 / Math.Sqrt(2)).Within(2).Percent, "−3 dB at the corner");
            Assert.That(Gain(1), Is.EqualTo(1 / Math.Sqrt(101)).Within(5).Percent);
        });
    }

    [Test]
    public void Mtie_and_Tdev_must_refuse_intervals_longer_than_the_series_allows()
    {
        var x = new double[30];
        Assert.Multiple(() =>
        {
            Assert.That(() => TimeErrorMetrics.Mtie(x, 30), Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(() => TimeErrorMetrics.Tdev(x, 11), Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(TimeErrorMetrics.Mtie(x, 29), Is.Zero);
            Assert.That(TimeErrorMetrics.Tdev(x, 10), Is.Zero);
        });
    }

    [Test]
    public void FloorPacketPercentage_must_count_packets_within_150us_of_the_floor()
    {
        long second = 1_000_000_000, unit = 65536;
        var times = Enumerable.Range(0, 1000).Select(i => i * second / 4).ToArray();
        var delays = Enumerable.Range(0, 1000).Select(i => (i % 10 == 0 ? 100_000L : 400_000L) * unit).ToArray();

        Assert.That(TimeErrorMetrics.FloorPacketPercentage(times, delays, 200 * second, 150_000 * unit),
            Is.EqualTo(10).Within(0.3), "one packet in ten at the floor");
    }

    [Test]
    public void ExtremeMovingAverage_must_give_the_window_mean_of_largest_magnitude()
    {
        var x = Series(400, k => k < 100 ? -40 : k < 300 ? 10 : 0);

        Assert.Multiple(() =>
        {
            Assert.That(TimeErrorMetrics.ExtremeMovingAverage(x, 100), Is.EqualTo(-40), "the first 100 samples");
            Assert.That(TimeErrorMetrics.ExtremeMovingAverage(x, 200), Is.EqualTo(-15), "(−40·100 + 10·100)/200");
            Assert.That(TimeErrorMetrics.ExtremeMovingAverage(x, 1000), Is.EqualTo(-5), "a window longer than the series: its mean");
        });
    }

    private static double[] Series(int count, Func<int, double> value)
    {
        var x = new double[count];
        for (int k = 0; k < count; k++)
        {
            x[k] = value(k);
        }

        return x;
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static double NaiveMtie(double[] x, int n)
    {
        double best = 0;
        for (int k = 0; k + n < x.Length; k++)
        {
            double max = double.MinValue, min = double.MaxValue;
            for (int i = k; i <= k + n; i++)
            {
                max = Math.Max(max, x[i]);
                min = Math.Min(min, x[i]);
            }

            best = Math.Max(best, max - min);
        }

        return best;
    }

    private static double NaiveTdev(double[] x, int n)
    {
        int count = x.Length - (3 * n) + 1;
        double sum = 0;
        for (int j = 0; j < count; j++)
        {
            double inner = 0;
            for (int i = j; i < j + n; i++)
            {
                inner += x[i + (2 * n)] - (2 * x[i + n]) + x[i];
            }

            sum += inner * inner;
        }

        return Math.Sqrt(sum / (6.0 * n * n * count));
    }
}
