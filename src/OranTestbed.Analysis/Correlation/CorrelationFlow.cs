namespace OranTestbed.Analysis.Correlation;

/// <summary>
/// The recent C-plane sections of one eAxC in one direction: a ring of <c>slots</c> slot entries in arrival order
/// (oldest at the head), each keyed by (frameId, subframeId, slotId), stamped with the timestamp of its first C-plane
/// message and holding up to <c>sectionsPerSlot</c> sections (more are counted, not stored). All storage is allocated
/// when the flow is first seen; nothing afterwards. Also the correlation counts of the flow.
/// </summary>
internal sealed class CorrelationFlow
{
    private readonly int[] _keys;
    private readonly long[] _times;
    private readonly int[] _counts;
    private readonly int[] _dropped;
    private readonly CorrelationSection[] _sections;
    private readonly int _sectionsPerSlot;
    private int _head;
    private int _live;

    public CorrelationFlow(ushort eaxc, bool downlink, int slots, int sectionsPerSlot)
    {
        Eaxc = eaxc;
        Downlink = downlink;
        _keys = new int[slots];
        _times = new long[slots];
        _counts = new int[slots];
        _dropped = new int[slots];
        _sections = new CorrelationSection[slots * sectionsPerSlot];
        _sectionsPerSlot = sectionsPerSlot;
    }

    public ushort Eaxc { get; }

    public bool Downlink { get; }

    public long DlUplaneSections, DlCovered, DlOrphans, DlNotEvaluated, DlNotEvaluatedAtStart;
    public long UlCplaneSections, UlAnswered, UlOrphans, UlNotEvaluated;

    public int Live => _live;

    /// <summary>The slot index of the oldest live entry (valid when <see cref="Live"/> &gt; 0).</summary>
    public int Head => _head;

    public long TimeOf(int slot) => _times[slot];

    public int CountOf(int slot) => _counts[slot];

    public int DroppedOf(int slot) => _dropped[slot];

    public ref CorrelationSection Section(int slot, int index) => ref _sections[(slot * _sectionsPerSlot) + index];

    /// <summary>The live slot entry with <paramref name="key"/>, newest first, or −1.</summary>
    public int Find(int key)
    {
        int capacity = _keys.Length;
        for (int i = _live - 1; i >= 0; i--)
        {
            int slot = (_head + i) % capacity;
            if (_keys[slot] == key)
            {
                return slot;
            }
        }

        return -1;
    }

    /// <summary>True when the ring is full, so <see cref="Append"/> would overwrite the head.</summary>
    public bool Full => _live == _keys.Length;

    /// <summary>A new slot entry at the tail; the caller has made room (see <see cref="Full"/>, <see cref="RemoveHead"/>).</summary>
    public int Append(int key, long timestampNs)
    {
        int slot = (_head + _live) % _keys.Length;
        _keys[slot] = key;
        _times[slot] = timestampNs;
        _counts[slot] = 0;
        _dropped[slot] = 0;
        _live++;
        return slot;
    }

    /// <summary>Stores a section in <paramref name="slot"/>; false (and counted as dropped) when the slot is full.</summary>
    public bool TryAdd(int slot, in CorrelationSection section)
    {
        int count = _counts[slot];
        if (count == _sectionsPerSlot)
        {
            _dropped[slot]++;
            return false;
        }

        _sections[(slot * _sectionsPerSlot) + count] = section;
        _counts[slot] = count + 1;
        return true;
    }

    public void RemoveHead()
    {
        _head = (_head + 1) % _keys.Length;
        _live--;
    }

    public CorrelationCounts Counts() => new(DlUplaneSections, DlCovered, DlOrphans, DlNotEvaluated, UlCplaneSections,
        UlAnswered, UlOrphans, UlNotEvaluated)
    {
        DlNotEvaluatedAtStart = DlNotEvaluatedAtStart,
    };
}
