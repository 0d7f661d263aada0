using System.Runtime.CompilerServices;

namespace OranTestbed.Analysis.Sequence;

/// <summary>256 bits, one per 8-bit sequence id, stored inline (32 bytes) in a flow's state.</summary>
[InlineArray(4)]
internal struct SequenceWindow
{
    private ulong _word;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly bool Get(int id) => (this[id >> 6] & (1UL << (id & 63))) != 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Set(int id) => this[id >> 6] |= 1UL << (id & 63);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Clear(int id) => this[id >> 6] &= ~(1UL << (id & 63));
}
