using System.Threading.Channels;

namespace OranTestbed.Results.Store;

/// <summary>
/// Writes that each must be durable before their caller goes on, committed together: a caller's item joins the next
/// batch and its task completes when the batch's transaction has committed (or fails with the batch's exception: never
/// swallowed). A hundred requests answered at once cost one commit, not a hundred through SQLite's single writer.
/// </summary>
internal sealed class GroupCommit<T>
{
    private const int MaxBatch = 500;

    private readonly Channel<(T Item, TaskCompletionSource Done)> _queue =
        Channel.CreateUnbounded<(T, TaskCompletionSource)>(new UnboundedChannelOptions { SingleReader = true });

    private readonly Func<IReadOnlyList<T>, Task> _commit;

    public GroupCommit(Func<IReadOnlyList<T>, Task> commit)
    {
        _commit = commit;
        _ = Task.Run(WriteAsync);
    }

    /// <summary>Completes when <paramref name="item"/> is committed.</summary>
    public Task AddAsync(T item)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return _queue.Writer.TryWrite((item, done)) ? done.Task : Task.FromException(new InvalidOperationException("the writer is closed"));
    }

    private async Task WriteAsync()
    {
        var batch = new List<(T Item, TaskCompletionSource Done)>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }

            try
            {
                await _commit([.. batch.Select(b => b.Item)]).ConfigureAwait(false);
                batch.ForEach(b => b.Done.SetResult());
            }
#pragma warning disable CA1031 // every waiter gets the batch's failure: it is theirs to report
            catch (Exception e)
#pragma warning restore CA1031
            {
                batch.ForEach(b => b.Done.SetException(e));
            }
        }
    }
}
