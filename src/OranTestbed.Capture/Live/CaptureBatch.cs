using System.Runtime.CompilerServices;
using OranTestbed.Capture.Files;

namespace OranTestbed.Capture.Live;

/// <summary>
/// Frames copied out of the kernel ring by <see cref="LiveCaptureSource"/>, in arrival order, in buffers the source
/// recycles. OWNERSHIP: whoever reads a batch from <see cref="LiveCaptureSource.Batches"/> owns it and must
/// <see cref="Dispose"/> it exactly once when done (a <c>using</c> around the loop body); the frames' spans are valid
/// until then and must not be kept afterwards. A batch not disposed is not lost memory, but the source runs out of
/// batches after <see cref="LiveCaptureOptions.BatchesHeldByConsumer"/> and then drops frames (and counts them).
/// </summary>
/// <remarks>Iterate with <c>foreach (var frame in batch)</c> or <c>batch[i]</c>; neither allocates.</remarks>
public sealed class CaptureBatch : IDisposable
{
    private readonly CaptureBatchPool _pool;
    private readonly byte[] _buffer;
    private readonly FrameSlot[] _slots;
    private int _count;
    private int _used;
    private int _leased;

    internal CaptureBatch(CaptureBatchPool pool, byte[] buffer, FrameSlot[] slots)
    {
        _pool = pool;
        _buffer = buffer;
        _slots = slots;
    }

    /// <summary>Frames in the batch (at least one when delivered).</summary>
    public int Count => _count;

    /// <summary>1-based number of the batch in the capture; gaps mean batches the source had to drop.</summary>
    public long Sequence { get; private set; }

    /// <summary>Sum of the frames' captured lengths.</summary>
    public int CapturedBytes => _used;

    /// <summary>
    /// The frame at <paramref name="index"/>: its bytes (valid until <see cref="Dispose"/>), timestamp in Unix
    /// nanoseconds, wire length, and <see cref="CapturedFrame.Number"/> = its 1-based position among every frame
    /// libpcap handed the source (so frames the source dropped leave gaps).
    /// </summary>
    public CapturedFrame this[int index]
    {
        get
        {
            if ((uint)index >= (uint)_count)
            {
                ThrowIndex(index);
            }

            ref readonly var slot = ref _slots[index];
            return new CapturedFrame(_buffer.AsSpan(slot.Offset, slot.Length), slot.Timestamp, slot.OriginalLength,
                slot.Number);
        }
    }

    internal int FreeBytes => _buffer.Length - _used;

    internal bool IsFull => _count == _slots.Length;

    internal long FirstArrivalTicks { get; private set; }

    public Enumerator GetEnumerator() => new(this);

    /// <summary>Gives the batch back to its source for reuse. Call once; the frames are invalid afterwards.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _leased, 0) == 1)
        {
            _pool.Return(this);
        }
    }

    internal void Lease(long sequence, long arrivalTicks)
    {
        _count = 0;
        _used = 0;
        Sequence = sequence;
        FirstArrivalTicks = arrivalTicks;
        Volatile.Write(ref _leased, 1);
    }

    /// <summary>Copies one frame in; the caller has checked <see cref="FreeBytes"/> and <see cref="IsFull"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void Append(ReadOnlySpan<byte> frame, long timestamp, int originalLength, long number)
    {
        frame.CopyTo(_buffer.AsSpan(_used));
        _slots[_count++] = new FrameSlot(_used, frame.Length, originalLength, timestamp, number);
        _used += frame.Length;
    }

    internal void ReleaseArrays() => CaptureBatchPool.ReleaseArrays(_buffer, _slots);

    private static void ThrowIndex(int index) =>
        throw new ArgumentOutOfRangeException(nameof(index), index, "no such frame in the batch");

    /// <summary>Where one frame lies in the batch buffer.</summary>
    internal readonly record struct FrameSlot(int Offset, int Length, int OriginalLength, long Timestamp, long Number);

    /// <summary>Walks the frames without allocating.</summary>
    public ref struct Enumerator
    {
        private readonly CaptureBatch _batch;
        private int _index;

        internal Enumerator(CaptureBatch batch)
        {
            _batch = batch;
            _index = -1;
        }

        public readonly CapturedFrame Current => _batch[_index];

        public bool MoveNext() => ++_index < _batch._count;
    }
}
