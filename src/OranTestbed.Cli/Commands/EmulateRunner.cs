using System.Globalization;
using OranTestbed.Analysis;
using OranTestbed.Analysis.Reports;
using OranTestbed.Capture;
using OranTestbed.Capture.Files;
using OranTestbed.Capture.Live;
using OranTestbed.Emulation;
using OranTestbed.Emulation.Live;
using OranTestbed.Emulation.Reports;

namespace OranTestbed.Cli.Commands;

/// <summary>
/// Runs an <see cref="EmulateRequest"/>: the pair's frames go to a pcap file or, paced in real time, to an interface;
/// with <c>--analyze</c> every frame also goes straight into a <see cref="FronthaulAnalyzer"/> at the same tap.
/// Prints what was emulated, the O-RU's reception counters and the defects injected.
/// </summary>
internal static class EmulateRunner
{
    /// <summary>How long after the command starts the first live slot begins (time to open the interface and compile).</summary>
    public static readonly TimeSpan LiveLead = TimeSpan.FromMilliseconds(500);

    public static int Run(EmulateRequest request, TextWriter output, TextWriter diagnostics,
        CancellationToken cancellationToken)
    {
        var options = request.Options;
        var analyzer = request.Analyze ? SampleAnalysis.CreateAnalyzer(options.Profile, options.EffectiveTap) : null;
        output.WriteLine(Invariant(
            $"emulate   {options.Du.Id} (O-DU) + {options.Ru.Id} (O-RU) on {options.Profile.Name}, seed {options.Seed}, {options.DurationNanoseconds / 1e6:0.###} ms of air time, tap {Tap(options)}"));
        PairEmulation emulation;
        string destination;
        try
        {
            if (request.OutFile is { } path)
            {
                emulation = new PairEmulation(options);
                using (var writer = new CaptureFileWriter(path))
                {
                    while (emulation.TryReadNext(out var frame))
                    {
                        writer.Write(frame.Data, frame.TimestampNanoseconds);
                        analyzer?.Process(frame);
                    }

                    // Flushed here, inside the try: a disk that fills on the last buffer is reported, not claimed.
                    writer.Complete();
                }

                destination = $"wrote {path}";
            }
            else if (request.Interface is null)
            {
                // --analyze alone: the frames go straight into the analyzer, nowhere else.
                emulation = new PairEmulation(options);
                while (emulation.TryReadNext(out var frame))
                {
                    analyzer!.Process(frame);
                }

                destination = "analyzed in-process (no file written)";
            }
            else
            {
                var clock = new RealTimeClock(LivePacing.Precise);
                using var sender = LiveFrameSender.Open(request.Interface!, request.NetworkNamespace);
                emulation = LiveEmulation.PairOnHostClock(LiveEmulation.StartingSoon(options, clock, LiveLead));
                var sent = LiveEmulation.Replay(new Analyzed(emulation, analyzer), sender, clock, cancellationToken);
                destination = Invariant(
                    $"sent on {request.Interface}{(request.NetworkNamespace is { } ns ? $" (netns {ns})" : "")}: {sent.LateFrames} frame(s) more than {LiveSendStatistics.LateThresholdNs / 1000} µs late, the latest {sent.MaxLatenessNs / 1000.0:0.#} µs");
            }
        }
        catch (CaptureFileException ex)
        {
            // An incomplete capture is worse than none (it would analyze as a truncated file): remove it.
            bool removed = ex.Kind == CaptureFileErrorKind.WriteFailed && TryDelete(request.OutFile!);
            diagnostics.WriteLine($"oran-testbed emulate: {ex.Message}{(removed ? $"; {request.OutFile} was removed" : string.Empty)}");
            return ExitCodes.CannotCreate;
        }
        catch (LiveCaptureException ex)
        {
            diagnostics.WriteLine($"oran-testbed emulate: {ex.Message}");
            if (ex.Message.Contains("Message too long", StringComparison.Ordinal))
            {
                diagnostics.WriteLine(
                    $"oran-testbed emulate: the interface's MTU is below the products' (settings.mtu of {options.Du.Id} / {options.Ru.Id}); raise it, e.g. ip link set {request.Interface} mtu 9000");
            }

            return ExitCodes.Unavailable;
        }

        var report = emulation.BuildReport();
        WriteSummary(output, report, destination);
        if (analyzer is null)
        {
            return ExitCodes.Success;
        }

        var analysis = analyzer.BuildReport();
        output.WriteLine("analysis  (in-process, same tap)");
        AnalysisSummaryWriter.Write(output, analysis);
        return AnalyzeRunner.ExitCodeOf(analysis.Verdict.Value);
    }

    private static bool TryDelete(string path)
    {
        try
        {
            File.Delete(path);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static void WriteSummary(TextWriter output, EmulationReport report, string destination)
    {
        output.WriteLine(Invariant(
            $"frames    {report.Frames} ({report.DuFrames} O-DU, {report.RuFrames} O-RU, {report.PtpFrames} PTP), {report.Bytes} bytes, {(report.LastTimestampNanoseconds - report.FirstTimestampNanoseconds) / 1e6:0.###} ms; {destination}"));
        var w = report.Windows;
        output.WriteLine(Invariant(
            $"windows   O-DU advance: DL C-plane {w.DlCPlaneAdvance}, UL C-plane {w.UlCPlaneAdvance}, DL U-plane {w.DlUPlaneAdvance}; O-RU UL U-plane delay {w.UlUPlaneDelay}"));
        var c = report.RuCounters;
        output.WriteLine(Invariant(
            $"o-ru rx   {c.Received} C/U-plane messages: {Counts(c.T2aCpDl, "t2a-cp-dl")}; {Counts(c.T2aCpUl, "t2a-cp-ul")}; {Counts(c.T2aUp, "t2a-up")}; {c.UnknownEaxc} unknown eAxC, {c.Corrupt} corrupt"));
        if (report.Defects.IsEmpty)
        {
            output.WriteLine("defects   none declared");
        }

        foreach (var d in report.Defects)
        {
            output.WriteLine(Invariant(
                $"defect    {(d.Node == Plans.Personalities.NodeRole.Du ? report.Du : report.Ru)} {d.Kind}: {d.Count} x {d.ExpectedRuleId} ({d.Events} injection(s))"));
        }
    }

    private static string Counts(WindowCounters w, string name) => w.Checked
        ? Invariant($"{name} {w.Early} early / {w.OnTime} on time / {w.Late} late")
        : $"{name} not checked";

    private static string Tap(EmulationOptions options) =>
        options.EffectiveTap == Fronthaul.Profiles.CaptureTap.Ru ? "ru" : "du";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>The pair's frames, each also handed to the analyzer on its way out.</summary>
    private sealed class Analyzed(PairEmulation source, FronthaulAnalyzer? analyzer) : IFrameSource
    {
        public CaptureCompleteness Completeness => source.Completeness;

        public bool TryReadNext(out CapturedFrame frame)
        {
            if (!source.TryReadNext(out frame))
            {
                return false;
            }

            analyzer?.Process(frame);
            return true;
        }
    }
}
