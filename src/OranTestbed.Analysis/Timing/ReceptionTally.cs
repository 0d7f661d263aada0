using System.Collections.Immutable;
using System.Runtime.CompilerServices;

namespace OranTestbed.Analysis.Timing;

/// <summary>
/// Streams the window class of each message an O-RU's reception windows judge into per-interval buckets
/// (<see cref="ReceptionSeries"/>): six counters per interval (U-plane and C-plane × early, on time, late) in one array
/// grown only when a new interval begins, so nothing is allocated per message. Timestamps may arrive slightly out of
/// order (frames of both directions interleave at a tap); an interval before the first one seen is prepended.
/// </summary>
internal sealed class ReceptionTally(long intervalNs)
{
    private const int PerInterval = 6;

    /// <summary>A capture spanning more intervals than this (timestamps days apart at 1 s) stops being tallied.</summary>
    public const int MaxIntervals = 1 << 20;

    private long[] _counts = new long[PerInterval * 16];
    private long _firstKey = long.MinValue;
    private int _intervals;

    // The interval of the last message, [start, end), and where its counters start in _counts.
    private long _currentStart = long.MaxValue;
    private long _currentEnd = long.MinValue;
    private int _currentAt;

    private long _intervalNs = Positive(intervalNs);

    /// <summary>The grid; settable until the first message.</summary>
    public long IntervalNs
    {
        get => _intervalNs;
        set
        {
            if (_intervals > 0)
            {
                throw new InvalidOperationException("the reception interval is set before the first message");
            }

            _intervalNs = Positive(value);
        }
    }

    public bool IsEmpty => _intervals == 0;

    /// <summary>Messages not tallied because the capture spans more than <see cref="MaxIntervals"/> intervals.</summary>
    public long Outside { get; private set; }

    // The three methods are optimised from their first call: Grow is first called when the second interval begins, well
    // into a capture, and a tier-0 method jitted then holds back the analyzer's hot methods from tier-1 (a fixed ~70 ms,
    // 8 % of a whole-process analyze of a 1 GB capture at the O-RU tap, measured; none with this attribute).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(long timestampNs, bool cplane, TimingClass timing)
    {
        if (timestampNs >= _currentStart && timestampNs < _currentEnd)
        {
            _counts[_currentAt + (cplane ? 3 : 0) + (int)timing]++; // the usual case: no division
            return;
        }

        AddElsewhere(timestampNs, cplane, timing);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddElsewhere(long timestampNs, bool cplane, TimingClass timing)
    {
        long key = Math.DivRem(timestampNs, _intervalNs, out long rest);
        key -= rest < 0 ? 1 : 0; // floor for timestamps before 1970
        if (_intervals == 0)
        {
            _firstKey = key;
            _intervals = 1;
        }

        long index = key - _firstKey;
        if ((ulong)index >= (ulong)_intervals)
        {
            index = Grow(key);
            if (index < 0)
            {
                Outside++;
                return;
            }
        }

        _currentStart = key * IntervalNs;
        _currentEnd = _currentStart + IntervalNs;
        _currentAt = (int)index * PerInterval;
        _counts[_currentAt + (cplane ? 3 : 0) + (int)timing]++;
    }

    private static long Positive(long intervalNs) => intervalNs > 0
        ? intervalNs
        : throw new ArgumentOutOfRangeException(nameof(intervalNs), intervalNs, "the reception interval must be positive");

    public ImmutableArray<ReceptionInterval> Build()
    {
        var intervals = ImmutableArray.CreateBuilder<ReceptionInterval>(_intervals);
        for (int i = 0; i < _intervals; i++)
        {
            int at = i * PerInterval;
            var uplane = new ReceptionCounts(_counts[at + (int)TimingClass.Early], _counts[at + (int)TimingClass.OnTime],
                _counts[at + (int)TimingClass.Late]);
            var cplane = new ReceptionCounts(_counts[at + 3 + (int)TimingClass.Early], _counts[at + 3 + (int)TimingClass.OnTime],
                _counts[at + 3 + (int)TimingClass.Late]);
            if (uplane.Total + cplane.Total > 0)
            {
                long start = (_firstKey + i) * IntervalNs;
                intervals.Add(new ReceptionInterval(start, start + IntervalNs, uplane, cplane));
            }
        }

        return intervals.ToImmutable();
    }

    /// <summary>Makes room for <paramref name="key"/> (a later interval, or one before the first) and returns its index.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private long Grow(long key)
    {
        long last = _firstKey + _intervals - 1;
        long first = Math.Min(_firstKey, key);
        long count = Math.Max(last, key) - first + 1;
        if (count > MaxIntervals)
        {
            return -1;
        }

        long shift = _firstKey - first;
        if (count * PerInterval > _counts.Length || shift > 0)
        {
            var grown = new long[Math.Max(count * PerInterval, (long)_counts.Length * 2)];
            Array.Copy(_counts, 0, grown, shift * PerInterval, _intervals * PerInterval);
            _counts = grown;
        }

        _firstKey = first;
        _intervals = (int)count;
        return key - first;
    }
}
