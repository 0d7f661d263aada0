using BenchmarkDotNet.Attributes;
using OranTestbed.Analysis;
using OranTestbed.Analysis.Reports;
using OranTestbed.Benchmarks.Generation;
using OranTestbed.Benchmarks.Reporting;
using OranTestbed.Emulation.SPlane;
using OranTestbed.Fronthaul.Profiles;

namespace OranTestbed.Benchmarks.Benchmarks;

/// <summary>
/// The S-plane time-error pass at its worst case: an hour of G.8275.1 PTP alone (two-step Sync + Follow_Up and
/// Delay_Req + Delay_Resp at 16/s, Announce at 8/s: 57,600 Syncs, 259,200 frames) through <see cref="FronthaulAnalyzer"/>
/// against the G.8273.2 class C mask, the master wandering 40 ns peak at 1/300 Hz. One operation = one frame; an
/// invocation builds a fresh analyzer and its report (so the metrics: max|TE|, cTE, dTE_L, MTIE and TDEV up to the hour).
/// <see cref="TimeScaleKnown"/> = false is the same traffic whose master leaves ptpTimescale unset: every message is
/// paired and kept as before, but no TE is placed and no metric is computed; the difference between the two rows is
/// the cost of the metrics. A fronthaul capture carries the same PTP per second among ~600k frames per second, so
/// the pass costs it per frame what this one costs per PTP frame divided by ~2,300.
/// </summary>
[Config(typeof(FronthaulBenchmarkConfig))]
public class TimeErrorBenchmarks : IThroughputBenchmark
{
    private const double Hour = 3600;

    private IReadOnlyList<(long UnixNanoseconds, byte[] Bytes)> _frames = [];
    private FronthaulProfile _profile = null!;

    [Params(true, false)]
    public bool TimeScaleKnown { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _frames = new TimeErrorTraffic
        {
            PtpTimescale = TimeScaleKnown,
            TapOffsetNs = t => 40 * Math.Sin(2 * Math.PI * t / (300.0 * TimeErrorTraffic.Second)),
        }.Run(Hour).Frames;
        TimeErrorMasks.TryGet(TimeErrorMasks.G8273ClassC, out var limits);
        _profile = TrafficProfile.FronthaulProfile with { SPlane = limits };

        var timeError = Analyze().Ptp.Clocks.Single(c => c.PortIdentity == TimeErrorTraffic.DefaultMaster).TimeError;
        if (timeError.Evaluated != TimeScaleKnown || (TimeScaleKnown && timeError.Pairs < 57_000))
        {
            throw new InvalidOperationException(
                $"time error evaluated {timeError.Evaluated} from {timeError.Pairs} pairs ({timeError.Reason}): the figures would measure something else");
        }
    }

    public double BytesPerOperation(string benchmarkMethod) => _frames.Average(f => f.Bytes.Length);

    [Benchmark(OperationsPerInvoke = 259_200)]
    public long AnalyzeAnHourOfPtp() => Analyze().Packets.Total;

    private AnalysisReport Analyze()
    {
        var analyzer = new FronthaulAnalyzer(_profile);
        long number = 0;
        foreach (var (timestamp, bytes) in _frames)
        {
            analyzer.Process(bytes, timestamp, ++number);
        }

        return analyzer.BuildReport();
    }
}
