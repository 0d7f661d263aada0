using OranTestbed.Emulation.Tests.Support;

namespace OranTestbed.Emulation.Tests;

public sealed class AllocationSpecs
{
    [Test]
    public void Pair_emulation_must_not_allocate_per_frame_once_warm()
    {
        var options = Emulate.Options(Emulate.Profile("n78-100mhz-4t4r-liteon"), durationMs: 60);
        var emulation = new PairEmulation(options);
        for (int i = 0; i < 20_000 && emulation.TryReadNext(out _); i++)
        {
            // Warm-up: queues and the O-RU's burst plans reach their size.
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        long frames = 0;
        while (emulation.TryReadNext(out var frame))
        {
            frames += frame.Data.Length > 0 ? 1 : 0;
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.That(frames, Is.GreaterThan(15_000));
        Assert.That(allocated, Is.Zero, $"{allocated} bytes over {frames} frames");
    }
}
