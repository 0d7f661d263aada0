using System.Diagnostics;
using System.Globalization;

namespace OranTestbed.TestSupport.Live;

/// <summary>
/// Two network namespaces joined by one veth pair, or by two veth pairs through a relay namespace between them
/// (<see cref="CreateRelayed"/>), for live tests (needs root). Self-contained so other test
/// projects can link-compile it (<c>&lt;Compile Include="..\OranTestbed.Capture.Tests\Live\Support\*.cs" /&gt;</c>).
/// </summary>
/// <remarks>
/// <para>Topology (nothing is created in the root namespace; traffic never leaves the pair):</para>
/// <code>
///   namespace otb-PID-N-a                      namespace otb-PID-N-b
///   +--------------------+                      +--------------------+
///   | InterfaceA         |==== veth pair =======| InterfaceB         |
///   | (otbPIDnNa) 02:..:0a|                     | (otbPIDnNb) 02:..:0b|
///   +--------------------+                      +--------------------+
/// </code>
/// <para>
/// <see cref="CreateRelayed"/> puts a third namespace between the ends, for a layer-2 relay that forwards between two
/// veth pairs (<see cref="DelayRelay"/>: a fixed hold per direction, a path asymmetry without netem). A and B keep
/// their names, MACs and interfaces, so whatever runs on a direct link (ptp4l, captures) runs on this one unchanged:
/// </para>
/// <code>
///   otb-PID-N-a               otb-PID-N-r                              otb-PID-N-b
///   [ InterfaceA ]==veth==[ RelayInterfaceA  relay  RelayInterfaceB ]==veth==[ InterfaceB ]
///     otbPIDnNa              otbPIDnNra              otbPIDnNrb               otbPIDnNb
/// </code>
/// <para>
/// The test process stays in the root namespace. It captures or injects inside a namespace through
/// <c>LiveCaptureOptions.NetworkNamespace</c> / <c>LiveFrameSender.Open(..., namespace)</c>, whose threads enter it
/// with setns(2); external tools (ptp4l) run under <c>ip netns exec</c> via <see cref="StartIn"/>. IPv6 is disabled in
/// both namespaces so the link carries only what a test sends (no router solicitations or MLD reports).
/// </para>
/// <para>
/// Names are unique per process and link (<c>otb-PID-N</c>); <see cref="Dispose"/> always deletes the namespaces
/// (which destroys the veth pairs) and kills the processes started in them, and <see cref="Create"/> first removes
/// leftovers of crashed runs: namespaces named <c>otb-PID-*</c> whose PID is no longer alive.
/// </para>
/// </remarks>
public sealed class VethLink : IDisposable
{
    public const string Prefix = "otb-";
    private static int s_counter;
    private readonly List<Process> _processes = [];
    private bool _disposed;

    private VethLink(string id, int number, bool relayed)
    {
        NamespaceA = $"{Prefix}{id}-a";
        NamespaceB = $"{Prefix}{id}-b";
        var pid = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);

        // IFNAMSIZ: 15 characters at most (pid_max 4194304: "otb" + 7 + "n" + N + "ra").
        InterfaceA = $"otb{pid}n{number}a";
        InterfaceB = $"otb{pid}n{number}b";
        if (relayed)
        {
            NamespaceRelay = $"{Prefix}{id}-r";
            RelayInterfaceA = $"otb{pid}n{number}ra";
            RelayInterfaceB = $"otb{pid}n{number}rb";
        }
    }

    public string NamespaceA { get; }

    public string NamespaceB { get; }

    public string InterfaceA { get; }

    public string InterfaceB { get; }

    /// <summary>The relay's namespace between A and B; null on a direct link.</summary>
    public string? NamespaceRelay { get; }

    /// <summary>The relay's end of the veth pair to <see cref="InterfaceA"/>; null on a direct link.</summary>
    public string? RelayInterfaceA { get; }

    /// <summary>The relay's end of the veth pair to <see cref="InterfaceB"/>; null on a direct link.</summary>
    public string? RelayInterfaceB { get; }

    /// <summary>Locally administered MACs set on the ends: 02:00:00:00:00:0a and 02:00:00:00:00:0b.</summary>
    public static byte[] MacA => [0x02, 0, 0, 0, 0, 0x0A];

    public static byte[] MacB => [0x02, 0, 0, 0, 0, 0x0B];

    /// <summary>True when this process may create namespaces (root with iproute2).</summary>
    public static bool IsSupported(out string reason)
    {
        if (!OperatingSystem.IsLinux())
        {
            reason = "live tests need Linux network namespaces";
            return false;
        }

        if (Environment.UserName != "root" && Run("id", "-u").Output.Trim() != "0")
        {
            reason = "live tests need root (network namespaces, raw sockets); tools/test.sh runs them only as root";
            return false;
        }

        reason = string.Empty;
        return true;
    }

    public static VethLink Create() => Create(relayed: false);

    /// <summary>A and B joined through a third namespace (<see cref="NamespaceRelay"/>) with two veth pairs and
    /// nothing forwarding between them yet: start a <see cref="DelayRelay"/> there.</summary>
    public static VethLink CreateRelayed() => Create(relayed: true);

    private static VethLink Create(bool relayed)
    {
        if (!IsSupported(out var reason))
        {
            Assert.Fail(reason);
        }

        CleanupLeftovers();
        var number = Interlocked.Increment(ref s_counter);
        var link = new VethLink($"{Environment.ProcessId}-{number}", number, relayed);
        try
        {
            link.Setup();
            return link;
        }
        catch
        {
            link.Dispose();
            throw;
        }
    }

    /// <summary>Deletes namespaces of earlier runs whose process is gone (their veth ends go with them), after killing
    /// what still runs in them (a test host killed mid-run leaves its ptp4l behind: a deleted namespace lives on while a
    /// process is in it).</summary>
    public static void CleanupLeftovers()
    {
        var list = Run("ip", "netns", "list");
        foreach (var line in list.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = line.Split(' ', 2)[0];
            if (!name.StartsWith(Prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var parts = name[Prefix.Length..].Split('-');
            if (parts.Length >= 1 && int.TryParse(parts[0], CultureInfo.InvariantCulture, out var pid)
                && pid != Environment.ProcessId && !Directory.Exists($"/proc/{pid}"))
            {
                foreach (var orphan in Run("ip", "netns", "pids", name).Output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
                {
                    Run("kill", "-KILL", orphan.Trim());
                }

                Run("ip", "netns", "delete", name);
            }
        }
    }

    /// <summary>Runs a command inside <paramref name="ns"/> and waits; fails the test if it exits non-zero.</summary>
    public static CommandResult RunIn(string ns, string file, params string[] arguments)
    {
        var result = Run("ip", ["netns", "exec", ns, file, .. arguments]);
        if (result.ExitCode != 0)
        {
            Assert.Fail($"`{file} {string.Join(' ', arguments)}` in {ns} exited {result.ExitCode}: {result.Error}");
        }

        return result;
    }

    /// <summary>Starts a long-running command inside <paramref name="ns"/>; it is killed at <see cref="Dispose"/>.
    /// Its standard output and error lines go to <paramref name="output"/>.</summary>
    public Process StartIn(string ns, Action<string> output, string file, params string[] arguments)
    {
        ArgumentNullException.ThrowIfNull(output);
        var info = new ProcessStartInfo("ip")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["netns", "exec", ns, file, .. arguments])
        {
            info.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                output(e.Data);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                output(e.Data);
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        lock (_processes)
        {
            _processes.Add(process);
        }

        return process;
    }

    public static void SetDown(string ns, string interfaceName) => RunIn(ns, "ip", "link", "set", interfaceName, "down");

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        lock (_processes)
        {
            foreach (var process in _processes)
            {
                try
                {
                    if (!process.HasExited)
                    {
                        process.Kill(entireProcessTree: true);
                        process.WaitForExit(5000);
                    }
                }
                catch (InvalidOperationException)
                {
                    // Already gone.
                }

                process.Dispose();
            }
        }

        Run("ip", "netns", "delete", NamespaceA);
        Run("ip", "netns", "delete", NamespaceB);
        if (NamespaceRelay is not null)
        {
            Run("ip", "netns", "delete", NamespaceRelay);
        }
    }

    public static CommandResult Run(string file, params string[] arguments)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return new CommandResult(process.ExitCode, output, error.GetAwaiter().GetResult());
    }

    private void Setup()
    {
        foreach (var ns in NamespaceRelay is null ? (string[])[NamespaceA, NamespaceB] : [NamespaceA, NamespaceRelay, NamespaceB])
        {
            Check(Run("ip", "netns", "add", ns), "ip netns add " + ns);
            RunIn(ns, "sysctl", "-qw", "net.ipv6.conf.all.disable_ipv6=1", "net.ipv6.conf.default.disable_ipv6=1");
            RunIn(ns, "ip", "link", "set", "lo", "up");
        }

        if (NamespaceRelay is null)
        {
            Check(Run("ip", "link", "add", InterfaceA, "netns", NamespaceA, "address", "02:00:00:00:00:0a", "type",
                "veth", "peer", "name", InterfaceB, "netns", NamespaceB, "address", "02:00:00:00:00:0b"), "ip link add veth");
        }
        else
        {
            Check(Run("ip", "link", "add", InterfaceA, "netns", NamespaceA, "address", "02:00:00:00:00:0a", "type",
                "veth", "peer", "name", RelayInterfaceA!, "netns", NamespaceRelay), "ip link add veth (A to relay)");
            Check(Run("ip", "link", "add", RelayInterfaceB!, "netns", NamespaceRelay, "type", "veth", "peer", "name",
                InterfaceB, "netns", NamespaceB, "address", "02:00:00:00:00:0b"), "ip link add veth (relay to B)");
            RunIn(NamespaceRelay, "ip", "link", "set", RelayInterfaceA!, "up");
            RunIn(NamespaceRelay, "ip", "link", "set", RelayInterfaceB!, "up");
        }

        RunIn(NamespaceA, "ip", "link", "set", InterfaceA, "up");
        RunIn(NamespaceB, "ip", "link", "set", InterfaceB, "up");
    }

    private static void Check(CommandResult result, string what)
    {
        if (result.ExitCode != 0)
        {
            Assert.Fail($"{what} failed ({result.ExitCode}): {result.Error}");
        }
    }
}
