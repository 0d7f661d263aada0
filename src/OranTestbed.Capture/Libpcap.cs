using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace OranTestbed.Capture;

/// <summary>
/// Whether the system's libpcap can be loaded, asked before anything calls SharpPcap: without it every SharpPcap call
/// throws <see cref="PlatformNotSupportedException"/> ("Operation is not supported on this platform"), which says
/// nothing about the library or the package to install.
/// </summary>
public static class Libpcap
{
    /// <summary>The Debian/Ubuntu package that holds <c>libpcap.so.0.8</c> (libpcap 1.10 on Debian 12).</summary>
    public const string DebianPackage = "libpcap0.8";

    /// <summary>The names SharpPcap's resolver probes on Linux (LibPcapSafeNativeMethods.Resolver.cs).</summary>
    public static ImmutableArray<string> LinuxLibraryNames { get; } = ["libpcap.so", "libpcap.so.0", "libpcap.so.0.8", "libpcap.so.1"];

    private static readonly Lazy<bool> Available = new(() => CanLoad(LinuxLibraryNames));

    /// <summary>True when libpcap loads (always true off Linux, where SharpPcap resolves its own names).</summary>
    public static bool IsAvailable => !OperatingSystem.IsLinux() || Available.Value;

    /// <summary>True when one of <paramref name="libraryNames"/> loads through the dynamic linker, as SharpPcap would load it.</summary>
    public static bool CanLoad(IEnumerable<string> libraryNames)
    {
        ArgumentNullException.ThrowIfNull(libraryNames);
        foreach (string name in libraryNames)
        {
            if (NativeLibrary.TryLoad(name, out var handle))
            {
                NativeLibrary.Free(handle);
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether reading <paramref name="path"/> through <see cref="Files.CaptureFileReader"/> calls libpcap: a BPF filter,
    /// or any file that is not classic pcap (pcapng, or a file only libpcap can name). Classic pcap is read without it.
    /// A file that cannot be opened needs nothing: the reader reports it.
    /// </summary>
    public static bool IsNeededToRead(string path, string? filter)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!string.IsNullOrWhiteSpace(filter))
        {
            return true;
        }

        try
        {
            var format = Files.CaptureFileLayout.SniffFile(path, out long length);
            return length > 0 && format is not (Files.CaptureFileFormat.PcapMicrosecond or Files.CaptureFileFormat.PcapNanosecond);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>What to tell a user whose system lacks libpcap: the library, the package and how to install it.</summary>
    public static string MissingMessage(IEnumerable<string> libraryNames) =>
        $"libpcap is not installed (none of {string.Join(", ", libraryNames)} loads): install the system package "
        + $"{DebianPackage}, e.g. 'sudo apt-get install {DebianPackage}' on Debian or Ubuntu ('sudo dnf install libpcap' on Fedora)";
}
