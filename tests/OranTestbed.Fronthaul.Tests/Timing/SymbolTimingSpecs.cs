using OranTestbed.Fronthaul.Timing;

namespace OranTestbed.Fronthaul.Tests.Timing;

/// <summary>TS 38.211 §5.3.1 symbol boundaries against fronthaul.md §4.3.</summary>
public class SymbolTimingSpecs
{
    // fronthaul.md §4.3: useful and CP lengths in Ts, long/normal symbol in ns (3 decimals), where the long symbols are
    // (slot/symbol within a subframe).
    [TestCase(0, 2048, 144, "71875.000", "71354.167", "0/0 0/7")]
    [TestCase(1, 1024, 72, "36197.917", "35677.083", "0/0 1/0")]
    [TestCase(2, 512, 36, "18359.375", "17838.542", "0/0 2/0")]
    [TestCase(3, 256, 18, "9440.104", "8919.271", "0/0 4/0")]
    [TestCase(4, 128, 9, "4980.469", "4459.635", "0/0 8/0")]
    public void SymbolTiming_must_match_the_symbol_table_of_fronthaul_4_3(int mu, int usefulTs, int cpTs, string longNs,
        string normalNs, string longAt)
    {
        var timing = SymbolTiming.For(mu);
        var expectedLong = longAt.Split(' ');

        Assert.Multiple(() =>
        {
            Assert.That(timing.SlotsPerSubframe, Is.EqualTo(1 << mu));
            Assert.That(timing.SymbolsPerSlot, Is.EqualTo(14));
            Assert.That(timing.UsefulTc, Is.EqualTo(usefulTs * 64L));
            Assert.That(timing.CyclicPrefixTc, Is.EqualTo(cpTs * 64L));
            Assert.That(timing.LongSymbolTc, Is.EqualTo((usefulTs + cpTs + 16) * 64L));
            Assert.That(Math.Round(NrTime.TcToNanosecondsExact(timing.LongSymbolTc), 3),
                Is.EqualTo(decimal.Parse(longNs, System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(Math.Round(NrTime.TcToNanosecondsExact(timing.NormalSymbolTc), 3),
                Is.EqualTo(decimal.Parse(normalNs, System.Globalization.CultureInfo.InvariantCulture)));
        });

        for (int slot = 0; slot < timing.SlotsPerSubframe; slot++)
        {
            for (int symbol = 0; symbol < 14; symbol++)
            {
                bool isLong = Array.IndexOf(expectedLong, $"{slot}/{symbol}") >= 0;
                Assert.That(timing.IsLongSymbol(slot, symbol), Is.EqualTo(isLong), $"slot {slot} symbol {symbol}");
                Assert.That(timing.SymbolDurationTc(slot, symbol),
                    Is.EqualTo(isLong ? timing.LongSymbolTc : timing.NormalSymbolTc), $"slot {slot} symbol {symbol}");
            }
        }
    }

    [Test]
    public void SymbolTiming_must_place_symbol_2_of_slot_1_of_subframe_at_71875ns_past_the_slot_at_mu_1()
    {
        // fronthaul.md §4.3: n = 2 → 36 197.917 + 35 677.083 = 71 875 ns; in Tc (1112 + 1096)·64 = 141 312 exactly.
        var timing = SymbolTiming.For(1);

        Assert.That(timing.SymbolStartTc(1, 2) - timing.SlotStartTc(1), Is.EqualTo(141_312));
        Assert.That(timing.SymbolStartNs(1, 2), Is.EqualTo(500_000 + 71_875));
    }

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    [TestCase(4)]
    public void SymbolTiming_must_fill_every_half_subframe_exactly(int mu)
    {
        var timing = SymbolTiming.For(mu);
        int slotsPerHalf = Math.Max(1, timing.SlotsPerSubframe / 2);
        long total = 0;
        for (int slot = 0; slot < timing.SlotsPerSubframe; slot++)
        {
            long slotSum = 0;
            for (int symbol = 0; symbol < timing.SymbolsPerSlot; symbol++)
            {
                slotSum += timing.SymbolDurationTc(slot, symbol);
            }

            Assert.That(slotSum, Is.EqualTo(timing.SlotDurationTc(slot)));
            total += slotSum;
            if ((slot + 1) % slotsPerHalf == 0 && mu > 0)
            {
                // Each 0.5 ms holds exactly 983 040 Tc, whatever µ (the 16κ of its first symbol included).
                Assert.That(total, Is.EqualTo(NrTime.TcPerHalfSubframe * ((slot + 1) / slotsPerHalf)), $"slot {slot}");
            }
        }

        Assert.That(total, Is.EqualTo(NrTime.TcPerSubframe));
        if (mu <= 1)
        {
            // Only here is every slot exactly 1 ms / 2^µ.
            Assert.That(timing.SlotDurationTc(timing.SlotsPerSubframe - 1), Is.EqualTo(NrTime.TcPerSubframe >> mu));
        }
    }

    [Test]
    public void SymbolTiming_must_start_odd_slots_after_their_nominal_time_at_mu_2()
    {
        // Slot 0 holds the 16κ extra: slot 1 starts at 1024 + 14·548·64 = 492 032 Tc, 512 Tc (260.4 ns) after 250 µs.
        var timing = SymbolTiming.For(2);

        Assert.That(timing.SlotStartTc(1), Is.EqualTo(492_032));
        Assert.That(timing.SlotStartTc(1) - (NrTime.TcPerSubframe / 4), Is.EqualTo(512));
        Assert.That(timing.SlotStartTc(2), Is.EqualTo(NrTime.TcPerHalfSubframe));
    }

    [Test]
    public void SymbolTiming_must_give_12_equal_symbols_per_slot_with_extended_cp()
    {
        var timing = SymbolTiming.For(2, CyclicPrefix.Extended);

        Assert.Multiple(() =>
        {
            Assert.That(timing.SymbolsPerSlot, Is.EqualTo(12));
            Assert.That(timing.SymbolsPerSubframe, Is.EqualTo(48));
            Assert.That(timing.CyclicPrefixTc, Is.EqualTo(512 * 64 / 4));
            Assert.That(timing.LongSymbolTc, Is.EqualTo(timing.NormalSymbolTc));
            // (512 + 128)·64 = 40 960 Tc = 20 833.333 ns; a slot is exactly 250 µs.
            Assert.That(timing.NormalSymbolTc, Is.EqualTo(40_960));
            Assert.That(timing.SlotDurationTc(1), Is.EqualTo(NrTime.TcPerSubframe / 4));
            Assert.That(timing.SymbolStartNs(3, 11), Is.EqualTo(NrTime.TcToNanoseconds(47 * 40_960L)));
            Assert.That(timing.IsLongSymbol(0, 0), Is.False);
        });
    }

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(3)]
    [TestCase(4)]
    public void SymbolTiming_must_reject_extended_cp_outside_mu_2(int mu) =>
        Assert.That(() => SymbolTiming.For(mu, CyclicPrefix.Extended), Throws.ArgumentException);

    [TestCase(-1)]
    [TestCase(5)]
    public void SymbolTiming_must_reject_unknown_numerology(int mu) =>
        Assert.That(() => SymbolTiming.For(mu), Throws.InstanceOf<ArgumentOutOfRangeException>());

    [Test]
    public void SymbolTiming_must_reject_symbol_beyond_the_slot_rather_than_alias_the_next_slot() =>
        Assert.That(() => SymbolTiming.For(1).SymbolStartTc(0, 14), Throws.InstanceOf<ArgumentOutOfRangeException>());

    [Test]
    public void NrTime_must_round_half_nanoseconds_up()
    {
        // Symbol 4 at µ = 0 starts at 141 312 + 3·140 288 = 562 176 Tc = 285 937.5 ns exactly: a tie, rounded up.
        Assert.That(SymbolTiming.For(0).SymbolStartTc(0, 4), Is.EqualTo(562_176));
        Assert.That(NrTime.TcToNanosecondsExact(562_176), Is.EqualTo(285_937.5m));
        Assert.That(SymbolTiming.For(0).SymbolStartNs(0, 4), Is.EqualTo(285_938));
        Assert.That(NrTime.TcToNanoseconds(-562_176), Is.EqualTo(-285_937));
        Assert.That(NrTime.TcToNanoseconds(1), Is.EqualTo(1)); // 0.5086 ns
        Assert.That(NrTime.TcToNanoseconds(-1), Is.EqualTo(-1));
        Assert.That(NrTime.TcToNanoseconds(NrTime.TcPerSecond), Is.EqualTo(1_000_000_000));
    }

    [Test]
    public void SymbolTiming_must_round_every_start_to_the_nearest_nanosecond_of_its_exact_value()
    {
        foreach (var (mu, cp) in new[] { (0, CyclicPrefix.Normal), (1, CyclicPrefix.Normal), (2, CyclicPrefix.Normal),
                     (2, CyclicPrefix.Extended), (3, CyclicPrefix.Normal), (4, CyclicPrefix.Normal) })
        {
            var timing = SymbolTiming.For(mu, cp);
            for (int slot = 0; slot < timing.SlotsPerSubframe; slot++)
            {
                for (int symbol = 0; symbol < timing.SymbolsPerSlot; symbol++)
                {
                    decimal exact = NrTime.TcToNanosecondsExact(timing.SymbolStartTc(slot, symbol));
                    long ns = timing.SymbolStartNs(slot, symbol);
                    Assert.That(ns - exact, Is.GreaterThan(-0.5m).And.LessThanOrEqualTo(0.5m), $"µ={mu} {cp} {slot}/{symbol}");
                }
            }
        }
    }
}
