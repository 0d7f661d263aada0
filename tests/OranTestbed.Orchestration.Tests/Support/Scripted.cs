using System.Collections.Concurrent;
using System.Collections.Immutable;
using OranTestbed.Analysis.Reports;
using OranTestbed.Analysis.Sequence;
using OranTestbed.Analysis.Timing;
using OranTestbed.Analysis.Verdicts;
using OranTestbed.Capture;
using OranTestbed.Orchestration.Benches;
using OranTestbed.Orchestration.Capture;
using OranTestbed.Orchestration.Devices;
using OranTestbed.Plans.Expansion;
using OranTestbed.Plans.Lab;

namespace OranTestbed.Orchestration.Tests.Support;

/// <summary>What a scripted device does at a step.</summary>
public enum Behaviour
{
    Ok,

    /// <summary>Never answers and ignores its cancellation token.</summary>
    Hang,

    /// <summary>Throws InvalidOperationException.</summary>
    Crash,
}

/// <summary>A device driver that does what its script says and logs every call ("open xylem/xd-100 E1").</summary>
public sealed class ScriptedDriver(Product product, string executionId, ConcurrentQueue<string> log) : IDeviceDriver
{
    public Product Product { get; } = product;

    public Dictionary<string, Behaviour> Script { get; } = [];

    /// <summary>Per step, how many calls fail with a transient fault before the step behaves as scripted.</summary>
    public Dictionary<string, int> TransientFaults { get; } = [];

    public DeviceCounters Counters { get; set; } = new(ImmutableSortedDictionary<string, decimal>.Empty.Add("rx-late", 0));

    public Task OpenAsync(CancellationToken cancellationToken) => Act("open");

    public Task ConfigureAsync(DeviceSetup setup, CancellationToken cancellationToken) => Act("configure");

    public Task StartAsync(CancellationToken cancellationToken) => Act("start");

    public Task StopAsync(CancellationToken cancellationToken) => Act("stop");

    public async Task<DeviceCounters> ReadCountersAsync(CancellationToken cancellationToken)
    {
        await Act("read-counters").ConfigureAwait(false);
        return Counters;
    }

    public Task CloseAsync(CancellationToken cancellationToken) => Act("close");

    public async Task<DeviceHealth> CheckHealthAsync(CancellationToken cancellationToken)
    {
        await Act("health").ConfigureAwait(false);
        return DeviceHealth.Ok;
    }

    private Task Act(string step)
    {
        log.Enqueue($"{step} {Product.Id} {executionId}");
        if (TransientFaults.GetValueOrDefault(step) is > 0 and var left)
        {
            TransientFaults[step] = left - 1;
            return Task.FromException(new DeviceFaultException(Product.Id, step, "resource busy") { Transient = true });
        }

        return Script.GetValueOrDefault(step) switch
        {
            Behaviour.Hang => new TaskCompletionSource().Task,
            Behaviour.Crash => Task.FromException(new InvalidOperationException($"{step} exploded")),
            _ => Task.CompletedTask,
        };
    }
}

/// <summary>A tap that returns a made-up analysis after the capture duration (or waits for cancellation).</summary>
public sealed class ScriptedTap(Func<AnalysisReport> report, bool hang = false) : IFronthaulTap
{
    public async Task<CaptureResult> CaptureAsync(CaptureRequest request, CancellationToken cancellationToken)
    {
        await Task.Delay(hang ? Timeout.InfiniteTimeSpan : request.Duration, cancellationToken).ConfigureAwait(false);
        return new CaptureResult(report(), null);
    }

    /// <summary>A clean report: 100 fronthaul frames, <paramref name="malformed"/> of them malformed.</summary>
    public static AnalysisReport Report(long malformed = 0) =>
        new(new PacketCounts(100, 10, 90, 0, 0, malformed), SequenceReport.Empty, TimingReport.NotChecked("no windows"),
            [], new VerdictOutcome(malformed == 0 ? Verdict.Pass : Verdict.Fail, []));

    /// <summary>A clean report of a capture that dropped <paramref name="dropped"/> frames, judged as the analysis judges it.</summary>
    public static AnalysisReport DroppedReport(long dropped)
    {
        var clean = Report();
        var completeness = new CaptureCompleteness { DroppedFrames = dropped, DropDetail = $"kernel {dropped}, interface 0, consumer 0" };
        return clean with
        {
            Completeness = completeness,
            Verdict = SampleVerdict.Judge(clean.Packets, clean.Sequence, clean.Timing, clean.Findings,
                Fronthaul.Profiles.VerdictThresholds.Strict, completeness),
        };
    }
}

/// <summary>Equipment whose drivers and tap a test decides per execution; every session is kept for inspection.</summary>
public sealed class ScriptedEquipment(Func<Bench, Execution, ConcurrentQueue<string>, BenchSession> prepare) : IBenchEquipment
{
    public ConcurrentQueue<string> Log { get; } = new();

    public BenchSession Prepare(Bench bench, Execution execution, string evidenceDirectory) =>
        prepare(bench, execution, Log);

    /// <summary>Clean drivers and tap for every execution.</summary>
    public static ScriptedEquipment Clean() => new((_, e, log) => Session(e, log, new ScriptedTap(() => ScriptedTap.Report())));

    public static BenchSession Session(Execution e, ConcurrentQueue<string> log, IFronthaulTap tap,
        Action<ScriptedDriver, ScriptedDriver>? script = null)
    {
        var du = new ScriptedDriver(e.Products.ODu, e.Id, log);
        var ru = new ScriptedDriver(e.Products.ORu, e.Id, log);
        script?.Invoke(du, ru);
        return new BenchSession(du, ru, null, tap);
    }
}
