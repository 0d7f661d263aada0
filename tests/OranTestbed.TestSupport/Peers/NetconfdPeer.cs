using System.Diagnostics;
using System.Globalization;
using static OranTestbed.TestSupport.Peers.PeerProcesses;

namespace OranTestbed.TestSupport.Peers;

/// <summary>
/// A real NETCONF server for the M-plane transport specs: yuma123 <c>netconfd</c> 2.13 behind a private OpenSSH
/// <c>sshd</c> on a free 127.0.0.1 port, started exactly per the verified recipe of shared/reference/mplane.md §1.2
/// (scratch folder chmod 755 so <c>netconf-subsystem</c>, running as the SSH user, reaches the UNIX socket; an own host
/// key; a superuser that logs in with a password or a key; a second, non-superuser account that NACM restricts; a
/// startup file; the 12 core O-RAN modules from a patched COPY of testplans/yang, tools/setup/yuma-compat.py).
/// Everything the specs need to reach and pin it is exposed; the password and the key passphrase are also put into
/// environment variables of this process (<see cref="PasswordVariable"/>, <see cref="PassphraseVariable"/>) because
/// the transports take secrets by reference only. The Linux accounts are unique per peer (several peers, even of other
/// test processes, can run at once) and removed on dispose; accounts a crashed run left behind are removed at the next
/// start. Missing programs or no root: <see cref="MissingPeer.Report"/> (fails in CI, skips locally). Specs using it
/// carry <c>[Category(PeerCategories.Netconf)]</c>. netconfd keeps no edits across a restart (running = startup file).
/// </summary>
public sealed class NetconfdPeer : IAsyncDisposable
{
    public const string Setup = "tools/setup/install-system-packages.sh (netconfd, openssh-server, socat with apt)";

    /// <summary>The core O-RAN modules of §1.2 (loaded with their imports).</summary>
    public static readonly IReadOnlyList<string> CoreModules =
    [
        "o-ran-uplane-conf", "o-ran-delay-management", "o-ran-performance-management", "o-ran-sync", "o-ran-supervision",
        "o-ran-processing-element", "o-ran-module-cap", "o-ran-operations", "o-ran-fm", "o-ran-software-management",
        "o-ran-interfaces", "o-ran-hardware",
    ];

    private const string UserPrefix = "otbnc";
    private const string FolderPrefix = "otb-netconfd-";
    private const string Sshd = "/usr/sbin/sshd";
    private const string Subsystem = "/usr/sbin/netconf-subsystem";
    private const string Netconfd = "/usr/sbin/netconfd";
    private const string Python = "/usr/bin/python3";

    private readonly PrivateSshd _sshd;
    private readonly Process _netconfd;

    private NetconfdPeer(PrivateSshd sshd, Process netconfd)
    {
        _sshd = sshd;
        _netconfd = netconfd;
        PasswordVariable = $"ORAN_TESTBED_NETCONFD_PASSWORD_{sshd.Port}";
        PassphraseVariable = $"ORAN_TESTBED_NETCONFD_PASSPHRASE_{sshd.Port}";
        Environment.SetEnvironmentVariable(PasswordVariable, sshd.Password);
        Environment.SetEnvironmentVariable(PassphraseVariable, sshd.Passphrase);
        HostKeyFingerprint = sshd.HostKeyFingerprint;
    }

    public const string Host = "127.0.0.1";

    public int Port => _sshd.Port;

    /// <summary>The superuser (<c>--superuser</c>, NACM bypassed): password <see cref="Password"/> or key <see cref="KeyFile"/>.</summary>
    public string User => _sshd.User;

    /// <summary>A second account with the same password and no superuser rights: NACM defaults (read permit, write deny).</summary>
    public string OperatorUser => _sshd.OperatorUser;

    /// <summary>Random per peer; also in the environment variable <see cref="PasswordVariable"/>.</summary>
    public string Password => _sshd.Password;

    public string PasswordVariable { get; }

    /// <summary>The passphrase of <see cref="PassphraseKeyFile"/>; also in <see cref="PassphraseVariable"/>.</summary>
    public string Passphrase => _sshd.Passphrase;

    public string PassphraseVariable { get; }

    /// <summary>The scratch folder (logs, keys, configuration, socket, patched modules).</summary>
    public string Directory => _sshd.Directory;

    /// <summary>An OpenSSH ed25519 private key without passphrase, authorized for <see cref="User"/>.</summary>
    public string KeyFile => _sshd.KeyFile;

    /// <summary>An OpenSSH ed25519 private key protected by <see cref="Passphrase"/>, authorized for <see cref="User"/>.</summary>
    public string PassphraseKeyFile => _sshd.PassphraseKeyFile;

    public string HostPublicKeyFile => _sshd.HostPublicKeyFile;

    /// <summary>A plain known_hosts file with one line, <c>[127.0.0.1]:PORT ssh-ed25519 …</c>.</summary>
    public string KnownHostsFile => _sshd.KnownHostsFile;

    /// <summary>The host key's fingerprint as <c>ssh-keygen -lf</c> prints it (<c>SHA256:</c> + unpadded base64).</summary>
    public string HostKeyFingerprint { get; }

    public string PatchedYangDirectory => Path.Combine(Directory, "yang");

    public string NetconfdLog => Path.Combine(Directory, "netconfd.log");

    public string SshdLog => _sshd.Log;

    /// <summary>Starts the pair and returns once sshd answers with its SSH banner; reports a missing peer instead.</summary>
    public static async Task<NetconfdPeer> StartAsync()
    {
        Require();
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                return await TryStartAsync().ConfigureAwait(false);
            }
            catch (PortTakenException) when (attempt < 3)
            {
                // Another process took the free port between our probe and sshd's bind: try another one.
            }
        }
    }

    /// <summary>Kills sshd's listener and netconfd by PID (SIGTERM, then SIGKILL after 5 s), removes the accounts.</summary>
    public async ValueTask DisposeAsync()
    {
        await StopNetconfdAsync(_netconfd).ConfigureAwait(false);
        _netconfd.Dispose();
        Environment.SetEnvironmentVariable(PasswordVariable, null);
        Environment.SetEnvironmentVariable(PassphraseVariable, null);
        await _sshd.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Kills netconfd (SIGKILL) while sshd keeps running: the server side of every session dies mid-flight.</summary>
    public async Task KillNetconfdAsync()
    {
        _netconfd.Kill();
        await _netconfd.WaitForExitAsync().ConfigureAwait(false);
    }

    public override string ToString() => $"netconfd behind sshd at {Host}:{Port} ({Directory})";

    private static void Require()
    {
        foreach (string program in new[] { Netconfd, Sshd, Subsystem, Python })
        {
            if (!File.Exists(program))
            {
                MissingPeer.Report($"{program} is missing (the M-plane transport specs run netconfd behind a private sshd)", Setup);
            }
        }

        if (!MissingPeer.OnPath("ssh-keygen") || !MissingPeer.OnPath("useradd"))
        {
            MissingPeer.Report("ssh-keygen or useradd is missing (the netconfd peer makes its own keys and accounts)", Setup);
        }

        if (!Environment.IsPrivilegedProcess)
        {
            MissingPeer.Report("the netconfd peer needs root: it adds two Linux accounts and runs sshd", Setup + ", as root");
        }
    }

    private static async Task<NetconfdPeer> TryStartAsync()
    {
        var sshd = await PrivateSshd.PrepareAsync(FolderPrefix, UserPrefix).ConfigureAwait(false);
        Process? netconfd = null;
        try
        {
            await PatchModulesAsync(sshd.Directory).ConfigureAwait(false);
            WriteStartup(sshd.Directory);
            netconfd = await StartNetconfdAsync(sshd.Directory, sshd.Port, sshd.User).ConfigureAwait(false);
            string p = sshd.Port.ToString(CultureInfo.InvariantCulture);
            await sshd.StartAsync($"\"{Subsystem} --ncxserver-sockname={p}@{sshd.Directory}/ncxserver.sock\"").ConfigureAwait(false);
            return new NetconfdPeer(sshd, netconfd);
        }
        catch
        {
            if (netconfd is not null)
            {
                await StopNetconfdAsync(netconfd).ConfigureAwait(false);
                netconfd.Dispose();
            }

            await sshd.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static async Task PatchModulesAsync(string directory)
    {
        string yang = Path.Combine(directory, "yang");
        System.IO.Directory.CreateDirectory(yang);
        foreach (string folder in new[] { "o-ran-v17.01", "ietf" })
        {
            foreach (string file in System.IO.Directory.EnumerateFiles(Path.Combine(TestPaths.RepositoryRoot, "testplans", "yang", folder), "*.yang"))
            {
                File.Copy(file, Path.Combine(yang, Path.GetFileName(file)));
            }
        }

        await CheckedAsync(Python, [Path.Combine(TestPaths.RepositoryRoot, "tools", "setup", "yuma-compat.py"), yang]).ConfigureAwait(false);
    }

    private static void WriteStartup(string directory)
    {
        File.WriteAllText(Path.Combine(directory, "startup-cfg.xml"), """
            <?xml version="1.0" encoding="UTF-8"?>
            <config xmlns="urn:ietf:params:xml:ns:netconf:base:1.0">
              <interfaces xmlns="urn:ietf:params:xml:ns:yang:ietf-interfaces">
                <interface><name>eth0</name>
                  <type xmlns:ianaift="urn:ietf:params:xml:ns:yang:iana-if-type">ianaift:ethernetCsmacd</type>
                  <enabled>true</enabled></interface>
              </interfaces>
            </config>

            """);
    }

    private static async Task<Process> StartNetconfdAsync(string directory, int port, string superuser)
    {
        string socket = Path.Combine(directory, "ncxserver.sock");
        var psi = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        // exec keeps the PID ours (netconfd stays in the foreground); its console output goes to a file.
        foreach (string a in new[] { "-c", "exec \"$@\" >\"$0\" 2>&1", Path.Combine(directory, "netconfd.out"), Netconfd,
                     $"--modpath={directory}/yang:/usr/share/yuma/modules", $"--ncxserver-sockname={socket}",
                     $"--port={port.ToString(CultureInfo.InvariantCulture)}", $"--superuser={superuser}", "--target=candidate",
                     "--with-startup=true", $"--startup={directory}/startup-cfg.xml", "--startup-error=continue",
                     $"--log={directory}/netconfd.log", "--log-level=info" })
        {
            psi.ArgumentList.Add(a);
        }

        foreach (string module in CoreModules)
        {
            psi.ArgumentList.Add("--module=" + module);
        }

        var process = Process.Start(psi) ?? throw new InvalidOperationException("netconfd did not start");
        var deadline = Stopwatch.StartNew();
        while (!File.Exists(socket))
        {
            if (process.HasExited || deadline.Elapsed > TimeSpan.FromSeconds(10))
            {
                string output = Tail(Path.Combine(directory, "netconfd.out"), 20) + Tail(Path.Combine(directory, "netconfd.log"), 20);
                if (!process.HasExited)
                {
                    process.Kill();
                }

                throw new InvalidOperationException($"netconfd did not open {socket} within 10 s: {output}");
            }

            await Task.Delay(20).ConfigureAwait(false);
        }

        return process;
    }

    private static async Task StopNetconfdAsync(Process netconfd)
    {
        if (!netconfd.HasExited)
        {
            await RunAsync("kill", ["-TERM", netconfd.Id.ToString(CultureInfo.InvariantCulture)]).ConfigureAwait(false);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5)); // netconfd takes up to ~2 s
            try
            {
                await netconfd.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                netconfd.Kill();
                await netconfd.WaitForExitAsync().ConfigureAwait(false);
            }
        }
    }
}
