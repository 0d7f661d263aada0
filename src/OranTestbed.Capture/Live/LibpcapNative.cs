using System.Runtime.InteropServices;
using SharpPcap.LibPcap;

namespace OranTestbed.Capture.Live;

/// <summary>
/// <c>pcap_stats</c> called directly, because SharpPcap 6.3.1 misreads it on 64-bit Unix: its
/// <c>pcap_stat_unix</c> declares the three <c>u_int</c> counters as <c>IntPtr</c>s, so <c>ReceivedPackets</c> is
/// right by luck (low half of the first 8 bytes) but <c>DroppedPackets</c> is really <c>ps_ifdrop</c>, and kernel
/// ring drops (<c>ps_drop</c>) are never seen. Measured on Linux 6.18 / libpcap 1.10.3: 14 371 frames dropped by the
/// kernel, SharpPcap reporting 0 (see LibpcapStatisticsTests).
/// </summary>
/// <remarks>The library is the one SharpPcap loaded (dlopen returns the same handle for the same file), so the
/// <c>pcap_t*</c> from <see cref="PcapDevice.Handle"/> is valid here.</remarks>
internal static unsafe class LibpcapNative
{
    // The names SharpPcap's resolver probes on Linux (LibPcapSafeNativeMethods.Resolver.cs).
    private static readonly string[] LibraryNames = ["libpcap.so", "libpcap.so.0", "libpcap.so.0.8", "libpcap.so.1"];

    private static readonly delegate* unmanaged<IntPtr, PcapStat*, int> PcapStats = Resolve();

    public static bool IsAvailable => PcapStats != null;

    /// <summary>Reads the cumulative counters of an open live handle; false when libpcap reports an error.</summary>
    public static bool TryGetStatistics(PcapDevice device, out PcapStat stat)
    {
        stat = default;
        if (PcapStats == null)
        {
            return false;
        }

        var handle = device.Handle;
        var added = false;
        try
        {
            handle.DangerousAddRef(ref added);
            PcapStat result;
            if (PcapStats(handle.DangerousGetHandle(), &result) != 0)
            {
                return false;
            }

            stat = result;
            return true;
        }
        catch (ObjectDisposedException)
        {
            return false;
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }
    }

    private static delegate* unmanaged<IntPtr, PcapStat*, int> Resolve()
    {
        foreach (var name in LibraryNames)
        {
            if (NativeLibrary.TryLoad(name, out var library)
                && NativeLibrary.TryGetExport(library, "pcap_stats", out var export))
            {
                return (delegate* unmanaged<IntPtr, PcapStat*, int>)export;
            }
        }

        return null;
    }

    /// <summary><c>struct pcap_stat</c> on Unix (pcap/pcap.h): three <c>u_int</c>.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct PcapStat
    {
        /// <summary>Frames that passed the filter, including those the kernel then dropped.</summary>
        public uint Received;

        /// <summary>Frames the kernel dropped because the ring was full.</summary>
        public uint Dropped;

        /// <summary>Frames the interface dropped (rx_missed/fifo errors, promiscuous handles only).</summary>
        public uint InterfaceDropped;
    }
}
