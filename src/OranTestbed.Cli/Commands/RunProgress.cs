using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using OranTestbed.Analysis.Verdicts;
using OranTestbed.Orchestration.Campaigns;
using OranTestbed.Orchestration.Runs;
using static System.FormattableString;

namespace OranTestbed.Cli.Commands;

/// <summary>Progress of a run on standard error: one line per dispatch and per result, with the overall bar, counts,
/// each bench's results so far and current execution, and the ETA from the mean execution time so far.</summary>
internal sealed class RunProgress(TextWriter output, int total, ImmutableArray<string> benches) : IRunObserver
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Dictionary<string, string> _busy = benches.ToDictionary(b => b, _ => "idle", StringComparer.Ordinal);
    private readonly Dictionary<string, int> _doneOn = new(StringComparer.Ordinal);
    private readonly Dictionary<Verdict, int> _counts = [];
    private int _done;

    public void Dispatched(ExecutionDispatched dispatched)
    {
        _busy[dispatched.BenchId] = dispatched.ExecutionId;
        output.WriteLine($"  → {dispatched.BenchId}: {dispatched.ExecutionId} ({dispatched.Remaining} queued)");
    }

    public void Completed(ExecutionCompleted completed)
    {
        var r = completed.Record;
        _done = completed.Done;
        _counts[r.Verdict] = _counts.GetValueOrDefault(r.Verdict) + 1;
        _doneOn[r.BenchId] = _doneOn.GetValueOrDefault(r.BenchId) + 1;
        if (_busy.ContainsKey(r.BenchId))
        {
            _busy[r.BenchId] = "idle";
        }

        var eta = _done == 0 ? TimeSpan.Zero : _clock.Elapsed / _done * (total - _done);
        const int width = 24;
        int filled = total == 0 ? width : width * _done / total;
        var head = Invariant(
            $"[{new string('#', filled)}{new string('.', width - filled)}] {_done}/{total} {r.Verdict.ToWireName()}{(r.Flaky ? " (flaky)" : string.Empty)} {r.ExecutionId} on {r.BenchId} in {r.Duration.TotalSeconds:0.0} s");
        var why = r.Reasons.IsEmpty || r.Verdict == Verdict.Pass ? string.Empty : ": " + r.Reasons[0];
        var counts = string.Join(" ", _counts.OrderBy(c => c.Key).Select(c => Invariant($"{c.Key.ToWireName()} {c.Value}")));
        var busy = string.Join(", ", _busy.Select(b => $"{b.Key}: {_doneOn.GetValueOrDefault(b.Key)} done, {b.Value}"));
        output.WriteLine($"{head}{why} | {counts} | ETA {eta.ToString(@"mm\:ss", CultureInfo.InvariantCulture)} | {busy}");
    }

    public void BenchRetired(BenchRetired retired)
    {
        _busy.Remove(retired.BenchId);
        output.WriteLine($"  ! bench {retired.BenchId} out of service: {retired.Reason}");
    }

    public void BenchJoined(BenchJoined joined)
    {
        _busy[joined.BenchId] = "idle";
        output.WriteLine($"  + bench {joined.BenchId} joined from {joined.Host}");
    }
}
