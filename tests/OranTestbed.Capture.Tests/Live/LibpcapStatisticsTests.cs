using OranTestbed.Capture.Live;
using OranTestbed.Capture.Tests.Live.Support;
using OranTestbed.TestSupport.Live;
using SharpPcap;
using SharpPcap.LibPcap;

namespace OranTestbed.Capture.Tests.Live;

/// <summary>Kernel ring drops must be seen: our pcap_stats call against SharpPcap 6.3.1's misread one.</summary>
[TestFixture]
[Category("Live")]
[NonParallelizable]
public sealed class LibpcapStatisticsTests
{
    [Test]
    public void LibpcapNative_must_count_kernel_ring_drops_that_SharpPcap_reports_as_zero()
    {
        const int count = 20_000;
        using var link = VethLink.Create();

        // A 1 MB ring that nobody reads: most of the frames must be dropped by the kernel.
        LivePcapDevice? device = null;
        var opener = new Thread(() =>
        {
            ThreadNetworkNamespace.EnterOnCurrentThread(link.NamespaceA, link.InterfaceA);
            var candidate = new LivePcapDevice(LiveDeviceOpener.Find(link.InterfaceA, link.NamespaceA, out _));
            LiveDeviceOpener.Open(candidate, new DeviceConfiguration { BufferSize = 1 << 20, ReadTimeout = 10 },
                link.NamespaceA, []);
            device = candidate;
        });
        opener.Start();
        opener.Join();
        Assert.That(device, Is.Not.Null);
        using var capture = device!;

        using (var sender = LiveFrameSender.Open(link.InterfaceB, link.NamespaceB))
        {
            var buffer = new byte[256];
            for (var i = 0; i < count; i++)
            {
                sender.Send(buffer.AsSpan(0, LiveFrames.WriteEcpri(buffer, i)));
            }
        }

        var sharpPcap = (PcapStatistics)capture.Statistics;
        Assert.That(LibpcapNative.TryGetStatistics(capture, out var ours), Is.True);
        TestContext.Out.WriteLine($"pcap_stats: received {ours.Received}, dropped {ours.Dropped}; SharpPcap: {sharpPcap}");
        Assert.Multiple(() =>
        {
            Assert.That(ours.Received, Is.EqualTo(count));
            Assert.That(ours.Dropped, Is.GreaterThan(count / 2));
            Assert.That(sharpPcap.ReceivedPackets, Is.EqualTo(count));
            Assert.That(sharpPcap.DroppedPackets, Is.Zero,
                "SharpPcap 6.3.1 misreads ps_drop on 64-bit Unix; if this fails it was fixed and LibpcapNative can go");
        });
    }
}
