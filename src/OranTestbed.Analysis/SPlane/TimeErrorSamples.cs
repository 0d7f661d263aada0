namespace OranTestbed.Analysis.SPlane;

/// <summary>
/// A growing series of (capture time ns, value, frame number) samples: amortised O(1) appends, arrays doubled when full
/// (16 Sync/s over an hour is 57,600 samples, 1.4 MB with the times and frames).
/// </summary>
internal sealed class TimeErrorSamples
{
    private long[] _times = new long[64];
    private long[] _values = new long[64];
    private long[] _frames = new long[64];

    public int Count { get; private set; }

    /// <summary>False once a sample came earlier than the one before (a reordered message completed it).</summary>
    public bool InTimeOrder { get; private set; } = true;

    public ReadOnlySpan<long> Times => _times.AsSpan(0, Count);

    public ReadOnlySpan<long> Values => _values.AsSpan(0, Count);

    public ReadOnlySpan<long> Frames => _frames.AsSpan(0, Count);

    public void Add(long time, long value, long frame)
    {
        if (Count == _times.Length)
        {
            Array.Resize(ref _times, Count * 2);
            Array.Resize(ref _values, Count * 2);
            Array.Resize(ref _frames, Count * 2);
        }

        if (Count > 0 && time < _times[Count - 1])
        {
            InTimeOrder = false;
        }

        _times[Count] = time;
        _values[Count] = value;
        _frames[Count] = frame;
        Count++;
    }

    /// <summary>Sorts by capture time (stable for equal times: values keep their arrival order).</summary>
    public void SortByTime()
    {
        if (InTimeOrder)
        {
            return;
        }

        var order = new int[Count];
        for (int i = 0; i < Count; i++)
        {
            order[i] = i;
        }

        var times = _times;
        Array.Sort(order, (a, b) => times[a] != times[b] ? times[a].CompareTo(times[b]) : a.CompareTo(b));
        var sortedTimes = new long[_times.Length];
        var values = new long[_values.Length];
        var frames = new long[_frames.Length];
        for (int i = 0; i < Count; i++)
        {
            sortedTimes[i] = _times[order[i]];
            values[i] = _values[order[i]];
            frames[i] = _frames[order[i]];
        }

        _times = sortedTimes;
        _values = values;
        _frames = frames;
        InTimeOrder = true;
    }
}
