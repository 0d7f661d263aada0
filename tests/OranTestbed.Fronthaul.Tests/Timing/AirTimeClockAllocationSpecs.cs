using OranTestbed.Fronthaul.Timing;

namespace OranTestbed.Fronthaul.Tests.Timing;

public class AirTimeClockAllocationSpecs
{
    [Test]
    public void AirTimeClock_must_not_allocate_while_resolving_air_times()
    {
        AirTimeClock[] clocks =
        [
            new(1), new(0, timeScale: TimeScale.Tai), new(4, timeScale: TimeScale.Gps, alignment: new FrameAlignment(7, -3)),
            new(2, CyclicPrefix.Extended), new(3, timeScale: TimeScale.Utc, alignment: new FrameAlignment(0, 100)),
        ];
        long packet = 1_700_000_000_073_421_875;
        long total = 0;

        // Warm up (JIT, static tables), then measure.
        for (int round = 0; round < 2; round++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int n = 0; n < 20_000; n++)
            {
                var clock = clocks[n % clocks.Length];
                int slot = n % clock.Timing.SlotsPerSubframe;
                int symbol = n % clock.Timing.SymbolsPerSlot;
                if (clock.Resolve(n & 255, n % 10, slot, symbol, packet + (n * 1000L), out var airTime) == AirTimeStatus.Ok)
                {
                    total += airTime.OffsetNs & 1;
                }

                total += clock.TrySymbolStart(n & 255, 3, 0, 2, packet, out long air) ? air & 1 : 0;
                total += clock.TryOffset(n & 255, 12, 0, 0, packet, out long offset) ? 1 : offset; // invalid subframe
                total += (long)clock.Validate(n, 0, 0, 0);
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            if (round == 1)
            {
                Assert.That(allocated, Is.Zero);
            }
        }

        Assert.That(total, Is.GreaterThan(0));
    }
}
