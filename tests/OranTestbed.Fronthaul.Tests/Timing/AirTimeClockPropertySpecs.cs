using CsCheck;
using OranTestbed.Fronthaul.Timing;

namespace OranTestbed.Fronthaul.Tests.Timing;

/// <summary>CsCheck properties of <see cref="AirTimeClock"/> over every numerology, time scale, α and β.</summary>
public class AirTimeClockPropertySpecs
{
    private const long S = 1_000_000_000;

    // 1973-01-01 .. 2190-01-01 as Unix ns: the leap-second table's era and well beyond, inside the clock's range.
    private static readonly Gen<long> GenInstant = Gen.Long[94_694_400 * S, 6_942_499_200 * S];

    private static readonly Gen<AirTimeClock> GenClock = Gen.Select(
        Gen.OneOfConst((0, CyclicPrefix.Normal), (1, CyclicPrefix.Normal), (2, CyclicPrefix.Normal),
            (2, CyclicPrefix.Extended), (3, CyclicPrefix.Normal), (4, CyclicPrefix.Normal)),
        Gen.OneOfConst(TimeScale.Utc, TimeScale.Tai, TimeScale.Gps),
        Gen.Long[0, FrameAlignment.MaxAlphaNs], Gen.Int[short.MinValue, short.MaxValue],
        (n, scale, alpha, beta) => new AirTimeClock(n.Item1, n.Item2, scale, new FrameAlignment(alpha, beta)));

    // (subframe, slot, symbol) as raw values, folded into the clock's numerology by Fold.
    private static readonly Gen<(int Subframe, int Slot, int Symbol)> GenAddress =
        Gen.Select(Gen.Int[0, 9], Gen.Int[0, 15], Gen.Int[0, 13]);

    [Test]
    public void AirTimeClock_must_order_air_times_as_frame_subframe_slot_symbol() =>
        Gen.Select(GenClock, GenInstant, Gen.Long[0, 3], GenAddress, Gen.Long[0, 3], GenAddress)
            .Sample((clock, instant, frameA, rawA, frameB, rawB) =>
            {
                long first = clock.FrameAt(instant);
                var a = Fold(clock, rawA);
                var b = Fold(clock, rawB);
                long timeA = clock.SymbolStart(first + frameA, a.Subframe, a.Slot, a.Symbol);
                long timeB = clock.SymbolStart(first + frameB, b.Subframe, b.Slot, b.Symbol);
                int order = (frameA, a.Subframe, a.Slot, a.Symbol).CompareTo((frameB, b.Subframe, b.Slot, b.Symbol));

                Assert.That(Math.Sign(ToTai(clock, timeA).CompareTo(ToTai(clock, timeB))), Is.EqualTo(Math.Sign(order)));
            });

    [Test]
    public void AirTimeClock_must_resolve_a_timestamp_near_an_air_time_back_to_that_air_time() =>
        Gen.Select(GenClock, GenInstant, GenAddress, Gen.Long[-AirTimeClock.HalfWrapNs, AirTimeClock.HalfWrapNs - 1])
            .Sample((clock, instant, raw, offset) =>
            {
                long frame = clock.FrameAt(instant);
                var a = Fold(clock, raw);
                long air = clock.SymbolStart(frame, a.Subframe, a.Slot, a.Symbol);
                long packetTai = ToTai(clock, air) + offset;
                long packet = TimeScales.FromTai(packetTai, clock.TimeScale);
                if (ToTai(clock, packet) != packetTai)
                {
                    return; // the packet would fall inside an inserted leap second, which Unix time cannot name
                }

                var status = clock.Resolve((int)(frame & 255), a.Subframe, a.Slot, a.Symbol, packet, out var airTime);

                Assert.That(status, Is.EqualTo(AirTimeStatus.Ok));
                Assert.That(airTime, Is.EqualTo(new AirTime(frame, air, offset)));
            });

    [Test]
    public void AirTimeClock_must_report_offset_as_timestamp_minus_air_time() =>
        Gen.Select(GenClock, GenInstant, Gen.Int[0, 255], GenAddress).Sample((clock, packet, frameId, raw) =>
        {
            var a = Fold(clock, raw);

            var status = clock.Resolve(frameId, a.Subframe, a.Slot, a.Symbol, packet, out var airTime);

            Assert.That(status, Is.EqualTo(AirTimeStatus.Ok));
            Assert.That(airTime.FrameId, Is.EqualTo(frameId));
            Assert.That(airTime.OffsetNs, Is.InRange(-AirTimeClock.HalfWrapNs, AirTimeClock.HalfWrapNs - 1));
            Assert.That(airTime.TimeNs, Is.EqualTo(clock.SymbolStart(airTime.Frame, a.Subframe, a.Slot, a.Symbol)));
            // Elapsed time; equal to the plain difference except across a leap second on a UTC clock.
            Assert.That(airTime.OffsetNs, Is.EqualTo(ToTai(clock, packet) - ToTai(clock, airTime.TimeNs)));
            if (clock.TimeScale != TimeScale.Utc)
            {
                Assert.That(airTime.OffsetNs, Is.EqualTo(packet - airTime.TimeNs));
            }
        });

    private static (int Subframe, int Slot, int Symbol) Fold(AirTimeClock clock, (int Subframe, int Slot, int Symbol) raw) =>
        (raw.Subframe, raw.Slot % clock.Timing.SlotsPerSubframe, raw.Symbol % clock.Timing.SymbolsPerSlot);

    private static long ToTai(AirTimeClock clock, long timestampNs) => TimeScales.ToTai(timestampNs, clock.TimeScale);
}
