using System.Diagnostics;
using OranTestbed.Capture.Live;
using OranTestbed.Capture.Tests.Live.Support;
using OranTestbed.Capture.Tests.Support;
using OranTestbed.TestSupport.Live;
using SharpPcap;

namespace OranTestbed.Capture.Tests.Live;

/// <summary>Live capture over a veth pair between two namespaces: frames injected in B, captured in A.</summary>
[TestFixture]
[Category("Live")]
[NonParallelizable]
public sealed class LiveCaptureSourceTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private VethLink _link = null!;

    [SetUp]
    public void SetUp() => _link = VethLink.Create();

    [TearDown]
    public void TearDown() => _link.Dispose();

    [Test]
    public async Task LiveCaptureSource_must_deliver_every_injected_frame_in_order_with_increasing_nanosecond_timestamps()
    {
        const int count = 2000;
        var logger = new RecordingLogger();
        await using var source = LiveCaptureSource.Start(Options(), logger);
        Assert.That(source.TimestampResolution, Is.EqualTo(TimestampResolution.Nanosecond),
            "libpcap must grant nanosecond timestamps on Linux");

        var sent = new List<byte[]>(count);
        using (var sender = LiveFrameSender.Open(_link.InterfaceB, _link.NamespaceB))
        {
            var buffer = new byte[256];
            for (var i = 0; i < count; i++)
            {
                var length = LiveFrames.WriteEcpri(buffer, i);
                sent.Add(buffer[..length]);
                sender.Send(buffer.AsSpan(0, length));
            }

            Assert.That(sender.FramesSent, Is.EqualTo(count));
        }

        var frames = await LiveFrames.CollectAsync(source, count, Timeout);
        await source.StopAsync();
        var health = source.Health;

        Assert.That(frames, Has.Count.EqualTo(count));
        for (var i = 0; i < count; i++)
        {
            Assert.That(frames[i].Data, Is.EqualTo(sent[i]), $"frame {i}");
            Assert.That(frames[i].Number, Is.EqualTo(i + 1));
            if (i > 0)
            {
                Assert.That(frames[i].Timestamp, Is.GreaterThan(frames[i - 1].Timestamp), $"timestamp of frame {i}");
            }
        }

        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000L;
        Assert.That(frames[0].Timestamp, Is.InRange(now - 60_000_000_000L, now), "timestamps are Unix nanoseconds");
        Assert.That(frames.Exists(f => f.Timestamp % 1000 != 0), Is.True, "nanosecond digits are present");
        Assert.Multiple(() =>
        {
            Assert.That(health.IsLossless, Is.True, health.ToString());
            Assert.That(health.FramesCaptured, Is.EqualTo(count));
            Assert.That(health.FramesDelivered, Is.EqualTo(count));
            Assert.That(health.KernelReceived, Is.EqualTo(count));
            Assert.That(health.KernelDropped, Is.Zero);
            Assert.That(health.ConsumerDroppedFrames, Is.Zero);
            Assert.That(logger.Entries.Select(e => e.Id.Id), Does.Contain(1020).And.Contain(1021));
        });
    }

    [Test]
    public async Task LiveCaptureSource_must_apply_the_bpf_filter_in_the_kernel()
    {
        await using var source = LiveCaptureSource.Start(Options() with { Filter = "ether proto 0x88f7" });
        using (var sender = LiveFrameSender.Open(_link.InterfaceB, _link.NamespaceB))
        {
            var buffer = new byte[256];
            for (var i = 0; i < 100; i++)
            {
                var length = LiveFrames.WriteEcpri(buffer, i);
                sender.Send(buffer.AsSpan(0, length));
                var ptp = TestFrames.Untagged(TestFrames.PtpEtherType, 44, (byte)i);
                sender.Send(ptp);
            }
        }

        var frames = await LiveFrames.CollectAsync(source, 100, Timeout);
        await source.StopAsync();
        Assert.That(frames, Has.Count.EqualTo(100));
        Assert.That(source.Health.FramesCaptured, Is.EqualTo(100), "no eCPRI frame got through");
        Assert.That(frames.TrueForAll(f => f.Data[12] == 0x88 && f.Data[13] == 0xF7), Is.True);
        Assert.That(source.Health.KernelReceived, Is.EqualTo(100), "frames rejected by the filter are not counted");
    }

    [Test]
    public void LiveCaptureSource_must_name_the_available_interfaces_when_the_interface_is_missing()
    {
        var e = Assert.Throws<LiveCaptureException>(() =>
            LiveCaptureSource.Start(Options() with { Interface = "otb-no-such0" }))!;
        Assert.Multiple(() =>
        {
            Assert.That(e.Kind, Is.EqualTo(LiveCaptureErrorKind.NoSuchInterface));
            Assert.That(e.AvailableInterfaces, Does.Contain(_link.InterfaceA));
            Assert.That(e.Message, Does.Contain("otb-no-such0").And.Contain(_link.InterfaceA).And.Contain(_link.NamespaceA));
        });
    }

    [Test]
    public void LiveCaptureSource_must_report_a_missing_namespace()
    {
        var e = Assert.Throws<LiveCaptureException>(() =>
            LiveCaptureSource.Start(Options() with { NetworkNamespace = "otb-missing-namespace" }))!;
        Assert.That(e.Kind, Is.EqualTo(LiveCaptureErrorKind.NoSuchNamespace));
        Assert.That(e.Message, Does.Contain("ip netns list"));
    }

    [Test]
    public void LiveCaptureSource_must_report_an_interface_that_is_down()
    {
        VethLink.SetDown(_link.NamespaceA, _link.InterfaceA);
        var e = Assert.Throws<LiveCaptureException>(() => LiveCaptureSource.Start(Options()))!;
        Assert.That(e.Kind, Is.EqualTo(LiveCaptureErrorKind.InterfaceDown));
        Assert.That(e.Message, Does.Contain("ip link set " + _link.InterfaceA + " up"));
    }

    [Test]
    public void LiveCaptureSource_must_reject_a_bad_filter()
    {
        var e = Assert.Throws<LiveCaptureException>(() =>
            LiveCaptureSource.Start(Options() with { Filter = "ether proto nonsense" }))!;
        Assert.That(e.Kind, Is.EqualTo(LiveCaptureErrorKind.BadFilter));
        Assert.That(e.Message, Does.Contain("ether proto nonsense"));
    }

    [Test]
    public async Task LiveCaptureSource_must_stop_promptly_when_cancelled_and_complete_its_batches()
    {
        using var cts = new CancellationTokenSource();
        await using var source = LiveCaptureSource.Start(Options(), cancellationToken: cts.Token);
        var watch = Stopwatch.StartNew();
        await cts.CancelAsync();
        await source.Completion.WaitAsync(TimeSpan.FromSeconds(2));
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromMilliseconds(500)));
        Assert.That(source.Batches.Completion.IsCompleted, Is.True);
        Assert.That(source.Error, Is.Null);
        Assert.That(source.Health.StatisticsAvailable, Is.True);
    }

    [Test]
    public async Task LiveCaptureSource_must_stream_200k_frames_without_allocating_per_frame()
    {
        // The capture thread's own allocation counter (GC.GetAllocatedBytesForCurrentThread, sampled at each batch)
        // is exact and immune to what the test, the sender and the runtime allocate elsewhere. A per-frame object
        // (SharpPcap's PcapHeader + PosixTimeval alone are 64 B) would cost 12.8 MB here; we allow 64 KB for the
        // once-per-second statistics. Measured from the 50 000th frame on: the first batches rent their buffers
        // (ArrayPool allocates them on first use), which is a one-off cost, not a per-frame one. A consumer that lags (a
        // loaded machine) makes the bounded pool create a batch later: its buffers are subtracted, counted exactly.
        const int count = 200_000;
        await using var source = LiveCaptureSource.Start(Options() with { KernelBufferBytes = 64 << 20 });
        var received = 0L;
        var bytes = 0L;
        var allocatedAtWarmUp = -1L;
        var batchesAtWarmUp = 0;
        var consumer = Task.Run(async () =>
        {
            await foreach (var batch in source.Batches.ReadAllAsync())
            {
                using (batch)
                {
                    foreach (var frame in batch)
                    {
                        received++;
                        bytes += frame.CapturedLength;
                    }
                }

                if (allocatedAtWarmUp < 0 && received >= 50_000)
                {
                    allocatedAtWarmUp = source.CaptureThreadAllocatedBytes;
                    batchesAtWarmUp = source.BatchesCreated;
                }

                if (received >= count)
                {
                    break;
                }
            }
        });

        using (var sender = LiveFrameSender.Open(_link.InterfaceB, _link.NamespaceB))
        {
            var buffer = new byte[256];
            for (var i = 0; i < count; i++)
            {
                var length = LiveFrames.WriteEcpri(buffer, i);
                sender.Send(buffer.AsSpan(0, length));
            }
        }

        await consumer.WaitAsync(TimeSpan.FromSeconds(30));
        int grown = source.BatchesCreated - batchesAtWarmUp;
        long growth = grown * (source.Options.BatchBytes + (source.Options.MaxFramesPerBatch * 32L) + 256);
        var allocated = source.CaptureThreadAllocatedBytes - allocatedAtWarmUp - growth;
        await source.StopAsync();
        var health = source.Health;
        TestContext.Out.WriteLine($"capture thread allocated {allocated} B for the last {count - 50_000} frames besides {grown} batches the pool grew by; {health}");
        Assert.Multiple(() =>
        {
            Assert.That(received, Is.EqualTo(count));
            Assert.That(health.IsLossless, Is.True, health.ToString());
            Assert.That(allocated, Is.LessThan(64 * 1024));
        });
    }

    [Test]
    public async Task LiveCaptureSource_must_count_frames_it_drops_when_the_consumer_does_not_read()
    {
        const int count = 1000;
        await using var source = LiveCaptureSource.Start(Options() with
        {
            MaxFramesPerBatch = 16,
            BatchQueueCapacity = 2,
            BatchesHeldByConsumer = 0,
        });
        using (var sender = LiveFrameSender.Open(_link.InterfaceB, _link.NamespaceB))
        {
            var buffer = new byte[256];
            for (var i = 0; i < count; i++)
            {
                sender.Send(buffer.AsSpan(0, LiveFrames.WriteEcpri(buffer, i)));
            }
        }

        await source.StopAsync();
        var health = source.Health;
        Assert.Multiple(() =>
        {
            Assert.That(health.FramesCaptured, Is.EqualTo(count));
            Assert.That(health.FramesDelivered, Is.LessThanOrEqualTo(2 * 16));
            Assert.That(health.ConsumerDroppedFrames, Is.EqualTo(count - health.FramesDelivered));
            Assert.That(health.KernelDropped, Is.Zero);
            Assert.That(health.IsLossless, Is.False);
            Assert.That(health.TotalDropped, Is.EqualTo(health.ConsumerDroppedFrames));
        });
    }

    private LiveCaptureOptions Options() => new()
    {
        Interface = _link.InterfaceA,
        NetworkNamespace = _link.NamespaceA,
        KernelBufferBytes = 16 << 20,
    };
}
