using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using OranTestbed.Analysis;
using OranTestbed.Analysis.Verdicts;
using OranTestbed.Plans;
using OranTestbed.Plans.Expansion;
using OranTestbed.Plans.Iot;
using OranTestbed.Results.Model;
using OranTestbed.Results.Store;

namespace OranTestbed.Server.Verification;

/// <summary>
/// Trust but verify: re-analyses the captures (pcap/pcapng evidence) of uploaded executions with the fronthaul profile
/// each execution names (from the server's lab plan), and makes an <see cref="EvidenceCheck"/>: <b>flagged</b> when the
/// analysis is more severe than the claimed verdict (claimed PASS, capture FAIL or INCONCLUSIVE; claimed INCONCLUSIVE,
/// capture FAIL), <b>supported</b> otherwise (a claimed FAIL is never contradicted by a clean capture: other metrics may
/// have failed), <b>unchecked</b> when the profile is unknown or the claim is ERROR/ABORTED. Executions without a
/// capture get no check. A check is made once per execution (the evidence never changes). Called by the
/// <see cref="VerificationWorker"/>, off the request path.
/// </summary>
internal sealed partial class EvidenceVerifier(ResultsStore store, TestPlan plan, ServerOptions options, ILogger<EvidenceVerifier> logger)
    : IDisposable
{
    private readonly SemaphoreSlim _analyses = new(Math.Max(1, options.MaxConcurrentAnalyses));

    /// <summary>
    /// The evidence checks of <paramref name="executions"/>: the stored one of an execution checked before, a new one
    /// (not yet stored: the caller records them with the upload's status) for an execution with captures. Throws when a
    /// capture cannot be analysed at all (its stored file is gone, the analyzer fails): the upload then fails, no check
    /// is made up.
    /// </summary>
    public async Task<ImmutableDictionary<(string RunId, string ExecutionId), EvidenceCheck>> VerifyAsync(
        IReadOnlyList<ExecutionResult> executions, CancellationToken cancellationToken)
    {
        var stored = ImmutableDictionary.CreateBuilder<(string, string), EvidenceCheck>();
        foreach (string runId in executions.Select(e => e.RunId).Distinct(StringComparer.Ordinal))
        {
            stored.AddRange(await store.ListEvidenceChecksAsync(new ExecutionFilter { RunId = runId }, cancellationToken).ConfigureAwait(false));
        }

        var checks = ImmutableDictionary.CreateBuilder<(string, string), EvidenceCheck>();
        foreach (var execution in executions)
        {
            var key = (execution.RunId, execution.ExecutionId);
            var captures = execution.Artifacts.Where(IsCapture).ToList();
            if (stored.TryGetValue(key, out var earlier))
            {
                checks[key] = earlier;
                continue;
            }

            if (captures.Count == 0)
            {
                continue;
            }

            var check = await CheckAsync(execution, captures, cancellationToken).ConfigureAwait(false);
            if (check.Status == EvidenceStatus.Flagged)
            {
                LogFlagged(logger, execution.RunId, execution.ExecutionId, check.Reason);
            }

            checks[key] = check;
        }

        return checks.ToImmutable();
    }

    public void Dispose() => _analyses.Dispose();

    internal static bool IsCapture(ArtifactRef artifact) =>
        artifact.Kind == ArtifactKind.Capture
        || artifact.Name.EndsWith(".pcap", StringComparison.OrdinalIgnoreCase)
        || artifact.Name.EndsWith(".pcapng", StringComparison.OrdinalIgnoreCase);

    private async Task<EvidenceCheck> CheckAsync(ExecutionResult execution, List<ArtifactRef> captures, CancellationToken cancellationToken)
    {
        var claimed = execution.Outcome.Verdict;
        string profileName = execution.Subject.FronthaulProfile;
        ImmutableArray<string> hashes = [.. captures.Select(c => c.Sha256)];
        EvidenceCheck Check(EvidenceStatus status, Verdict? analyzed, string reason) =>
            new(execution.RunId, execution.ExecutionId, status, claimed, analyzed, profileName, hashes, reason, DateTimeOffset.UtcNow);

        if (plan.FindFronthaulProfile(profileName) is not { } profile)
        {
            return Check(EvidenceStatus.Unchecked, null, $"fronthaul profile '{profileName}' is not in the server's lab plan: the captures were not re-analysed");
        }

        if (claimed is Verdict.Error or Verdict.Aborted)
        {
            return Check(EvidenceStatus.Unchecked, null, $"claimed {claimed.ToWireName()}: not a traffic verdict the captures can confirm");
        }

        var criteria = CriteriaOf(execution);
        var worst = Verdict.Pass;
        var reasons = new List<string>();
        foreach (var capture in captures)
        {
            await _analyses.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (!store.HasArtifactContent(capture.Sha256))
                {
                    throw new VerificationException(
                        $"the stored evidence file of {capture.Name} ({capture.Sha256}) is missing from the server's artifact folder");
                }

                var (verdict, why) = await Task.Run(() => Analyze(store.ArtifactPath(capture.Sha256), profile, criteria, cancellationToken),
                    cancellationToken).ConfigureAwait(false);
                if (verdict > worst)
                {
                    worst = verdict;
                }

                reasons.AddRange(why.Select(r => $"{capture.Name}: {r}"));
            }
            finally
            {
                _analyses.Release();
            }
        }

        string names = string.Join(", ", captures.Select(c => c.Name));
        string detail = reasons.Count == 0 ? "" : " (" + string.Join("; ", reasons.Take(5)) + (reasons.Count > 5 ? "; …" : "") + ")";
        return worst > claimed
            ? Check(EvidenceStatus.Flagged, worst,
                $"claimed {claimed.ToWireName()}, but re-analysing {names} with profile {profileName} gives {worst.ToWireName()}{detail}")
            : Check(EvidenceStatus.Supported, worst,
                $"re-analysing {names} with profile {profileName} gives {worst.ToWireName()}, consistent with the claimed {claimed.ToWireName()}{detail}");
    }

    /// <summary>
    /// The case's analyzer metrics as the execution's operator judges them (from the server's plan), so the re-analysis
    /// judges what the orchestrator judged (<see cref="CaseScope"/>); none when the plan lacks the case or operator
    /// (then the whole analysis verdict is the yardstick, which is never more lenient).
    /// </summary>
    private List<AnalyzerCriterion> CriteriaOf(ExecutionResult execution)
    {
        if (plan.FindCase(execution.Subject.CaseId) is not { } testCase
            || plan.FindOperator(execution.Subject.OperatorProfile) is not { } op)
        {
            return [];
        }

        return [.. OperatorMetrics.For(testCase, op).Where(m => m.Source == MetricSource.Analyzer)
            .Select(m => new AnalyzerCriterion(m.Id, m.Threshold.ToString(), m.Threshold.IsMet))];
    }

    /// <summary>One capture through the one analysis entry point, judged in the case's scope: a capture that cannot be
    /// read whole is at best INCONCLUSIVE (a frame never seen cannot be judged).</summary>
    private static (Verdict Verdict, IReadOnlyList<string> Reasons) Analyze(string path, NamedFronthaulProfile profile,
        List<AnalyzerCriterion> criteria, CancellationToken cancellationToken)
    {
        if (!SampleAnalysis.TryRunFile(path, profile.Profile, out var report, out string? error,
                analyzeIq: AnalyzerMetrics.NeedIq(criteria.Select(c => c.MetricId)), cancellationToken: cancellationToken))
        {
            return (Verdict.Inconclusive, ["not a readable capture: " + error]);
        }

        // A stop cuts the analysis short: its report is not the capture's, so no check may come of it.
        cancellationToken.ThrowIfCancellationRequested();

        var judged = CaseScope.Judge(report, criteria);
        var outcome = judged.Verdict;
        var verdict = outcome.Value == Verdict.NotSet ? Verdict.Inconclusive : outcome.Value;
        var reasons = outcome.Reasons.ToList();
        if (!judged.OutOfScope.IsEmpty)
        {
            reasons.Add("outside the case's scope: " + string.Join("; ", judged.OutOfScope));
        }

        return (verdict, reasons);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "evidence check flagged execution {ExecutionId} of run {RunId}: {Reason}")]
    private static partial void LogFlagged(ILogger logger, string runId, string executionId, string reason);
}
