using BenchmarkDotNet.Attributes;
using OranTestbed.Analysis;
using OranTestbed.Analysis.Reports;
using OranTestbed.Analysis.Rules;
using OranTestbed.Analysis.Verdicts;
using OranTestbed.Benchmarks.Reporting;
using OranTestbed.Capture.Files;
using OranTestbed.Fronthaul.Profiles;
using OranTestbed.Benchmarks.Generation;

namespace OranTestbed.Benchmarks.Benchmarks;

/// <summary>
/// <see cref="FronthaulAnalyzer"/> (decode, sequence, C/U correlation, PTP, rules; timing windows as far as the profile
/// gives them; and with <see cref="Iq"/> the IQ statistics) over the first <see cref="FramesPerInvoke"/> frames of the
/// benchmark capture held in memory with their timestamps: the analysis without file reading. One operation = one frame;
/// an invocation builds a fresh analyzer and its report, amortised over the frames. Profile:
/// <c>testplans/profiles/benchmark-273prb-bfp9.yaml</c>.
/// </summary>
[Config(typeof(FronthaulBenchmarkConfig))]
public class AnalyzerBenchmarks : IThroughputBenchmark
{
    public const int FramesPerInvoke = 1 << 16;

    private byte[] _buffer = [];
    private int[] _offsets = [];
    private int[] _lengths = [];
    private long[] _timestamps = [];
    private FronthaulProfile _profile = null!;

    [Params(false, true)]
    public bool Iq { get; set; }

    [Params(false, true)]
    public bool LargeExponents { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        CaptureFileReaderBenchmarks.EnsureCapture();
        _profile = TrafficProfile.FronthaulProfile;
        using var reader = new CaptureFileReader(CaptureFileReaderBenchmarks.CapturePath);
        var buffer = new MemoryStream();
        _offsets = new int[FramesPerInvoke];
        _lengths = new int[FramesPerInvoke];
        _timestamps = new long[FramesPerInvoke];
        int n = 0;
        while (n < FramesPerInvoke && reader.TryReadNext(out var frame))
        {
            _offsets[n] = (int)buffer.Length;
            _lengths[n] = frame.CapturedLength;
            _timestamps[n] = frame.TimestampNanoseconds;
            buffer.Write(frame.Data);
            n++;
        }

        if (n < FramesPerInvoke)
        {
            throw new InvalidOperationException($"the capture holds {n} frames; the benchmark analyses {FramesPerInvoke}");
        }

        _buffer = buffer.ToArray();
        if (LargeExponents && BfpExponentRewriter.Rewrite(_buffer, _offsets, _lengths, TrafficProfile.DecodeOptions) == 0)
        {
            throw new InvalidOperationException("the benchmark capture holds no BFP PRB to rewrite");
        }

        var report = Analyze();
        if (!LargeExponents && report.Verdict.Value != Verdict.Pass)
        {
            throw new InvalidOperationException("the benchmark capture must analyse as PASS, or the figures measure findings");
        }

        foreach (var finding in report.Findings)
        {
            if (finding.Rule != RuleCatalogue.CompBfpExponentRange && finding.Rule != RuleCatalogue.CompIqClipping)
            {
                throw new InvalidOperationException($"unexpected finding {finding.Rule.Id}: the figures would measure it");
            }
        }
    }

    public double BytesPerOperation(string benchmarkMethod) => (double)_buffer.Length / FramesPerInvoke;

    [Benchmark(OperationsPerInvoke = FramesPerInvoke)]
    public long AnalyzeFrames() => Analyze().Packets.Total;

    private AnalysisReport Analyze()
    {
        var analyzer = new FronthaulAnalyzer(_profile, analyzeIq: Iq);
        var buffer = _buffer.AsSpan();
        for (int i = 0; i < FramesPerInvoke; i++)
        {
            analyzer.Process(buffer.Slice(_offsets[i], _lengths[i]), _timestamps[i], i + 1);
        }

        return analyzer.BuildReport();
    }
}
