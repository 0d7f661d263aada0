using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Logging;
using OranTestbed.Analysis.Reports;
using OranTestbed.Capture;
using OranTestbed.Capture.Files;
using OranTestbed.Fronthaul.Profiles;

namespace OranTestbed.Analysis;

/// <summary>
/// The one entry point from traffic to a verdict: a frame source, the fronthaul profile and the tap in, the report with
/// its verdict out (completeness of the capture folded in by <see cref="Verdicts.SampleVerdict"/>). The CLI's
/// <c>analyze</c> and <c>emulate --analyze</c>, the orchestrator's taps and the server's re-analysis of uploaded
/// evidence all come through here (or, for a live capture's pushed batches, through the same
/// <see cref="FronthaulAnalyzer.BuildReport"/> with the live completeness), so they cannot disagree.
/// </summary>
public static class SampleAnalysis
{
    /// <summary>How often (in frames) a long analysis looks at its cancellation token.</summary>
    private const long CancellationCheckMask = 0xFFFF;

    /// <summary>An analyzer for <paramref name="profile"/> at <paramref name="tap"/> (the profile's own when null), also
    /// comparing the capture with <paramref name="oruConfiguration"/> (what the O-RU states over its M-plane) when given.</summary>
    public static FronthaulAnalyzer CreateAnalyzer(FronthaulProfile profile, CaptureTap? tap = null, bool analyzeIq = false,
        ILogger? logger = null, FronthaulProfile? oruConfiguration = null) =>
        new(profile, tap, logger, analyzeIq: analyzeIq, oruConfiguration: oruConfiguration);

    /// <summary>
    /// Reads <paramref name="source"/> to its end (or until <paramref name="cancellationToken"/>: the sample is then cut
    /// short, never PASS) and judges it.
    /// </summary>
    public static AnalysisReport Run(IFrameSource source, FronthaulProfile profile, CaptureTap? tap = null,
        bool analyzeIq = false, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(profile);
        var analyzer = CreateAnalyzer(profile, tap, analyzeIq, logger);
        return Run(source, analyzer, cancellationToken);
    }

    /// <summary>
    /// A capture file (pcap or pcapng) judged whole; false with the reason when it cannot be opened as a capture at all
    /// (a file that breaks part-way is analysed up to the break and INCONCLUSIVE).
    /// </summary>
    public static bool TryRunFile(string path, FronthaulProfile profile, [NotNullWhen(true)] out AnalysisReport? report,
        [NotNullWhen(false)] out string? error, CaptureTap? tap = null, bool analyzeIq = false,
        CancellationToken cancellationToken = default)
    {
        CaptureFileReader reader;
        try
        {
            reader = new CaptureFileReader(path);
        }
        catch (CaptureFileException e)
        {
            report = null;
            error = e.Message;
            return false;
        }

        using (reader)
        {
            report = Run(reader, profile, tap, analyzeIq, cancellationToken: cancellationToken);
            error = null;
            return true;
        }
    }

    /// <summary>As <see cref="Run(IFrameSource, FronthaulProfile, CaptureTap?, bool, ILogger?, CancellationToken)"/>
    /// with an analyzer the caller made (to watch its progress).</summary>
    public static AnalysisReport Run(IFrameSource source, FronthaulAnalyzer analyzer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(analyzer);
        bool interrupted = false;
        while (source.TryReadNext(out var frame))
        {
            analyzer.Process(in frame);
            if ((analyzer.Frames & CancellationCheckMask) == 0 && cancellationToken.IsCancellationRequested)
            {
                interrupted = true;
                break;
            }
        }

        var completeness = source.Completeness;
        if (interrupted && completeness.CutShort is null)
        {
            completeness = completeness with { CutShort = $"interrupted after {analyzer.Frames} frame(s)" };
        }

        return analyzer.BuildReport(completeness);
    }
}
