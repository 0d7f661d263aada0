using OranTestbed.Capture;

namespace OranTestbed.Cli;

/// <summary>
/// The start-up check of the commands that capture or inject frames, or read captures, through libpcap (analyze and
/// decode of a pcapng file or with a filter, analyze --interface, emulate --interface, run and agent with a physical
/// bench; classic pcap files are read, and written, without it): without the library they say so once, with the package
/// to install, and exit 72
/// (<see cref="ExitCodes.MissingSystemLibrary"/>), rather than fail every frame or execution later.
/// </summary>
internal static class LibpcapRequirement
{
    /// <summary>Null when libpcap loads; else writes the one line and returns the exit code.</summary>
    public static int? Check(string command, TextWriter diagnostics) =>
        Check(command, diagnostics, Libpcap.IsAvailable, Libpcap.LinuxLibraryNames);

    /// <summary>The check against given library names (a spec points it at a library that does not exist).</summary>
    internal static int? Check(string command, TextWriter diagnostics, IReadOnlyList<string> libraryNames) =>
        Check(command, diagnostics, Libpcap.CanLoad(libraryNames), libraryNames);

    private static int? Check(string command, TextWriter diagnostics, bool available, IReadOnlyList<string> names)
    {
        if (available)
        {
            return null;
        }

        diagnostics.WriteLine($"oran-testbed {command}: {Libpcap.MissingMessage(names)}");
        return ExitCodes.MissingSystemLibrary;
    }
}
