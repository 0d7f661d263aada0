using System.Threading.Channels;

namespace OranTestbed.Server.Verification;

/// <summary>
/// Wakes an idle <see cref="VerificationWorker"/> when this server queues an upload, so a verification starts at once
/// instead of at the next poll. Holds at most one ring: rings while every worker is busy collapse into one, and the queue
/// itself (in the store) is what says how much work waits.
/// </summary>
internal sealed class VerificationDoorbell
{
    private readonly Channel<bool> _rings = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Ring() => _rings.Writer.TryWrite(true);

    /// <summary>Returns at a ring or after <paramref name="timeout"/>, whichever is first; throws only when
    /// <paramref name="cancellationToken"/> fires.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(timeout);
        try
        {
            await _rings.Reader.ReadAsync(wait.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // the poll interval passed
        }
    }
}
