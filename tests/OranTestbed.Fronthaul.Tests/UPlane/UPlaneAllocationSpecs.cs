using OranTestbed.Fronthaul.Decoding;
using OranTestbed.Fronthaul.UPlane;
using OranTestbed.TestSupport;

namespace OranTestbed.Fronthaul.Tests.UPlane;

public class UPlaneAllocationSpecs
{
    [Test]
    public void UPlaneReader_must_not_allocate_while_reading_and_decompressing()
    {
        var frame = PcapFile.ReadAll(TestPaths.SharedCapture)[6];
        var options = new FronthaulDecodeOptions { UdCompHdrPresent = true };
        var iq = new int[48];
        var exponents = new byte[2];
        var truncated = frame.AsSpan(26, 20).ToArray();
        long total = 0;

        // Warm up (JIT), then measure.
        for (int round = 0; round < 2; round++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int n = 0; n < 100; n++)
            {
                var reader = new UPlaneReader(frame.AsSpan(26, 66), 26, options);
                while (reader.TryReadNext(out var s))
                {
                    s.DecompressTo(iq, exponents);
                    total += s.GetExponent(1);
                }

                var bad = new UPlaneReader(truncated, 26, options);
                while (bad.TryReadNext(out _))
                {
                }

                total += bad.Error.Offset;
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
