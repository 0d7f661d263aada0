using OranTestbed.Analysis;
using OranTestbed.Analysis.Reports;
using OranTestbed.Capture;
using OranTestbed.Capture.Files;
using OranTestbed.Emulation;
using OranTestbed.Orchestration.Capture;

namespace OranTestbed.Orchestration.Emulated;

/// <summary>
/// The emulated bench's view of the link: a capture runs the O-DU/O-RU pair emulation for the capture's duration of air
/// time, streaming every frame straight into the analyzer (no file round trip), and keeps the first
/// <see cref="EvidenceLimitBytes"/> of frames as the capture file of the evidence (a 2 s capture of a 100 MHz 4T4R carrier
/// would be gigabytes). The O-RU's reception counters are left on the link for its driver to report, and the link's
/// emulated clock moves on by the capture's duration (the air time it took, whatever the wall time).
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
        Directory.CreateDirectory(request.EvidenceDirectory);
        var file = Path.Combine(request.EvidenceDirectory, "capture.pcap");
        if (options.DurationNanoseconds <= 0)
        {
            var silence = SampleAnalysis.Run(new NoFrames(), request.Profile, request.Tap, request.AnalyzeIq,
                cancellationToken: cancellationToken);
            link.RuIntervals = [];
            link.Clock.Advance(request.Duration);
            return new CaptureResult(silence, null);
        }

        options.Validate();
        var emulation = new PairEmulation(options);
        AnalysisReport report;
        using (var writer = new CaptureFileWriter(file))
        {
            var evidence = new EvidenceRecordingSource(emulation, writer, EvidenceLimitBytes);
            report = SampleAnalysis.Run(evidence, request.Profile, request.Tap, request.AnalyzeIq,
                cancellationToken: cancellationToken);
        }

        cancellationToken.ThrowIfCancellationRequested();
        link.RuCounters = emulation.RuCounters;
        link.RuIntervals = emulation.RuIntervals;
        link.Clock.Advance(request.Duration);
        return new CaptureResult(report, file);
    }

    /// <summary>The link carries no traffic (the O-DU never started it).</summary>
    private sealed class NoFrames : IFrameSource
    {
        public CaptureCompleteness Completeness => CaptureCompleteness.Whole;

        public bool TryReadNext(out CapturedFrame frame)
        {
            frame = default;
            return false;
        }
    }
}
