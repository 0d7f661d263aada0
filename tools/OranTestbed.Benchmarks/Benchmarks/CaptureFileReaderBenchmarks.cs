using BenchmarkDotNet.Attributes;
using OranTestbed.Benchmarks.Generation;
using OranTestbed.Benchmarks.Reporting;
using OranTestbed.Capture.Files;
using OranTestbed.Fronthaul.Decoding;
using OranTestbed.Fronthaul.Inspection;

namespace OranTestbed.Benchmarks.Benchmarks;

/// <summary>
/// <see cref="CaptureFileReader"/> (classic pcap through its 1 MiB window) over the 100 MB benchmark capture, the file in the page
/// cache: reading alone, and reading + <see cref="FrameDecoder"/> + <see cref="DecodeTally"/> (the core of
/// <c>decode --format count</c> without the command line). One operation = one frame; an invocation opens the file and
/// reads its first <see cref="FramesPerInvoke"/> frames (the open is amortised over them). The capture is
/// <c>$ORAN_BENCH_CAPTURE</c> or, when unset, generated once into the temp folder.
/// </summary>
[Config(typeof(FronthaulBenchmarkConfig))]
public class CaptureFileReaderBenchmarks : IThroughputBenchmark
{
    public const int FramesPerInvoke = 1 << 16;

    private string _path = string.Empty;
    private double _averageFrameBytes;

    public static string CapturePath =>
        Environment.GetEnvironmentVariable("ORAN_BENCH_CAPTURE") is { Length: > 0 } path
            ? path
            : Path.Combine(Path.GetTempPath(), "oran-testbed-bench", "oran-fh-273prb-bfp9.pcap");

    /// <summary>Generates the capture at <see cref="CapturePath"/> unless it exists.</summary>
    public static void EnsureCapture()
    {
        var path = CapturePath;
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            int status = CaptureGenerator.Run(["--out", path]);
            if (status != 0)
            {
                throw new InvalidOperationException($"could not generate {path}");
            }
        }
    }

    [GlobalSetup]
    public void Setup()
    {
        EnsureCapture();
        _path = CapturePath;

        long bytes = 0;
        int frames = 0;
        using (var reader = new CaptureFileReader(_path))
        {
            while (frames < FramesPerInvoke && reader.TryReadNext(out var frame))
            {
                bytes += frame.CapturedLength;
                frames++;
            }
        }

        if (frames < FramesPerInvoke)
        {
            throw new InvalidOperationException($"{_path} holds {frames} frames; the benchmark reads {FramesPerInvoke}");
        }

        _averageFrameBytes = (double)bytes / frames;
    }

    public double BytesPerOperation(string benchmarkMethod) => _averageFrameBytes;

    [Benchmark(OperationsPerInvoke = FramesPerInvoke)]
    public long Read()
    {
        long sum = 0;
        using var reader = new CaptureFileReader(_path);
        for (int n = 0; n < FramesPerInvoke && reader.TryReadNext(out var frame); n++)
        {
            sum += frame.CapturedLength + frame.TimestampNanoseconds;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = FramesPerInvoke)]
    public long ReadAndDecodeTally()
    {
        var tally = new DecodeTally();
        var options = TrafficProfile.DecodeOptions;
        using var reader = new CaptureFileReader(_path);
        for (int n = 0; n < FramesPerInvoke && reader.TryReadNext(out var frame); n++)
        {
            FrameDecoder.Decode(frame.Data, options, ref tally, out _);
        }

        return tally.UPlanePrbs + tally.MalformedFrames;
    }
}
