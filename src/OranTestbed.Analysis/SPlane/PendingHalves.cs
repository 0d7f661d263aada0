namespace OranTestbed.Analysis.SPlane;

/// <summary>
/// One half of two-step Sync/Follow_Up pairs waiting for the other, by sequenceId, oldest first: held Syncs (tap time,
/// Sync correctionField) or Follow_Ups that came before their Sync (preciseOriginTimestamp in 2^-16 ns, Follow_Up
/// correctionField). A few slots allocated once per port; a full queue drops its oldest (a half that never found its
/// other), which the caller counts.
/// </summary>
internal sealed class PendingHalves
{
    public const int Capacity = 8;

    private readonly ushort[] _sequence = new ushort[Capacity];
    private readonly Int128[] _value = new Int128[Capacity];
    private readonly long[] _correction = new long[Capacity];

    public int Count { get; private set; }

    public bool Contains(ushort sequenceId) => IndexOf(sequenceId) >= 0;

    /// <summary>Takes the half with <paramref name="sequenceId"/> out of the queue, if it is there.</summary>
    public bool TryTake(ushort sequenceId, out Int128 value, out long correction)
    {
        int i = IndexOf(sequenceId);
        if (i < 0)
        {
            (value, correction) = (default, 0);
            return false;
        }

        (value, correction) = (_value[i], _correction[i]);
        RemoveAt(i);
        return true;
    }

    /// <summary>Queues a half; true when the queue was full and its oldest half was dropped to make room.</summary>
    public bool Add(ushort sequenceId, Int128 value, long correction)
    {
        bool dropped = Count == Capacity;
        if (dropped)
        {
            RemoveAt(0);
        }

        _sequence[Count] = sequenceId;
        _value[Count] = value;
        _correction[Count] = correction;
        Count++;
        return dropped;
    }

    private int IndexOf(ushort sequenceId)
    {
        for (int i = 0; i < Count; i++)
        {
            if (_sequence[i] == sequenceId)
            {
                return i;
            }
        }

        return -1;
    }

    private void RemoveAt(int index)
    {
        int left = Count - index - 1;
        Array.Copy(_sequence, index + 1, _sequence, index, left);
        Array.Copy(_value, index + 1, _value, index, left);
        Array.Copy(_correction, index + 1, _correction, index, left);
        Count--;
    }
}
