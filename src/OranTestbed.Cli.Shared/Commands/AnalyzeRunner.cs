using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OranTestbed.Analysis;
using OranTestbed.Analysis.Flows;
using OranTestbed.Analysis.Reports;
using OranTestbed.Analysis.Verdicts;
using OranTestbed.Capture;
using OranTestbed.Capture.Files;
using OranTestbed.Capture.Live;
using OranTestbed.Plans.Yaml;

namespace OranTestbed.Cli.Commands;

/// <summary>
/// The loop behind <c>analyze</c>: feeds a capture file or a live interface through <see cref="SampleAnalysis"/> (the
/// verdict with the completeness of the capture folded in: a truncated file or a live run with drops is never PASS),
/// prints the terminal summary, writes the JSON and HTML reports and maps the verdict to the exit code.
/// </summary>
internal static class AnalyzeRunner
{
    public static async Task<int> RunAsync(AnalyzeRequest request, TextWriter output, TextWriter diagnostics,
        ILoggerFactory? logging = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(diagnostics);
        logging ??= NullLoggerFactory.Instance;
        var analyzer = SampleAnalysis.CreateAnalyzer(request.Profile, request.Tap, request.Iq,
            logging.CreateLogger<FronthaulAnalyzer>(), request.OruConfiguration);
        var (exit, capture, report) = request.IsLive
            ? await RunLiveAsync(request, analyzer, diagnostics, logging, cancellationToken).ConfigureAwait(false)
            : RunFile(request, analyzer, diagnostics, logging, cancellationToken);
        if (capture is null || report is null)
        {
            return exit;
        }

        var verdict = report.Verdict;
        var notes = Notes(request, capture, report);
        AnalysisSummaryWriter.Write(output, report, notes);
        output.Flush();
        try
        {
            if (request.JsonPath is { } json)
            {
                File.WriteAllText(json, AnalyzeJson.Compose(report, capture) + "\n", new UTF8Encoding(false));
            }

            if (request.HtmlPath is { } html)
            {
                using var writer = new StreamWriter(html, false, new UTF8Encoding(false));
                AnalysisHtmlWriter.Write(writer, report, $"oran-testbed analyze {capture.Source} ({request.Profile.Name})", notes);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            diagnostics.WriteLine($"oran-testbed analyze: cannot write the report: {ex.Message}");
            return ExitCodes.CannotCreate;
        }

        return ExitCodeOf(verdict.Value);
    }

    /// <summary>0 PASS, 1 FAIL, 2 INCONCLUSIVE (and the analyzer's other verdicts, which it does not give today, as 2).</summary>
    public static int ExitCodeOf(Verdict verdict) => verdict switch
    {
        Verdict.Pass => ExitCodes.Pass,
        Verdict.Fail => ExitCodes.Fail,
        _ => ExitCodes.Inconclusive,
    };

    private static (int Exit, AnalyzeCaptureInfo? Capture, AnalysisReport? Report) RunFile(AnalyzeRequest request,
        FronthaulAnalyzer analyzer, TextWriter diagnostics, ILoggerFactory logging, CancellationToken cancellationToken)
    {
        CaptureFileReader reader;
        try
        {
            reader = new CaptureFileReader(request.CapturePath!, new CaptureFileReaderOptions { Filter = request.Filter },
                logging.CreateLogger<CaptureFileReader>());
        }
        catch (CaptureFileException ex)
        {
            diagnostics.WriteLine($"oran-testbed analyze: {ex.Message}");
            return (ex.Kind == CaptureFileErrorKind.BadFilter ? ExitCodes.Usage : ExitCodes.NoInput, null, null);
        }

        using (reader)
        {
            var clock = Stopwatch.StartNew();
            var source = new FirstNanoseconds(reader, request.DurationNanoseconds ?? long.MaxValue);
            var report = SampleAnalysis.Run(source, analyzer, cancellationToken);
            string? error = report.Completeness.CutShort;
            if (error is not null)
            {
                diagnostics.WriteLine($"oran-testbed analyze: {error}");
            }

            return (0, new AnalyzeCaptureInfo("file", request.CapturePath!, null, request.Filter, source.Read, null, error,
                source.Limited, clock.Elapsed), report);
        }
    }

    private static async Task<(int Exit, AnalyzeCaptureInfo? Capture, AnalysisReport? Report)> RunLiveAsync(AnalyzeRequest request,
        FronthaulAnalyzer analyzer, TextWriter diagnostics, ILoggerFactory logging, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (request.Duration is { } duration)
        {
            stop.CancelAfter(duration);
        }

        var options = new LiveCaptureOptions
        {
            Interface = request.Interface!,
            NetworkNamespace = request.NetworkNamespace,
            Filter = request.Filter,
        };
        LiveCaptureSource source;
        try
        {
            source = LiveCaptureSource.Start(options, logging.CreateLogger<LiveCaptureSource>(), stop.Token);
        }
        catch (LiveCaptureException ex)
        {
            diagnostics.WriteLine($"oran-testbed analyze: {ex.Message}");
            return (ex.Kind == LiveCaptureErrorKind.BadFilter ? ExitCodes.Usage : ExitCodes.Unavailable, null, null);
        }

        string? error = null;
        var clock = Stopwatch.StartNew();
        using (source)
        {
            var progress = new LiveProgress(diagnostics, request.ProgressInterval);
            var batches = source.Batches;
            try
            {
                while (true)
                {
                    using (var tick = new CancellationTokenSource(request.ProgressInterval))
                    {
                        try
                        {
                            if (!await batches.WaitToReadAsync(tick.Token).ConfigureAwait(false))
                            {
                                break;
                            }
                        }
                        catch (OperationCanceledException) when (tick.IsCancellationRequested)
                        {
                            // No batch within one progress interval: print the progress line anyway.
                        }
                    }

                    while (batches.TryRead(out var batch))
                    {
                        using (batch)
                        {
                            foreach (var frame in batch)
                            {
                                analyzer.Process(in frame);
                            }
                        }
                    }

                    progress.MaybeWrite(analyzer, source.Health);
                }
            }
            catch (LiveCaptureException ex)
            {
                error = ex.Message;
                diagnostics.WriteLine($"oran-testbed analyze: {ex.Message}");
            }

            await source.StopAsync().ConfigureAwait(false);
            var health = source.Health;
            progress.Write(analyzer, health);
            return (0, new AnalyzeCaptureInfo("live", request.Interface!, request.NetworkNamespace, request.Filter,
                analyzer.Frames, health, error, request.Duration is not null && stop.IsCancellationRequested
                    && !cancellationToken.IsCancellationRequested, clock.Elapsed),
                analyzer.BuildReport(CaptureCompleteness.FromLive(health, error)));
        }
    }

    private static List<string> Notes(AnalyzeRequest request, AnalyzeCaptureInfo capture, AnalysisReport report)
    {
        var notes = new List<string>();
        if (capture.Health is { } h)
        {
            notes.Add(Invariant(
                $"live capture on {capture.Source}{(capture.NetworkNamespace is { } ns ? " (netns " + ns + ")" : "")}: {h.FramesCaptured} frame(s) in {capture.Elapsed.TotalSeconds:0.0} s; dropped: kernel {h.KernelDropped}, interface {h.InterfaceDropped}, consumer {h.ConsumerDroppedFrames}"));
        }
        else if (capture.LimitedByDuration)
        {
            notes.Add(Invariant($"--duration: only the first {DurationText.Format(request.DurationNanoseconds!.Value)} of capture time were analyzed ({capture.FramesRead} frame(s))"));
        }

        if (capture.Error is { } error)
        {
            notes.Add("input incomplete: " + error);
        }

        if (request.Iq)
        {
            notes.Add(report.Iq.PerFlow.IsEmpty ? "IQ: no U-plane samples" : "IQ (dBFS re a full-scale component of 32768):");
            foreach (var flow in report.Iq.PerFlow)
            {
                notes.Add(Invariant(
                    $"  eAxC {flow.Eaxc} {(flow.Direction == DataDirection.Downlink ? "DL" : "UL")}: {flow.Samples} samples, mean {Dbfs(flow.MeanPowerDbfs)}, peak {Dbfs(flow.PeakDbfs)}, clipped {flow.ClippedRatio:0.######}"));
            }
        }

        return notes;
    }

    private static string Dbfs(double? value) =>
        value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) + " dBFS" : "none";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary><c>--duration</c> on a file: the frames of the first span of capture time.</summary>
    private sealed class FirstNanoseconds(CaptureFileReader reader, long limitNs) : IFrameSource
    {
        private long _first;

        public long Read { get; private set; }

        public bool Limited { get; private set; }

        public CaptureCompleteness Completeness => reader.Completeness;

        public bool TryReadNext(out CapturedFrame frame)
        {
            if (Limited || !reader.TryReadNext(out frame))
            {
                frame = default;
                return false;
            }

            if (Read == 0)
            {
                _first = frame.TimestampNanoseconds;
            }
            else if (frame.TimestampNanoseconds - _first > limitNs)
            {
                Limited = true;
                frame = default;
                return false;
            }

            Read++;
            return true;
        }
    }

    /// <summary>The one-line live progress summary on standard error, at most once per interval.</summary>
    private sealed class LiveProgress(TextWriter diagnostics, TimeSpan interval)
    {
        private readonly long _start = Stopwatch.GetTimestamp();
        private long _last = Stopwatch.GetTimestamp();
        private long _lastFrames;

        public void MaybeWrite(FronthaulAnalyzer analyzer, CaptureHealth health)
        {
            if (Stopwatch.GetElapsedTime(_last) >= interval)
            {
                Write(analyzer, health);
            }
        }

        public void Write(FronthaulAnalyzer analyzer, CaptureHealth health)
        {
            double seconds = Stopwatch.GetElapsedTime(_last).TotalSeconds;
            long frames = analyzer.Frames;
            double rate = seconds > 0 ? (frames - _lastFrames) / seconds : 0;
            string trend = health.TotalDropped > 0 ? "INCONCLUSIVE (drops)"
                : analyzer.ErrorFindings > 0 ? "FAIL?"
                : analyzer.FronthaulFrames == 0 ? "INCONCLUSIVE (no fronthaul yet)"
                : "PASS so far";
            diagnostics.WriteLine(Invariant(
                $"analyze {Stopwatch.GetElapsedTime(_start).TotalSeconds,6:0.0}s  frames {frames} ({rate:0}/s)  fronthaul {analyzer.FronthaulFrames}  drops {health.TotalDropped}  error findings {analyzer.ErrorFindings}  trend {trend}"));
            diagnostics.Flush();
            _last = Stopwatch.GetTimestamp();
            _lastFrames = frames;
        }
    }
}
