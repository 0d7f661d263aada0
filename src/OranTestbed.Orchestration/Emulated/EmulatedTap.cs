using OranTestbed.Analysis;
using OranTestbed.Capture.Files;
using OranTestbed.Emulation;
using OranTestbed.Orchestration.Capture;

namespace OranTestbed.Orchestration.Emulated;

/// <summary>
/// The emulated bench's view of the link: a capture runs the O-DU/O-RU pair emulation for the capture's duration of air
/// time, streaming every frame straight into the analyzer (no file round trip), and keeps the first
/// <see cref="EvidenceLimitBytes"/> of frames as the capture file of the evidence (a 2 s capture of a 100 MHz 4T4R carrier
/// would be gigabytes). The O-RU's reception counters are left on the link for its driver to report.
/// </summary>
public sealed class EmulatedTap(EmulatedLink link) : IFronthaulTap
{
    /// <summary>Frame bytes kept in <c>capture.pcap</c>: the start of the capture.</summary>
    public long EvidenceLimitBytes { get; init; } = 32L << 20;

    public Task<CaptureResult> CaptureAsync(CaptureRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Task.Run(() => Capture(request, cancellationToken), cancellationToken);
    }

    private CaptureResult Capture(CaptureRequest request, CancellationToken cancellationToken)
    {
        var options = new EmulationOptions
        {
            Profile = request.Profile,
            Du = link.Du,
            Ru = link.Ru,
            Seed = link.Seed,
            DurationNanoseconds = link.TrafficOn ? (long)request.Duration.TotalNanoseconds : 0,
            Tap = request.Tap,
            DownlinkTransportDelayNanoseconds = (long)(link.TransportDelay?.TotalNanoseconds ?? 2_000),
            UplinkTransportDelayNanoseconds = (long)(link.TransportDelay?.TotalNanoseconds ?? 2_000),
        };
        var analyzer = new FronthaulAnalyzer(request.Profile, request.Tap, analyzeIq: request.AnalyzeIq);
        Directory.CreateDirectory(request.EvidenceDirectory);
        var file = Path.Combine(request.EvidenceDirectory, "capture.pcap");
        if (options.DurationNanoseconds > 0)
        {
            options.Validate();
            var emulation = new PairEmulation(options);
            using var writer = new CaptureFileWriter(file);
            long kept = 0;
            while (emulation.TryReadNext(out var frame))
            {
                analyzer.Process(frame);
                if (kept < EvidenceLimitBytes)
                {
                    writer.Write(frame.Data, frame.TimestampNanoseconds);
                    kept += frame.Data.Length;
                }

                if ((frame.Number & 0xFFF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }
            }

            link.RuCounters = emulation.RuCounters;
        }

        return new CaptureResult(analyzer.BuildReport(), options.DurationNanoseconds > 0 ? file : null, Lossless: true);
    }
}
