namespace OranTestbed.Capture.Tests.Support;

/// <summary>FNV-1a 64 over a stream of spans: a checksum of every byte read, order-sensitive.</summary>
public struct Fnv
{
    private ulong _hash;

    public Fnv() => _hash = 14695981039346656037UL;

    public readonly ulong Value => _hash;

    public void Add(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            _hash = (_hash ^ b) * 1099511628211UL;
        }
    }

    public void Add(long value)
    {
        Span<byte> bytes = stackalloc byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(bytes, value);
        Add(bytes);
    }
}
