using OranTestbed.Fronthaul.Timing;

namespace OranTestbed.Fronthaul.Tests.Timing;

public class AirTimeClockSpecs
{
    private const long S = 1_000_000_000;
    private const long Ms = 1_000_000;

    // fronthaul.md §4.4 worked example. Derivation, independently of the code:
    //   GPS = UTC − 315 964 800 s + 18 s: 1 700 000 000.073 421 875 → 1 384 035 218.073 421 875 s since the GPS epoch;
    //   F = floor(that / 10 ms) = 138 403 521 807 = 540 638 757·256 + 15 → frameId 15, frame starts at …218.070 GPS;
    //   + subframe 3 (3 ms) + slot 1 (0.5 ms at µ = 1) + symbol 2 (36 197.917 + 35 677.083 = 71 875 ns)
    //   = …218.073 571 875 GPS = 1 700 000 000.073 571 875 UTC; offset = 73 421 875 − 73 571 875 = −150 µs.
    private const long ExamplePacketUtc = 1_700_000_000_073_421_875;
    private const long ExampleAirUtc = 1_700_000_000_073_571_875;
    private const long ExampleFrame = 138_403_521_807;

    [Test]
    public void AirTimeClock_must_place_symbol_2_of_slot_1_of_subframe_3_at_71875ns_past_the_slot()
    {
        var clock = new AirTimeClock(1);

        var status = clock.Resolve(15, 3, 1, 2, ExamplePacketUtc, out var airTime);

        Assert.That(status, Is.EqualTo(AirTimeStatus.Ok));
        Assert.That(airTime, Is.EqualTo(new AirTime(ExampleFrame, ExampleAirUtc, -150_000)));
        Assert.That(airTime.FrameId, Is.EqualTo(15));
        Assert.That(airTime.Sfn, Is.EqualTo((int)(ExampleFrame % 1024)));
        Assert.That(clock.FrameAt(ExamplePacketUtc), Is.EqualTo(ExampleFrame));
        Assert.That(clock.SymbolStart(ExampleFrame, 3, 1, 2), Is.EqualTo(ExampleAirUtc));
    }

    [Test]
    public void AirTimeClock_must_answer_symbol_start_and_offset_alone()
    {
        var clock = new AirTimeClock(1);

        Assert.That(clock.TrySymbolStart(15, 3, 1, 2, ExamplePacketUtc, out long air), Is.True);
        Assert.That(clock.TryOffset(15, 3, 1, 2, ExamplePacketUtc, out long offset), Is.True);
        Assert.That(air, Is.EqualTo(ExampleAirUtc));
        Assert.That(offset, Is.EqualTo(ExamplePacketUtc - ExampleAirUtc));
        Assert.That(clock.TryOffset(15, 3, 2, 2, ExamplePacketUtc, out offset), Is.False);
        Assert.That(offset, Is.Zero);
    }

    [Test]
    public void AirTimeClock_must_start_frame_0_at_the_gps_epoch()
    {
        // 1980-01-06T00:00:00 UTC: GPS − UTC = 0, so frame 0 (frameId 0) starts at Unix 315 964 800 s exactly.
        var clock = new AirTimeClock(0);

        Assert.That(clock.FrameAt(315_964_800 * S), Is.Zero);
        Assert.That(clock.FrameAt((315_964_800 * S) - 1), Is.EqualTo(-1));
        Assert.That(clock.SymbolStart(0, 0, 0, 0), Is.EqualTo(315_964_800 * S));
    }

    [Test]
    public void AirTimeClock_must_use_the_leap_seconds_of_the_day_before_2017()
    {
        // 2010-06-15T12:00:00.0043 UTC = Unix 1 276 603 200.0043; TAI − UTC = 34 ⇒ GPS − UTC = 15 s (not 18):
        //   GPS since epoch = 1 276 603 200.0043 − 315 964 800 + 15 = 960 638 415.0043 s,
        //   F = 96 063 841 500 = 375 249 380·256 + 220 → frameId 220, starting at 12:00:00.000 UTC exactly.
        //   µ = 0 symbol 4: 141 312 + 3·140 288 = 562 176 Tc = 285 937.5 ns → 285 938 (halves round up).
        var clock = new AirTimeClock(0);
        long packet = 1_276_603_200_004_300_000;

        Assert.That(clock.Resolve(220, 0, 0, 4, packet, out var airTime), Is.EqualTo(AirTimeStatus.Ok));
        Assert.That(airTime, Is.EqualTo(new AirTime(96_063_841_500, 1_276_603_200_000_285_938, 4_300_000 - 285_938)));

        // Had the 2017 value (18 s) been used the frame would be 300 frames later: frameId (220 + 44) mod 256 = 8.
        Assert.That(clock.Resolve(8, 0, 0, 4, packet, out var wrong), Is.EqualTo(AirTimeStatus.Ok));
        Assert.That(wrong.OffsetNs, Is.Not.InRange(-10 * Ms, 10 * Ms));
    }

    [Test]
    public void AirTimeClock_must_return_tai_air_time_for_a_tai_capture_clock()
    {
        // The same packet stamped by a PTP hardware clock on TAI (UTC + 37 s): air time on TAI, same offset.
        var clock = new AirTimeClock(1, timeScale: TimeScale.Tai);

        Assert.That(clock.Resolve(15, 3, 1, 2, ExamplePacketUtc + (37 * S), out var airTime), Is.EqualTo(AirTimeStatus.Ok));
        Assert.That(airTime, Is.EqualTo(new AirTime(ExampleFrame, ExampleAirUtc + (37 * S), -150_000)));
    }

    [Test]
    public void AirTimeClock_must_return_gps_air_time_for_a_gps_capture_clock()
    {
        var clock = new AirTimeClock(1, timeScale: TimeScale.Gps);

        Assert.That(clock.Resolve(15, 3, 1, 2, ExamplePacketUtc + (18 * S), out var airTime), Is.EqualTo(AirTimeStatus.Ok));
        Assert.That(airTime, Is.EqualTo(new AirTime(ExampleFrame, ExampleAirUtc + (18 * S), -150_000)));
    }

    [Test]
    public void AirTimeClock_must_shift_air_time_by_alpha()
    {
        var clock = new AirTimeClock(1, alignment: new FrameAlignment(1234, 0));

        Assert.That(clock.Resolve(15, 3, 1, 2, ExamplePacketUtc, out var airTime), Is.EqualTo(AirTimeStatus.Ok));
        Assert.That(airTime, Is.EqualTo(new AirTime(ExampleFrame, ExampleAirUtc + 1234, -151_234)));
    }

    [TestCase(3, 30 * Ms)] // frame grid 30 ms later: the frame labelled 15 is 3 frames later than without β
    [TestCase(-2, -20 * Ms)]
    [TestCase(256, 0)] // a whole wrap: same labels, same air time, F counted from 2.56 s later
    [TestCase(-32768, 0)] // −128 wraps
    public void AirTimeClock_must_shift_frames_by_beta(int beta, long shiftNs)
    {
        var clock = new AirTimeClock(1, alignment: new FrameAlignment(0, beta));

        Assert.That(clock.Resolve(15, 3, 1, 2, ExamplePacketUtc, out var airTime), Is.EqualTo(AirTimeStatus.Ok));
        Assert.That(airTime.TimeNs, Is.EqualTo(ExampleAirUtc + shiftNs));
        Assert.That(airTime.OffsetNs, Is.EqualTo(-150_000 - shiftNs));
        Assert.That(airTime.Frame, Is.EqualTo(ExampleFrame - beta + (shiftNs / (10 * Ms))));
        Assert.That(airTime.FrameId, Is.EqualTo(15));
    }

    [Test]
    public void AirTimeClock_must_resolve_frameId_255_to_the_frame_before_a_wrap()
    {
        var clock = new AirTimeClock(1);
        long wrapFrame = ExampleFrame - 15 + 256; // frameId 0
        long packet = clock.SymbolStart(wrapFrame, 0, 0, 0) + (100 * 1000); // 100 µs into frameId 0

        Assert.That(clock.Resolve(255, 9, 1, 13, packet, out var late), Is.EqualTo(AirTimeStatus.Ok));
        Assert.That(late.Frame, Is.EqualTo(wrapFrame - 1));
        Assert.That(late.TimeNs, Is.EqualTo(clock.SymbolStart(wrapFrame - 1, 9, 1, 13)));
        Assert.That(late.OffsetNs, Is.EqualTo(100_000 + 35_677)); // the last symbol lasts 35 677.083 ns
    }

    [Test]
    public void AirTimeClock_must_resolve_frameId_0_to_the_frame_after_a_wrap()
    {
        var clock = new AirTimeClock(1);
        long wrapFrame = ExampleFrame - 15 + 256;
        long air = clock.SymbolStart(wrapFrame, 0, 0, 0);
        long packet = air - (300 * 1000); // sent 300 µs ahead, during frameId 255

        Assert.That(clock.Resolve(0, 0, 0, 0, packet, out var early), Is.EqualTo(AirTimeStatus.Ok));
        Assert.That(early, Is.EqualTo(new AirTime(wrapFrame, air, -300_000)));
    }

    [Test]
    public void AirTimeClock_must_resolve_exactly_half_a_wrap_either_way_to_the_later_frame()
    {
        // Tie rule: offsets lie in [−1.28 s, +1.28 s); a packet exactly 1.28 s from two candidate frames takes the
        // later one and counts as 1.28 s early.
        var clock = new AirTimeClock(1);
        long air = clock.SymbolStart(ExampleFrame, 3, 1, 2);
        long half = AirTimeClock.HalfWrapNs;

        clock.Resolve(15, 3, 1, 2, air + half, out var after);
        clock.Resolve(15, 3, 1, 2, air + half - 1, out var justBefore);
        clock.Resolve(15, 3, 1, 2, air - half, out var before);
        clock.Resolve(15, 3, 1, 2, air - half - 1, out var beyond);

        Assert.That(half, Is.EqualTo(1_280 * Ms));
        Assert.That(after, Is.EqualTo(new AirTime(ExampleFrame + 256, air + (2 * half), -half)));
        Assert.That(justBefore, Is.EqualTo(new AirTime(ExampleFrame, air, half - 1)));
        Assert.That(before, Is.EqualTo(new AirTime(ExampleFrame, air, -half)));
        Assert.That(beyond, Is.EqualTo(new AirTime(ExampleFrame - 256, air - (2 * half), half - 1)));
    }

    [Test]
    public void AirTimeClock_must_measure_offset_in_elapsed_time_across_a_leap_second()
    {
        // Air time 2016-12-31T23:59:59.990 UTC (a frame boundary: GPS − UTC = 17 s, whole); packet at
        // 2017-01-01T00:00:00.100 UTC. Unix time says 0.110 s apart but 1.110 s elapsed: the leap second 23:59:60 between.
        var clock = new AirTimeClock(1);
        long air = 1_483_228_799_990_000_000;
        long frame = clock.FrameAt(air);
        long packet = 1_483_228_800_100_000_000;

        Assert.That(clock.SymbolStart(frame, 0, 0, 0), Is.EqualTo(air));
        Assert.That(clock.Resolve((int)(frame % 256), 0, 0, 0, packet, out var airTime), Is.EqualTo(AirTimeStatus.Ok));
        Assert.That(airTime, Is.EqualTo(new AirTime(frame, air, 1_110 * Ms)));
    }

    [Test]
    public void AirTimeClock_must_place_extended_cp_symbols()
    {
        var clock = new AirTimeClock(2, CyclicPrefix.Extended);
        long subframe = clock.SymbolStart(ExampleFrame, 3, 0, 0);

        // Slot 3 symbol 11 = symbol 47 of the subframe: 47·40 960 Tc = 979 166.667 ns → 979 167.
        Assert.That(clock.SymbolStart(ExampleFrame, 3, 3, 11) - subframe, Is.EqualTo(979_167));
        Assert.That(clock.Validate(15, 3, 3, 12), Is.EqualTo(AirTimeStatus.SymbolOutOfRange));
        Assert.That(clock.Validate(15, 3, 3, 11), Is.EqualTo(AirTimeStatus.Ok));
    }

    [TestCase(1, 256, 0, 0, 0, AirTimeStatus.FrameIdOutOfRange)]
    [TestCase(1, -1, 0, 0, 0, AirTimeStatus.FrameIdOutOfRange)]
    [TestCase(1, 0, 10, 0, 0, AirTimeStatus.SubframeOutOfRange)]
    [TestCase(1, 0, 15, 0, 0, AirTimeStatus.SubframeOutOfRange)]
    [TestCase(1, 0, 0, 2, 0, AirTimeStatus.SlotOutOfRange)]
    [TestCase(0, 0, 0, 1, 0, AirTimeStatus.SlotOutOfRange)]
    [TestCase(4, 0, 0, 15, 13, AirTimeStatus.Ok)]
    [TestCase(4, 0, 0, 16, 0, AirTimeStatus.SlotOutOfRange)]
    [TestCase(1, 0, 0, 0, 14, AirTimeStatus.SymbolOutOfRange)]
    [TestCase(1, 0, 0, 0, -1, AirTimeStatus.SymbolOutOfRange)]
    [TestCase(1, 255, 9, 1, 13, AirTimeStatus.Ok)]
    public void AirTimeClock_must_report_fields_out_of_range_for_the_numerology(int mu, int frameId, int subframe,
        int slot, int symbol, AirTimeStatus expected)
    {
        var clock = new AirTimeClock(mu);

        Assert.That(clock.Resolve(frameId, subframe, slot, symbol, ExamplePacketUtc, out var airTime), Is.EqualTo(expected));
        if (expected != AirTimeStatus.Ok)
        {
            Assert.That(airTime, Is.EqualTo(default(AirTime)));
        }
    }

    [TestCase(63_071_999_999_999_999L, AirTimeStatus.TimestampOutOfRange)] // 1971-12-31T23:59:59.999999999
    [TestCase(63_072_000_000_000_000L, AirTimeStatus.Ok)]
    [TestCase(0L, AirTimeStatus.TimestampOutOfRange)]
    [TestCase(long.MaxValue, AirTimeStatus.TimestampOutOfRange)]
    [TestCase(7_258_118_399_999_999_999L, AirTimeStatus.Ok)]
    public void AirTimeClock_must_report_timestamps_outside_1972_to_2199(long packet, AirTimeStatus expected)
    {
        foreach (var scale in new[] { TimeScale.Utc, TimeScale.Tai, TimeScale.Gps })
        {
            Assert.That(new AirTimeClock(1, timeScale: scale).Resolve(0, 0, 0, 0, packet, out _), Is.EqualTo(expected));
        }
    }

    [Test]
    public void FrameAlignment_must_reject_alpha_beyond_a_frame_and_beta_beyond_16_bits()
    {
        Assert.That(() => new FrameAlignment(-1, 0), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(() => new FrameAlignment(10 * Ms, 0), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(() => new FrameAlignment(0, 32768), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(() => new FrameAlignment(0, -32769), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(new FrameAlignment((10 * Ms) - 1, -32768).TotalNs, Is.EqualTo((10 * Ms) - 1 - (327_680 * Ms)));
    }

    [TestCase(0L, 0L)]
    [TestCase(1L, 1L)] // 0.814 ns
    [TestCase(12_288L, 10_000L)] // 12 288 units = 10 µs exactly
    [TestCase(12_287_999L, 9_999_999L)] // 9 999 999.19 ns
    [TestCase(384L, 313L)] // 312.5 ns: halves round up
    public void FrameAlignment_must_convert_oran_gps_alpha_units_of_1_over_1_2288_ns(long units, long alphaNs) =>
        Assert.That(FrameAlignment.FromGpsAlphaUnits(units, 5), Is.EqualTo(new FrameAlignment(alphaNs, 5)));
}
