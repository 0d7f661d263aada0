using System.Collections.Immutable;
using OranTestbed.Analysis.Verdicts;
using OranTestbed.Orchestration.Campaigns;
using OranTestbed.Plans;
using OranTestbed.Plans.Expansion;
using OranTestbed.Results.Model;
using OranTestbed.Results.Store;

namespace OranTestbed.Orchestration.Runs;

/// <summary>
/// Projects a run into the results store: the run when it starts (a resumed run keeps its first registration), each
/// journaled result with its metrics and final-attempt evidence (copied into the store by content), and its end.
/// </summary>
public sealed class RunRecorder(ResultsStore store, RunRequest request)
{
    private readonly ImmutableDictionary<string, Execution> _executions =
        request.Executions.ToImmutableDictionary(e => e.Id, StringComparer.Ordinal);

    public Task BeginAsync(CancellationToken cancellationToken = default) =>
        store.BeginRunAsync(new RunInfo(request.RunId, request.Expansion.Campaign.Id, request.PlanHash, DateTimeOffset.UtcNow)
        {
            CampaignDescription = request.Expansion.Campaign.Description,
        }, cancellationToken);

    public async Task RecordAsync(ExecutionRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var execution = _executions[record.ExecutionId];
        var result = new ExecutionResult(request.RunId, record.ExecutionId, ExecutionSubject.Of(execution),
            new VerdictRecord(record.Verdict, record.Attempts, record.Flaky, record.Reasons, record.BenchId,
                record.Duration),
            [.. record.Metrics.Select(m => new MetricRecord(m.Id, PlanNames.Of(m.Source), Units.Of(m.Unit), m.Measured,
                m.Threshold, m.Verdict) { Note = m.Note })]);
        var folder = Path.Combine(request.RunFolder, record.AttemptFolder);
        var evidence = record.Evidence.Select(file => Path.Combine(folder, file)).Where(File.Exists)
            .Select(path => new ArtifactSource(KindOf(path), Path.GetFileName(path), path));
        var outcome = await store.RecordAsync(result, evidence, cancellationToken).ConfigureAwait(false);
        if (outcome == RecordOutcome.Conflict)
        {
            throw new InvalidOperationException(
                $"the results store already holds a different result of execution {record.ExecutionId} in run {request.RunId}");
        }
    }

    public Task FinishAsync(RunCompleted completed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(completed);
        return store.FinishRunAsync(request.RunId, DateTimeOffset.UtcNow, completed.Aborted, cancellationToken);
    }

    private static ArtifactKind KindOf(string path) => Path.GetExtension(path) switch
    {
        ".pcap" or ".pcapng" => ArtifactKind.Capture,
        ".json" or ".html" => ArtifactKind.AnalysisReport,
        ".log" => ArtifactKind.Log,
        _ => ArtifactKind.Other,
    };
}
