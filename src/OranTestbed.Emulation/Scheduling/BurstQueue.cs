namespace OranTestbed.Emulation.Scheduling;

/// <summary>
/// A binary min-heap of <see cref="Burst"/>s by (desired time, order): a node's transmit queue. Grows by doubling
/// (a few times at start-up), then allocates nothing.
/// </summary>
internal sealed class BurstQueue
{
    private Burst[] _items = new Burst[256];
    private int _count;
    private long _order;

    public int Count => _count;

    public ref readonly Burst Min => ref _items[0];

    public void Push(Burst burst)
    {
        burst.Order = _order++;
        if (_count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }

        int i = _count++;
        while (i > 0)
        {
            int parent = (i - 1) >> 1;
            if (!Less(burst, _items[parent]))
            {
                break;
            }

            _items[i] = _items[parent];
            i = parent;
        }

        _items[i] = burst;
    }

    public Burst Pop()
    {
        var top = _items[0];
        var last = _items[--_count];
        int i = 0;
        while (true)
        {
            int child = (2 * i) + 1;
            if (child >= _count)
            {
                break;
            }

            if (child + 1 < _count && Less(_items[child + 1], _items[child]))
            {
                child++;
            }

            if (!Less(_items[child], last))
            {
                break;
            }

            _items[i] = _items[child];
            i = child;
        }

        if (_count > 0)
        {
            _items[i] = last;
        }

        _items[_count] = default;
        return top;
    }

    private static bool Less(in Burst a, in Burst b) =>
        a.DesiredNs < b.DesiredNs || (a.DesiredNs == b.DesiredNs && a.Order < b.Order);
}
