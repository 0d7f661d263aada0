using System.Collections.Immutable;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OranTestbed.Results.Model;
using OranTestbed.Results.Store;
using OranTestbed.Server.Uploads;

namespace OranTestbed.Server.Verification;

/// <summary>
/// Verifies accepted uploads off the request path, from the store's verification queue: on start it queues again what a
/// stopped server left analysing (nothing accepted is lost), then <see cref="ServerOptions.VerificationWorkers"/> loops
/// each take the upload accepted first, re-analyse its captures (<see cref="EvidenceVerifier"/>) and store the checks
/// with the final status in one transaction: flagged when a check is, verified otherwise. An upload that cannot be
/// analysed is failed with the reason; the worker goes on. An upload that was being analysed every time the server died
/// (<see cref="MaxAttempts"/> times: a capture that brings the process down) is failed instead of taken again forever.
/// Several servers may share a store; one that starts queues again what the others hold, which only repeats work (an
/// execution keeps its first check).
/// </summary>
internal sealed class VerificationWorker(ServerOptions options, ResultsStore store, EvidenceVerifier verifier, VerificationDoorbell doorbell,
    ILogger<VerificationWorker> logger) : BackgroundService
{
    public const int MaxAttempts = 3;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.VerificationWorkers <= 0)
        {
            VerificationLog.NotRun(logger);
            return;
        }

        if (await RequeueInterruptedAsync(stoppingToken).ConfigureAwait(false))
        {
            await Task.WhenAll(Enumerable.Range(0, options.VerificationWorkers).Select(_ => Task.Run(() => RunAsync(stoppingToken), CancellationToken.None)))
                .ConfigureAwait(false);
        }
    }

    /// <summary>Queues again what the last process left analysing, retrying while the store cannot be reached; false
    /// when the server stops first.</summary>
    private async Task<bool> RequeueInterruptedAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                int requeued = await store.RequeueInterruptedVerificationsAsync(stoppingToken).ConfigureAwait(false);
                if (requeued > 0)
                {
                    VerificationLog.Requeued(logger, requeued);
                }

                return true;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                VerificationLog.QueueUnavailable(logger, e);
                await PauseAsync(stoppingToken).ConfigureAwait(false);
            }
        }

        return false;
    }

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            UploadVerification? upload;
            try
            {
                upload = await store.ClaimNextVerificationAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                VerificationLog.QueueUnavailable(logger, e);
                await PauseAsync(stoppingToken).ConfigureAwait(false);
                continue;
            }

            if (upload is null)
            {
                await PauseAsync(stoppingToken).ConfigureAwait(false);
                continue;
            }

            doorbell.Ring(); // more may wait: an idle sibling looks
            await VerifyAsync(upload, stoppingToken).ConfigureAwait(false);
        }
    }

    private async Task VerifyAsync(UploadVerification upload, CancellationToken stoppingToken)
    {
        VerificationLog.Started(logger, upload.UploadId, upload.Attempts);
        try
        {
            if (upload.Attempts > MaxAttempts)
            {
                throw new VerificationException($"the server stopped {upload.Attempts - 1} times while analysing this upload: "
                    + "it is not analysed again (a capture that stops the analyzer?)");
            }

            var checks = await verifier.VerifyAsync(await ExecutionsOfAsync(upload, stoppingToken).ConfigureAwait(false), stoppingToken)
                .ConfigureAwait(false);
            bool flagged = checks.Values.Any(c => c.Status == EvidenceStatus.Flagged);
            await store.CompleteVerificationAsync(upload.UploadId, flagged ? VerificationStatus.Flagged : VerificationStatus.Verified, null,
                [.. checks.Values], stoppingToken).ConfigureAwait(false);
            VerificationLog.Finished(logger, upload.UploadId, flagged ? "flagged" : "verified", checks.Count);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await ReleaseAsync(upload).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            string reason = e is VerificationException ? e.Message : $"the re-analysis failed ({e.GetType().Name}); the server's log has the details";
            VerificationLog.Failed(logger, upload.UploadId, reason, e);
            try
            {
                await store.CompleteVerificationAsync(upload.UploadId, VerificationStatus.Failed, reason, [], stoppingToken).ConfigureAwait(false);
            }
            catch (Exception again) when (again is not OperationCanceledException)
            {
                VerificationLog.QueueUnavailable(logger, again); // left analysing: queued again when the server next starts
            }
        }
    }

    /// <summary>The executions the upload's receipt names, as stored (one that is not, any more, is skipped).</summary>
    private async Task<ImmutableArray<ExecutionResult>> ExecutionsOfAsync(UploadVerification upload, CancellationToken cancellationToken)
    {
        UploadReceipt receipt;
        try
        {
            receipt = UploadReceipt.Parse(upload.Receipt);
        }
        catch (JsonException e)
        {
            throw new VerificationException("the upload's journaled receipt cannot be read: " + e.Message);
        }

        var wanted = receipt.Executions.Select(e => (e.RunId, e.ExecutionId)).ToHashSet();
        var executions = ImmutableArray.CreateBuilder<ExecutionResult>();
        foreach (string runId in wanted.Select(k => k.RunId).Distinct(StringComparer.Ordinal))
        {
            executions.AddRange((await store.ListExecutionsAsync(new ExecutionFilter { RunId = runId }, cancellationToken).ConfigureAwait(false))
                .Where(e => wanted.Contains((e.RunId, e.ExecutionId))));
        }

        return executions.ToImmutable();
    }

    /// <summary>Hands an upload cut short by a stop back to the queue; if even that fails it stays analysing and the next
    /// start queues it again.</summary>
    private async Task ReleaseAsync(UploadVerification upload)
    {
        try
        {
            await store.ReleaseVerificationAsync(upload.UploadId, CancellationToken.None).ConfigureAwait(false);
            VerificationLog.Released(logger, upload.UploadId);
        }
        catch (Exception e)
        {
            VerificationLog.QueueUnavailable(logger, e);
        }
    }

    private async Task PauseAsync(CancellationToken stoppingToken)
    {
        try
        {
            await doorbell.WaitAsync(options.VerificationPollInterval, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping: the loop ends
        }
    }
}
