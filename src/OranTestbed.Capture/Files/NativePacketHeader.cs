using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace OranTestbed.Capture.Files;

/// <summary>
/// Reads libpcap's <c>struct pcap_pkthdr</c> in place, so that the per-frame path allocates nothing.
/// </summary>
/// <remarks>
/// <para>
/// Why not <c>PcapDevice.GetNextPacket</c>: every call allocates a <c>PcapHeader</c> and a decimal-backed
/// <c>PosixTimeval</c> (two classes, 64 B per frame measured on 6.3.1, plus a decimal division), re-reads the timestamp precision
/// through a P/Invoke and polls the file descriptor. <c>GetNextPacketPointers</c> (public, "advanced use") is the
/// bare <c>pcap_next_ex</c>: it hands back the header and data pointers that libpcap owns until the next call.
/// </para>
/// <para>
/// Layout (pcap/pcap.h, <c>struct pcap_pkthdr { struct timeval ts; bpf_u_int32 caplen; bpf_u_int32 len; }</c>),
/// mirroring SharpPcap's own <c>PcapHeader.FromPointer</c>:
/// <code>
///   64-bit Linux/BSD       macOS                  Windows, any 32-bit
///   0  tv_sec   (8)        0  tv_sec  (8)          0  tv_sec  (4)
///   8  tv_usec  (8)        8  tv_usec (4) +4 pad   4  tv_usec (4)
///   16 caplen   (4)        16 caplen  (4)          8  caplen  (4)
///   20 len      (4)        20 len     (4)          12 len     (4)
/// </code>
/// With a handle opened by <c>pcap_open_offline_with_tstamp_precision(..., PCAP_TSTAMP_PRECISION_NANO)</c>
/// <c>tv_usec</c> holds nanoseconds (libpcap rescales µs pcap and any pcapng <c>if_tsresol</c> to it).
/// </para>
/// </remarks>
internal static class NativePacketHeader
{
    private static readonly bool Is32BitTimeval = IntPtr.Size == 4 || OperatingSystem.IsWindows();
    private static readonly bool Is32BitFraction = Is32BitTimeval || OperatingSystem.IsMacOS();

    private static readonly int FractionOffset = Is32BitTimeval ? 4 : 8;
    private static readonly int CaptureLengthOffset = Is32BitTimeval ? 8 : 16;
    private static readonly int PacketLengthOffset = Is32BitTimeval ? 12 : 20;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Seconds(IntPtr header) =>
        Is32BitTimeval ? Marshal.ReadInt32(header) : Marshal.ReadInt64(header);

    /// <summary>The sub-second part in the handle's precision (nanoseconds for our reader handles).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Fraction(IntPtr header) =>
        Is32BitFraction ? Marshal.ReadInt32(header, FractionOffset) : Marshal.ReadInt64(header, FractionOffset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int CaptureLength(IntPtr header) => Marshal.ReadInt32(header, CaptureLengthOffset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int PacketLength(IntPtr header) => Marshal.ReadInt32(header, PacketLengthOffset);

    /// <summary>Fills the lengths of a header that only a BPF filter will read (<c>pcap_offline_filter</c> looks at
    /// <c>caplen</c> and <c>len</c>, never at the timestamp).</summary>
    public static void WriteLengths(IntPtr header, int captureLength, int packetLength)
    {
        Marshal.WriteInt32(header, CaptureLengthOffset, captureLength);
        Marshal.WriteInt32(header, PacketLengthOffset, packetLength);
    }

    /// <summary>Bytes of one header on this platform.</summary>
    public static int Size => Is32BitTimeval ? 16 : 24;

    /// <summary>
    /// A span over libpcap's packet buffer, valid until the next <c>pcap_next_ex</c> or close: SharpPcap's own
    /// <c>new Span&lt;byte&gt;(data.ToPointer(), caplen)</c>. Copying into a managed buffer instead would cost a memcpy
    /// per frame. This is the one unsafe construct of the project (see the Capture csproj).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe ReadOnlySpan<byte> Data(IntPtr data, int captureLength) =>
        captureLength == 0 ? ReadOnlySpan<byte>.Empty : new ReadOnlySpan<byte>(data.ToPointer(), captureLength);
}
