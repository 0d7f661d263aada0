using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using OranTestbed.Analysis.Reports;
using OranTestbed.Analysis.Verdicts;
using OranTestbed.Orchestration.Benches;
using OranTestbed.Orchestration.Capture;
using OranTestbed.Orchestration.Devices;
using OranTestbed.Orchestration.Runs;
using OranTestbed.Plans;
using OranTestbed.Plans.Expansion;
using OranTestbed.Plans.Iot;
using OranTestbed.Plans.Iot.Procedure;
using OranTestbed.Plans.Lab;

namespace OranTestbed.Orchestration.TestRuns;

/// <summary>
/// Performs one attempt of an execution on a bench session: the case's procedure steps in order, each device call
/// bounded by <see cref="TestRunSettings.StepTimeout"/>, then the metrics; the clean-up (stop traffic, close every
/// device that was opened) always runs, after a failure, a timeout or an abort too. The verdict escalates as in
/// OpenTAP: analysis and metric verdicts, INCONCLUSIVE for what could not be measured, ERROR when a device or the
/// tool broke, ABORTED when the run was stopped. Waits, health polling and back-offs pass on the session's
/// <see cref="BenchSession.Clock"/> (no wall time on an emulated bench); step timeouts stay on the wall clock.
/// </summary>
public sealed class ProcedureRunner(TestRunSettings settings, ILogger logger)
{
    private int _transientFaults;
    private IBenchClock _benchClock = RealBenchClock.Instance;

    public async Task<ExecutionOutcome> RunAsync(Execution execution, Bench bench, BenchSession session,
        string evidenceDirectory, CancellationToken abort)
    {
        _transientFaults = 0;
        ArgumentNullException.ThrowIfNull(execution);
        ArgumentNullException.ThrowIfNull(bench);
        ArgumentNullException.ThrowIfNull(session);
        _benchClock = session.Clock;
        var clock = Stopwatch.StartNew();
        Directory.CreateDirectory(evidenceDirectory);
        var attempt = new AttemptState(execution, bench, session, evidenceDirectory);
        try
        {
            foreach (var device in session.Devices)
            {
                await Call(device, "open", ct => device.OpenAsync(ct), abort).ConfigureAwait(false);
                attempt.Opened.Add(device);
            }

            foreach (var step in execution.Case.Procedure)
            {
                await Perform(step, attempt, abort).ConfigureAwait(false);
            }

            JudgeMetrics(attempt);
        }
        catch (OperationCanceledException) when (abort.IsCancellationRequested)
        {
            attempt.Escalate(Verdict.Aborted, "the run was aborted");
        }
        catch (Exception e) when (StorageFault.Of(e) is { } storage)
        {
            attempt.StorageFault = storage;
            attempt.Escalate(Verdict.Aborted, $"the testbed's storage is full: {storage}");
        }
        catch (DeviceFaultException fault)
        {
            attempt.DeviceFault = true;
            attempt.Escalate(Verdict.Error, fault.Message);
        }
#pragma warning disable CA1031 // A broken step must end in an ERROR verdict with its reason, never crash the campaign.
        catch (Exception unexpected)
#pragma warning restore CA1031
        {
            OrchestrationLog.StepCrashed(logger, execution.Id, unexpected);
            attempt.Escalate(Verdict.Error, $"the test run broke: {unexpected.GetType().Name}: {unexpected.Message}");
        }
        finally
        {
            await CleanUp(attempt).ConfigureAwait(false);
            AddDeviceEvidence(attempt);
        }

        return new ExecutionOutcome(attempt.Verdict, [.. attempt.Reasons], [.. attempt.Metrics], [.. attempt.Evidence],
            clock.Elapsed, attempt.DeviceFault) { StorageFault = attempt.StorageFault };
    }

    private async Task Perform(ProcedureStep step, AttemptState attempt, CancellationToken abort)
    {
        var session = attempt.Session;
        switch (step)
        {
            case ConfigureStep configure:
                foreach (var device in session.Devices)
                {
                    var setup = new DeviceSetup(attempt.Execution, configure, attempt.Bench.Id, attempt.EvidenceDirectory);
                    await Call(device, "configure", ct => device.ConfigureAsync(setup, ct), abort).ConfigureAwait(false);
                }

                break;
            case StartTrafficStep:
                foreach (var device in session.Devices)
                {
                    await Call(device, "start", ct => device.StartAsync(ct), abort).ConfigureAwait(false);
                    attempt.Started.Add(device);
                }

                break;
            case CaptureStep capture:
                await Capture(capture, attempt, abort).ConfigureAwait(false);
                break;
            case AnalyzeStep:
                Analyze(attempt);
                break;
            case QueryCountersStep query:
                var driver = DeviceFor(session, query.Device);
                var counters = await Call(driver, "read-counters", ct => driver.ReadCountersAsync(ct), abort)
                    .ConfigureAwait(false);
                attempt.Counters[query.Device] = counters;
                if (query.Device == ProductRole.ORu)
                {
                    attempt.ReceptionReports = (driver as IReceptionReports)?.ReceptionReports;
                }

                break;
            case StopTrafficStep:
                await StopTraffic(attempt, abort).ConfigureAwait(false);
                break;
            case WaitStep wait:
                await session.Clock.Delay(wait.Duration, abort).ConfigureAwait(false);
                break;
            case WaitForStep waitFor:
                await WaitForHealthy(attempt, waitFor, abort).ConfigureAwait(false);
                break;
            case MplaneStep check:
                await CheckMplane(check, attempt, abort).ConfigureAwait(false);
                break;
            default:
                attempt.Escalate(Verdict.Inconclusive, $"step '{step.Kind}' is not supported on bench {attempt.Bench.Id}");
                break;
        }
    }

    /// <summary>An <c>m-plane</c> check on the O-RU's M-plane session: its measurements join the O-RU's counters, its
    /// notes explain the metrics it could not measure. An O-RU without an M-plane session on this bench measured nothing.</summary>
    private async Task CheckMplane(MplaneStep step, AttemptState attempt, CancellationToken abort)
    {
        var oru = attempt.Session.ORu;
        string name = "m-plane " + PlanNames.Of(step.Check);
        if (oru is not IMplaneConformance mplane)
        {
            attempt.MplaneNotes.Add($"{name}: {oru.Product.Id} is not driven over its M-plane on bench {attempt.Bench.Id}");
            return;
        }

        var result = await Call(oru, name, ct => mplane.CheckAsync(step, ct), mplane.TimeoutOf(step), abort).ConfigureAwait(false);
        var counters = attempt.Counters.GetValueOrDefault(ProductRole.ORu)?.Values
            ?? ImmutableSortedDictionary<string, decimal>.Empty.WithComparers(StringComparer.Ordinal);
        attempt.Counters[ProductRole.ORu] = new DeviceCounters(counters.SetItems(result.Values));
        attempt.MplaneNotes.AddRange(result.Notes.Select(note => $"{name}: {note}"));
    }

    private async Task Capture(CaptureStep step, AttemptState attempt, CancellationToken abort)
    {
        var profile = attempt.Execution.Setup.FronthaulProfile.Profile;
        var analyzeIq = AnalyzerMetrics.NeedIq(attempt.Execution.Case.Metrics.Where(m => m.Source == MetricSource.Analyzer).Select(m => m.Id));
        var request = new CaptureRequest(profile, attempt.Bench.Tap, step.Duration, attempt.EvidenceDirectory, analyzeIq);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(abort);
        timeout.CancelAfter(step.Duration + settings.StepTimeout);
        var result = await attempt.Session.Tap.CaptureAsync(request, timeout.Token)
            .WaitAsync(step.Duration + settings.StepTimeout, abort).ConfigureAwait(false);
        attempt.Capture = result;
        if (result.CaptureFile is { } file)
        {
            attempt.Evidence.Add(Path.GetRelativePath(attempt.EvidenceDirectory, file));
        }
    }

    private static void Analyze(AttemptState attempt)
    {
        if (attempt.Capture is not { } capture)
        {
            attempt.Escalate(Verdict.Error, "analyze ran before any capture step");
            return;
        }

        var report = capture.Report;
        var json = Path.Combine(attempt.EvidenceDirectory, "analysis.json");
        File.WriteAllText(json, AnalysisReportJson.ToJson(report));
        var html = Path.Combine(attempt.EvidenceDirectory, "analysis.html");
        using (var writer = new StreamWriter(html))
        {
            AnalysisHtmlWriter.Write(writer, report, $"{attempt.Execution.Case.Id} on {attempt.Execution.Products}");
        }

        attempt.Evidence.Add("analysis.json");
        attempt.Evidence.Add("analysis.html");
        attempt.Report = report;

        // The case judges the analysis the way the server re-judges uploaded evidence (CaseScope): by its analyzer
        // metrics when it names some (a negative case expects late messages), else by the analysis verdict.
        var criteria = attempt.Execution.Case.Metrics.Where(m => m.Source == MetricSource.Analyzer)
            .Select(m => new AnalyzerCriterion(m.Id, m.Threshold.ToString(), m.Threshold.IsMet)).ToList();
        var judged = CaseScope.Judge(report, criteria);
        attempt.CaseAnalysis = judged;
        if (judged.Verdict.Value != Verdict.Pass)
        {
            attempt.Escalate(judged.Verdict.Value, "fronthaul analysis: " + string.Join("; ", judged.Verdict.Reasons));
        }
    }

    private static void JudgeMetrics(AttemptState attempt)
    {
        foreach (var metric in attempt.Execution.Case.Metrics)
        {
            var result = Measure(metric, attempt);
            attempt.Metrics.Add(result);
            if (result.Verdict != Verdict.Pass && metric.Source != MetricSource.Analyzer) // analyzer metrics: judged in Analyze
            {
                attempt.Escalate(result.Verdict, result.Verdict == Verdict.Fail
                    ? $"{metric.Id} = {Math.Round(result.Measured!.Value, 6).ToString(CultureInfo.InvariantCulture)} does not meet {result.Threshold}"
                        + (result.Note is { } why ? $": {why}" : string.Empty)
                    : $"{metric.Id} not measured: {result.Note}");
            }
        }
    }

    private static MetricResult Measure(Metric metric, AttemptState attempt)
    {
        decimal? measured = null;
        string? note = null;
        switch (metric.Source)
        {
            case MetricSource.Analyzer when attempt.CaseAnalysis?.Metrics.FirstOrDefault(r => r.MetricId == metric.Id) is { } judged:
                measured = judged.Measured;
                note = judged.Note;
                break;
            case MetricSource.Analyzer:
                note = "the case has no analyzed capture";
                break;
            case MetricSource.ORuCounters when metric.Id == ReceptionCounterCheck.MetricId:
                var comparison = attempt.ReceptionComparison ??= CompareReception(attempt);
                measured = comparison.Verdict switch { Verdict.Pass => 1, Verdict.Fail => 0, _ => null };
                note = comparison.Reason;
                break;
                        case MetricSource.ORuCounters or MetricSource.ODuCounters:
                var role = metric.Source == MetricSource.ORuCounters ? ProductRole.ORu : ProductRole.ODu;
                if (attempt.Counters.TryGetValue(role, out var counters) && counters.TryGet(metric.Id, out var counter))
                {
                    measured = counter;
                }
                else
                {
                    note = $"the {PlanNames.Of(role)} did not report '{metric.Id}'"
                        + (role == ProductRole.ORu && attempt.MplaneNotes.Count > 0 ? $" ({string.Join("; ", attempt.MplaneNotes)})" : string.Empty);
                }

                break;
            default:
                note = $"no {metric.Source} instrument on this bench";
                break;
        }

        var verdict = measured is { } m ? (metric.Threshold.IsMet(m) ? Verdict.Pass : Verdict.Fail) : Verdict.Inconclusive;
        return new MetricResult(metric.Id, metric.Source, measured, metric.Unit, metric.Threshold.ToString(), verdict, note);
    }

    /// <summary>
    /// The O-RU's rx-window reports checked against the analyzer's classification of the case's capture at the O-RU tap
    /// (<see cref="ReceptionCounterCheck"/>, judged there only); the table, one line per O-RU interval (O-RU says / capture
    /// shows / verdict), is kept as evidence (<c>rx-counters.txt</c>).
    /// </summary>
    private static ReceptionComparison CompareReception(AttemptState attempt)
    {
        if (attempt.Report is not { } report)
        {
            return new ReceptionComparison(Verdict.Inconclusive, "the case has no analyzed capture", []);
        }

        if (attempt.ReceptionReports is not { } reports)
        {
            return new ReceptionComparison(Verdict.Inconclusive, attempt.Counters.ContainsKey(ProductRole.ORu)
                ? $"{attempt.Session.ORu.Product.Id} gives no rx-window reports on bench {attempt.Bench.Id}"
                : "the O-RU's counters were not queried", []);
        }

        var comparison = ReceptionCounterCheck.Compare(report.Timing.Reception, reports);
        string file = Path.Combine(attempt.EvidenceDirectory, "rx-counters.txt");
        File.WriteAllLines(file,
        [
            $"The O-RU's rx-window counters against the capture at the O-RU tap ({ReceptionCounterCheck.ToleranceText})",
            $"{comparison.Verdict.ToWireName()}: {comparison.Reason}",
            .. ReceptionCounterCheck.Describe(comparison),
        ]);
        attempt.Evidence.Add("rx-counters.txt");
        return comparison;
    }

    private async Task WaitForHealthy(AttemptState attempt, WaitForStep step, CancellationToken abort)
    {
        var clock = attempt.Session.Clock;
        var deadline = clock.Now + step.Timeout;
        foreach (var device in attempt.Session.Devices)
        {
            while (true)
            {
                var health = await Call(device, "health", ct => device.CheckHealthAsync(ct), abort).ConfigureAwait(false);
                if (health.Healthy)
                {
                    break;
                }

                if (clock.Now >= deadline)
                {
                    throw new DeviceFaultException(device.Product.Id, "health",
                        $"not {step.State} within {step.Timeout.TotalSeconds:0.#} s: {health.Detail}");
                }

                await clock.Delay(settings.HealthPollInterval, abort).ConfigureAwait(false);
            }
        }
    }

    private async Task StopTraffic(AttemptState attempt, CancellationToken abort)
    {
        for (int i = attempt.Started.Count - 1; i >= 0; i--)
        {
            var device = attempt.Started[i];
            await Call(device, "stop", ct => device.StopAsync(ct), abort).ConfigureAwait(false);
            attempt.Started.RemoveAt(i);
        }
    }

    /// <summary>What the drivers left in the attempt's folder (NETCONF traces, command outputs) is evidence too.</summary>
    private static void AddDeviceEvidence(AttemptState attempt)
    {
        foreach (string file in Directory.EnumerateFiles(attempt.EvidenceDirectory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            string relative = Path.GetRelativePath(attempt.EvidenceDirectory, file);
            if (!attempt.Evidence.Contains(relative))
            {
                attempt.Evidence.Add(relative);
            }
        }
    }

    /// <summary>Stop what was started and close what was opened, in reverse order, each with its own timeout and
    /// regardless of the abort: a failure here is recorded, never thrown, and the next device is still released.</summary>
    private async Task CleanUp(AttemptState attempt)
    {
        for (int i = attempt.Started.Count - 1; i >= 0; i--)
        {
            await Release(attempt, attempt.Started[i], "stop", (d, ct) => d.StopAsync(ct)).ConfigureAwait(false);
        }

        for (int i = attempt.Opened.Count - 1; i >= 0; i--)
        {
            await Release(attempt, attempt.Opened[i], "close", (d, ct) => d.CloseAsync(ct)).ConfigureAwait(false);
        }
    }

    private async Task Release(AttemptState attempt, IDeviceDriver device, string step,
        Func<IDeviceDriver, CancellationToken, Task> release)
    {
        try
        {
            await Call(device, step, ct => release(device, ct), CancellationToken.None).ConfigureAwait(false);
        }
        catch (DeviceFaultException fault)
        {
            attempt.DeviceFault = true;
            attempt.Escalate(Verdict.Error, "clean-up: " + fault.Message);
        }
    }

    private async Task Call(IDeviceDriver device, string step, Func<CancellationToken, Task> call, CancellationToken abort) =>
        await Call<bool>(device, step, async ct =>
        {
            await call(ct).ConfigureAwait(false);
            return true;
        }, abort).ConfigureAwait(false);

    /// <summary>
    /// A device call bounded by the step timeout; a transient fault repeats the call after a back-off (doubling) while
    /// the attempt's <see cref="TestRunSettings.TransientFaultBudget"/> lasts, like a supervisor restarting a failing
    /// child within a budget.
    /// </summary>
    private async Task<T> Call<T>(IDeviceDriver device, string step, Func<CancellationToken, Task<T>> call,
        CancellationToken abort) => await Call(device, step, call, null, abort).ConfigureAwait(false);

    private async Task<T> Call<T>(IDeviceDriver device, string step, Func<CancellationToken, Task<T>> call,
        TimeSpan? limit, CancellationToken abort)
    {
        var backoff = settings.TransientBackoff;
        while (true)
        {
            try
            {
                return await CallOnce(device, step, call, limit ?? LimitOf(device, step), abort).ConfigureAwait(false);
            }
            catch (DeviceFaultException fault) when (fault.Transient && _transientFaults < settings.TransientFaultBudget)
            {
                _transientFaults++;
                OrchestrationLog.TransientFault(logger, fault.Message, _transientFaults, settings.TransientFaultBudget, backoff);
                await _benchClock.Delay(backoff, abort).ConfigureAwait(false);
                backoff *= 2;
            }
        }
    }

    /// <summary>One device call bounded by the step timeout: a driver that ignores its token is abandoned, not awaited.</summary>
    private static async Task<T> CallOnce<T>(IDeviceDriver device, string step, Func<CancellationToken, Task<T>> call,
        TimeSpan limit, CancellationToken abort)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(abort);
        timeout.CancelAfter(limit);
        try
        {
            return await call(timeout.Token).WaitAsync(limit, abort).ConfigureAwait(false);
        }
        catch (Exception e) when (e is TimeoutException
                                  || (e is OperationCanceledException && !abort.IsCancellationRequested))
        {
            throw new DeviceFaultException(device.Product.Id, step,
                $"no answer within {limit.TotalSeconds:0.#} s (the device hangs)");
        }
        catch (Exception e) when (e is not (DeviceFaultException or OperationCanceledException))
        {
            throw new DeviceFaultException(device.Product.Id, step, $"{e.GetType().Name}: {e.Message}", e);
        }
    }

    /// <summary>The driver's own timeout for the step (plus a grace for killing its command), else the default.</summary>
    private TimeSpan LimitOf(IDeviceDriver device, string step)
    {
        var lifecycle = step switch
        {
            "read-counters" => LifecycleStep.ReadCounters,
            _ => Enum.Parse<LifecycleStep>(step, ignoreCase: true),
        };
        return device is IStepTimeouts own && own.TimeoutOf(lifecycle) is { } declared
            ? declared + TimeSpan.FromSeconds(5)
            : settings.StepTimeout;
    }

    private static IDeviceDriver DeviceFor(BenchSession session, ProductRole role) => role switch
    {
        ProductRole.ODu => session.ODu,
        ProductRole.ORu => session.ORu,
        _ => session.OCu ?? throw new DeviceFaultException("o-cu", "read-counters", "the execution has no O-CU"),
    };

    /// <summary>Mutable state of one attempt, owned by the single async flow of <see cref="RunAsync"/>.</summary>
    private sealed class AttemptState(Execution execution, Bench bench, BenchSession session, string evidenceDirectory)
    {
        public Execution Execution { get; } = execution;

        public Bench Bench { get; } = bench;

        public BenchSession Session { get; } = session;

        public string EvidenceDirectory { get; } = evidenceDirectory;

        public List<IDeviceDriver> Opened { get; } = [];

        public List<IDeviceDriver> Started { get; } = [];

        public Dictionary<ProductRole, DeviceCounters> Counters { get; } = [];

        /// <summary>What the m-plane checks could not measure, and why.</summary>
        public List<string> MplaneNotes { get; } = [];

        public CaptureResult? Capture { get; set; }

        public AnalysisReport? Report { get; set; }

        public CaseAnalysis? CaseAnalysis { get; set; }

        /// <summary>The O-RU's rx-window reports when its counters were queried (null: not queried, or none on this bench).</summary>
        public IReadOnlyList<DeviceReceptionInterval>? ReceptionReports { get; set; }

        public ReceptionComparison? ReceptionComparison { get; set; }

        public List<MetricResult> Metrics { get; } = [];

        public List<string> Reasons { get; } = [];

        public string? StorageFault { get; set; }

        public List<string> Evidence { get; } = [];

        public Verdict Verdict { get; private set; } = Verdict.Pass;

        public bool DeviceFault { get; set; }

        public void Escalate(Verdict verdict, string reason)
        {
            Verdict = Verdict.Combine(verdict);
            if (verdict != Verdict.Pass)
            {
                Reasons.Add(reason);
            }
        }
    }
}
