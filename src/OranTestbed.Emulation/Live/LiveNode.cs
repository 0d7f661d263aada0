using OranTestbed.Capture.Live;

namespace OranTestbed.Emulation.Live;

/// <summary>
/// What an emulated node on a live interface does whatever its role: one dedicated thread (raised to real-time priority
/// when the pacing asks) runs the node's send loop, whose statistics, or failure, complete <see cref="Completion"/>;
/// disposing stops the loop, waits for it and closes the sender.
/// </summary>
public abstract class LiveNode : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource<LiveSendStatistics> _completion =
        new(TaskCreationOptions.RunContinuationsAsynchronously);

    private bool _started;

    private protected LiveNode(LiveFrameSender sender, RealTimeClock clock)
    {
        Sender = sender;
        Clock = clock;
    }

    /// <summary>Completes with the send statistics when the node has sent its last frame.</summary>
    public Task<LiveSendStatistics> Completion => _completion.Task;

    private protected LiveFrameSender Sender { get; }

    private protected RealTimeClock Clock { get; }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (!disposing)
        {
            return;
        }

        _stop.Cancel();
        try
        {
            if (_started)
            {
                _completion.Task.Wait(TimeSpan.FromSeconds(5));
            }
        }
        catch (AggregateException)
        {
            // The failure was reported through Completion.
        }

        Sender.Dispose();
        _stop.Dispose();
    }

    private protected void StartThread(string name)
    {
        _started = true;
        new Thread(Run) { IsBackground = true, Name = name }.Start();
    }

    /// <summary>The node's loop, on its own thread, until it is done or <paramref name="stop"/> is cancelled.</summary>
    private protected abstract LiveSendStatistics SendUntilDone(CancellationToken stop);

    /// <summary>After the loop, whether it ended or failed (e.g. to publish what the node counted).</summary>
    private protected virtual void Stopped()
    {
    }

    private void Run()
    {
        if (Clock.Pacing.RealTimePriority)
        {
            RealTimeScheduling.TryRaiseCurrentThread();
        }

        try
        {
            var statistics = SendUntilDone(_stop.Token);
            Stopped();
            _completion.TrySetResult(statistics);
        }
#pragma warning disable CA1031 // A thread's failure must reach Completion, not kill the process.
        catch (Exception e)
#pragma warning restore CA1031
        {
            Stopped();
            _completion.TrySetException(e);
        }
    }
}
