using System.Buffers;
using System.Collections.Concurrent;

namespace OranTestbed.Capture.Live;

/// <summary>
/// The fixed set of batches one capture cycles through: at most <c>capacity</c> ever exist, so memory is bounded
/// whatever the traffic. Buffers come from <see cref="ArrayPool{T}.Shared"/> when a batch is first needed and go back
/// when the source is disposed (or, for a batch the consumer still holds then, when that batch is disposed).
/// Rent is called by the capture thread only; Return by any thread.
/// </summary>
internal sealed class CaptureBatchPool
{
    private readonly ConcurrentQueue<CaptureBatch> _free = new();
    private readonly int _capacity;
    private readonly int _batchBytes;
    private readonly int _framesPerBatch;
    private int _created;
    private volatile bool _closed;

    public CaptureBatchPool(int capacity, int batchBytes, int framesPerBatch)
    {
        _capacity = capacity;
        _batchBytes = batchBytes;
        _framesPerBatch = framesPerBatch;
    }

    /// <summary>Batches created so far (each rents its buffers once; growth happens while the consumer lags).</summary>
    public int Created => Volatile.Read(ref _created);

    /// <summary>A free batch, or null when every batch is queued or held by the consumer.</summary>
    public CaptureBatch? TryRent()
    {
        if (_free.TryDequeue(out var batch))
        {
            return batch;
        }

        if (_created >= _capacity)
        {
            return null;
        }

        Interlocked.Increment(ref _created);
        return new CaptureBatch(this, ArrayPool<byte>.Shared.Rent(_batchBytes),
            ArrayPool<CaptureBatch.FrameSlot>.Shared.Rent(_framesPerBatch));
    }

    public void Return(CaptureBatch batch)
    {
        if (_closed)
        {
            batch.ReleaseArrays();
            return;
        }

        _free.Enqueue(batch);

        // Close may have drained the queue between our check and the enqueue: drain again.
        if (_closed)
        {
            Close();
        }
    }

    /// <summary>Gives every free batch's buffers back to the shared pools; batches returned later go straight back.</summary>
    public void Close()
    {
        _closed = true;
        while (_free.TryDequeue(out var batch))
        {
            batch.ReleaseArrays();
        }
    }

    public static void ReleaseArrays(byte[] buffer, CaptureBatch.FrameSlot[] slots)
    {
        ArrayPool<byte>.Shared.Return(buffer);
        ArrayPool<CaptureBatch.FrameSlot>.Shared.Return(slots);
    }
}
