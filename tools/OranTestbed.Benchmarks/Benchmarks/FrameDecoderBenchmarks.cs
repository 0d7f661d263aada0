using BenchmarkDotNet.Attributes;
using OranTestbed.Benchmarks.Generation;
using OranTestbed.Benchmarks.Reporting;
using OranTestbed.Fronthaul.Decoding;
using OranTestbed.Fronthaul.Inspection;

namespace OranTestbed.Benchmarks.Benchmarks;

/// <summary>
/// The reader core: <see cref="FrameDecoder.Decode{TVisitor}"/> with the counting <see cref="DecodeTally"/> over the
/// generated frames held in memory (no file, no output). One operation = one frame; each invocation decodes
/// <see cref="FramesPerInvoke"/> frames, continuing cyclically through the working set. Working sets: 4 MB (cache
/// resident, the pure decode cost) and the whole 100 MB capture (frames stream from DRAM as they would from a capture).
/// Targets (issue 2): ≥ 3 GB/s per core on the 100 MB 1500-byte capture and ≥ 2 Mframes/s on 1500-byte frames.
/// </summary>
[Config(typeof(FronthaulBenchmarkConfig))]
public class FrameDecoderBenchmarks : IThroughputBenchmark
{
    public const int FramesPerInvoke = 1 << 16;

    private FrameSet _frames = null!;
    private FronthaulDecodeOptions _options = null!;
    private int _cursor;

    [Params(Workloads.Mtu1500, Workloads.Jumbo)]
    public string Traffic { get; set; } = Workloads.Mtu1500;

    [Params(4, 100)]
    public int WorkingSetMB { get; set; } = 100;

    [GlobalSetup]
    public void Setup()
    {
        _frames = Workloads.Frames(Traffic, WorkingSetMB * 1_000_000L);
        _options = TrafficProfile.DecodeOptions;
        _cursor = 0;

        // Every frame must decode cleanly, or the figures would measure the error path.
        var tally = new DecodeTally();
        for (int i = 0; i < _frames.Count; i++)
        {
            FrameDecoder.Decode(_frames[i], _options, ref tally, out _);
        }

        if (tally.MalformedFrames != 0)
        {
            throw new InvalidOperationException($"{tally.MalformedFrames} generated frames did not decode");
        }
    }

    /// <summary>Average frame bytes over the frames one invocation decodes (the whole set, cyclically).</summary>
    public double BytesPerOperation(string benchmarkMethod) => _frames.AverageFrameBytes;

    [Benchmark(OperationsPerInvoke = FramesPerInvoke)]
    public long DecodeTally()
    {
        var tally = new DecodeTally();
        var buffer = _frames.Buffer.AsSpan();
        var offsets = _frames.Offsets;
        var lengths = _frames.Lengths;
        var options = _options;
        int i = _cursor;
        for (int n = 0; n < FramesPerInvoke; n++)
        {
            FrameDecoder.Decode(buffer.Slice(offsets[i], lengths[i]), options, ref tally, out _);
            if (++i == offsets.Length)
            {
                i = 0;
            }
        }

        _cursor = i;
        return tally.UPlanePrbs + tally.CPlaneSections + tally.PtpMessages;
    }

    /// <summary>The loop alone (one byte read per frame): the floor under <see cref="DecodeTally"/>.</summary>
    [Benchmark(OperationsPerInvoke = FramesPerInvoke)]
    public long LoopOverhead()
    {
        long sum = 0;
        var buffer = _frames.Buffer.AsSpan();
        var offsets = _frames.Offsets;
        var lengths = _frames.Lengths;
        int i = _cursor;
        for (int n = 0; n < FramesPerInvoke; n++)
        {
            sum += buffer.Slice(offsets[i], lengths[i])[20];
            if (++i == offsets.Length)
            {
                i = 0;
            }
        }

        _cursor = i;
        return sum;
    }
}
