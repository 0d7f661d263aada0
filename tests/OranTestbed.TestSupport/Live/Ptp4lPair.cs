using System.Collections.Concurrent;

namespace OranTestbed.TestSupport.Live;

/// <summary>
/// Real ptp4l (Debian linuxptp) as a G.8275.1 grandmaster in namespace A and a slave-only clock in namespace B of a
/// <see cref="VethLink"/>: the profile's shipped config plus domain 24, two-step, clockClass 248 (master) and
/// free_running (slave: both ends share this host's CLOCK_REALTIME, which a test must never steer), software
/// timestamps, L2 transport. Self-contained so other test projects link-compile it. Disposing deletes the configs;
/// the processes end with the namespaces.
/// </summary>
public sealed class Ptp4lPair : IDisposable
{
    public const string Ptp4l = "/usr/sbin/ptp4l";
    public const int ClockClass = 248;
    private const string ProfileConfig = "/usr/share/doc/linuxptp/configs/G.8275.1.cfg";

    private readonly DirectoryInfo _directory;

    private Ptp4lPair(DirectoryInfo directory) => _directory = directory;

    /// <summary>ptp4l's output lines, prefixed "master: " / "slave: ".</summary>
    public ConcurrentQueue<string> Log { get; } = new();

    /// <summary>Folder of the configs and the ptp4l management sockets (<c>master.sock</c>, <c>slave.sock</c>).</summary>
    public string Directory => _directory.FullName;

    /// <summary>Writes both configs and starts master (namespace A) and slave (namespace B).</summary>
    public static Ptp4lPair Start(VethLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        if (!File.Exists(Ptp4l))
        {
            Assert.Fail("ptp4l missing: install linuxptp (tools/setup/install-system-packages.sh does)");
        }

        var pair = new Ptp4lPair(System.IO.Directory.CreateTempSubdirectory("otb-ptp4l-"));
        var master = pair.WriteConfig("master", $"masterOnly 1\nclockClass {ClockClass}\n");
        var slave = pair.WriteConfig("slave", "slaveOnly 1\nfree_running 1\n");
        link.StartIn(link.NamespaceA, l => pair.Log.Enqueue("master: " + l), Ptp4l, "-i", link.InterfaceA, "-m", "-2",
            "-S", "--step_threshold=1", "-f", master);
        link.StartIn(link.NamespaceB, l => pair.Log.Enqueue("slave: " + l), Ptp4l, "-i", link.InterfaceB, "-m", "-2",
            "-S", "--step_threshold=1", "-f", slave);
        return pair;
    }

    public void Dispose() => _directory.Delete(recursive: true);

    private string WriteConfig(string role, string extra)
    {
        var profile = File.ReadAllText(ProfileConfig);
        var path = Path.Combine(Directory, role + ".cfg");
        File.WriteAllText(path, profile.Replace("masterOnly\t\t\t0\n", string.Empty, StringComparison.Ordinal)
            + $"\ndomainNumber 24\ntwoStepFlag 1\nuds_address {Path.Combine(Directory, role + ".sock")}\n{extra}");
        return path;
    }
}
