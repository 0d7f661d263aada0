using OranTestbed.Analysis;
using OranTestbed.Capture;
using OranTestbed.Capture.Files;
using OranTestbed.Capture.Live;

namespace OranTestbed.Orchestration.Capture;

/// <summary>
/// A physical bench's capture: SharpPcap on the bench's interface for the capture's duration, every frame streamed
/// into the analyzer and the first <see cref="EvidenceLimitBytes"/> kept as <c>capture.pcap</c>. What the capture dropped
/// (libpcap's counters) goes into the verdict: findings the missing frames explain are INCONCLUSIVE, never FAIL or PASS.
/// </summary>
public sealed class LiveTap(string captureInterface, string? networkNamespace = null) : IFronthaulTap
{
    public long EvidenceLimitBytes { get; init; } = 256L << 20;

    public async Task<CaptureResult> CaptureAsync(CaptureRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var analyzer = SampleAnalysis.CreateAnalyzer(request.Profile, request.Tap, request.AnalyzeIq);
        Directory.CreateDirectory(request.EvidenceDirectory);
        var file = Path.Combine(request.EvidenceDirectory, "capture.pcap");
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stop.CancelAfter(request.Duration);
        using var source = LiveCaptureSource.Start(
            new LiveCaptureOptions { Interface = captureInterface, NetworkNamespace = networkNamespace }, cancellationToken: stop.Token);
        using (var writer = new CaptureFileWriter(file))
        {
            long kept = 0;
            await foreach (var batch in source.Batches.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
            {
                using (batch)
                {
                    foreach (var frame in batch)
                    {
                        analyzer.Process(in frame);
                        if (kept < EvidenceLimitBytes)
                        {
                            writer.Write(frame.Data, frame.TimestampNanoseconds, frame.OriginalLength);
                            kept += frame.Data.Length;
                        }
                    }
                }
            }
        }

        await source.StopAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return new CaptureResult(analyzer.BuildReport(CaptureCompleteness.FromLive(source.Health, source.Error?.Message)), file);
    }
}
