using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OranTestbed.Results.Store;

namespace OranTestbed.Server.Audit;

/// <summary>
/// Keeps the audit log to <see cref="ServerOptions.AuditRetention"/>: deletes older events when the server starts and
/// every <see cref="ServerOptions.AuditPruneInterval"/> after, on the store's clock. A failure is logged and tried again
/// at the next interval: the log only grows meanwhile, nothing is lost that should be kept.
/// </summary>
internal sealed class AuditRetention(ServerOptions options, ResultsStore store, ILogger<AuditRetention> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.AuditRetention is not { } retention)
        {
            return;
        }

        var clock = store.Options.Clock;
        while (!stoppingToken.IsCancellationRequested)
        {
            var before = clock.GetUtcNow() - retention;
            try
            {
                long removed = await store.PruneAuditAsync(before, cancellationToken: stoppingToken).ConfigureAwait(false);
                if (removed > 0)
                {
                    AuditLog.Pruned(logger, removed, before, retention);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                AuditLog.PruneFailed(logger, e, options.AuditPruneInterval);
            }

            try
            {
                await Task.Delay(options.AuditPruneInterval, clock, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
