using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace OranTestbed.Fronthaul.Ptp;

/// <summary>
/// A PTP Timestamp (IEEE 1588-2019 §5.3.3): 48-bit seconds + 32-bit nanoseconds, 10 bytes big-endian, on the PTP
/// (TAI) time scale. Also the eCPRI one-way delay timestamp format (eCPRI V2.0 §3.2.4.6).
/// </summary>
public readonly record struct PtpTimestamp(ulong Seconds, uint Nanoseconds)
{
    public const int Length = 10;
    public const ulong MaxSeconds = (1UL << 48) - 1;

    /// <summary>The nanoseconds field is always below 10^9 (IEEE 1588-2019 §5.3.3).</summary>
    public const uint NanosecondsPerSecond = 1_000_000_000;

    /// <summary>Byte offset of the nanoseconds field inside the timestamp.</summary>
    public const int NanosecondsOffset = 6;

    /// <summary>True when the nanoseconds field at <paramref name="bytes"/> is in range.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool HasValidNanoseconds(ReadOnlySpan<byte> bytes) =>
        BinaryPrimitives.ReadUInt32BigEndian(bytes[NanosecondsOffset..]) < NanosecondsPerSecond;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static PtpTimestamp Read(ReadOnlySpan<byte> bytes) =>
        new(((ulong)BinaryPrimitives.ReadUInt16BigEndian(bytes) << 32) | BinaryPrimitives.ReadUInt32BigEndian(bytes[2..]),
            BinaryPrimitives.ReadUInt32BigEndian(bytes[6..]));

    public void Write(Span<byte> bytes)
    {
        if (Seconds > MaxSeconds)
        {
            throw new InvalidOperationException("PTP seconds do not fit in 48 bits");
        }

        BinaryPrimitives.WriteUInt16BigEndian(bytes, (ushort)(Seconds >> 32));
        BinaryPrimitives.WriteUInt32BigEndian(bytes[2..], (uint)Seconds);
        BinaryPrimitives.WriteUInt32BigEndian(bytes[6..], Nanoseconds);
    }
}
