using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using OranTestbed.TestSupport.Live;

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
    private const string Sshd = "/usr/sbin/sshd";
    private const string Subsystem = "/usr/sbin/netconf-subsystem";
    private const string Netconfd = "/usr/sbin/netconfd";
    private const string Python = "/usr/bin/python3";

    private readonly Process _netconfd;
    private readonly int _sshdPid;

    private NetconfdPeer(string directory, int port, string user, string operatorUser, string password,
        string passphrase, Process netconfd, int sshdPid)
    {
        Directory = directory;
        Port = port;
        User = user;
        OperatorUser = operatorUser;
        Password = password;
        Passphrase = passphrase;
        _netconfd = netconfd;
        _sshdPid = sshdPid;
        PasswordVariable = $"ORAN_TESTBED_NETCONFD_PASSWORD_{port}";
        PassphraseVariable = $"ORAN_TESTBED_NETCONFD_PASSPHRASE_{port}";
        Environment.SetEnvironmentVariable(PasswordVariable, password);
        Environment.SetEnvironmentVariable(PassphraseVariable, passphrase);
        HostKeyFingerprint = Fingerprint(HostPublicKeyFile);
    }

    public const string Host = "127.0.0.1";

    public int Port { get; }

    /// <summary>The superuser (<c>--superuser</c>, NACM bypassed): password <see cref="Password"/> or key <see cref="KeyFile"/>.</summary>
    public string User { get; }

    /// <summary>A second account with the same password and no superuser rights: NACM defaults (read permit, write deny).</summary>
    public string OperatorUser { get; }

    /// <summary>Random per peer; also in the environment variable <see cref="PasswordVariable"/>.</summary>
    public string Password { get; }

    public string PasswordVariable { get; }

    /// <summary>The passphrase of <see cref="PassphraseKeyFile"/>; also in <see cref="PassphraseVariable"/>.</summary>
    public string Passphrase { get; }

    public string PassphraseVariable { get; }

    /// <summary>The scratch folder (logs, keys, configuration, socket, patched modules).</summary>
    public string Directory { get; }

    /// <summary>An OpenSSH ed25519 private key without passphrase, authorized for <see cref="User"/>.</summary>
    public string KeyFile => Path.Combine(Directory, "client_key");

    /// <summary>An OpenSSH ed25519 private key protected by <see cref="Passphrase"/>, authorized for <see cref="User"/>.</summary>
    public string PassphraseKeyFile => Path.Combine(Directory, "client_key_passphrase");

    public string HostPublicKeyFile => Path.Combine(Directory, "ssh_host_ed25519_key.pub");

    /// <summary>A plain known_hosts file with one line, <c>[127.0.0.1]:PORT ssh-ed25519 …</c>.</summary>
    public string KnownHostsFile => Path.Combine(Directory, "known_hosts");

    /// <summary>The host key's fingerprint as <c>ssh-keygen -lf</c> prints it (<c>SHA256:</c> + unpadded base64).</summary>
    public string HostKeyFingerprint { get; }

    public string PatchedYangDirectory => Path.Combine(Directory, "yang");

    public string NetconfdLog => Path.Combine(Directory, "netconfd.log");

    public string SshdLog => Path.Combine(Directory, "sshd.log");

    /// <summary>Starts the pair and returns once sshd answers with its SSH banner; reports a missing peer instead.</summary>
    public static async Task<NetconfdPeer> StartAsync()
    {
        Require();
        RemoveAbandonedUsers();
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
        await StopAsync(_sshdPid, _netconfd).ConfigureAwait(false);
        _netconfd.Dispose();
        await RunAsync("userdel", [User]).ConfigureAwait(false);
        await RunAsync("userdel", [OperatorUser]).ConfigureAwait(false);
        Environment.SetEnvironmentVariable(PasswordVariable, null);
        Environment.SetEnvironmentVariable(PassphraseVariable, null);
        TempFolders.Delete(Directory);
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
        string directory = Path.Combine(Path.GetTempPath(), "otb-netconfd-" + RandomHex(6));
        System.IO.Directory.CreateDirectory(directory);
        // netconf-subsystem runs as the SSH user and must traverse to the socket (mktemp's 0700 kills the session).
        if (OperatingSystem.IsLinux())
        {
            File.SetUnixFileMode(directory, (UnixFileMode)Convert.ToInt32("755", 8));
        }
        int port = FreeLoopbackPort();
        string suffix = RandomHex(3);
        string user = UserPrefix + suffix + "a";
        string operatorUser = UserPrefix + suffix + "o";
        string password = "pw-" + RandomHex(12);
        string passphrase = "pp-" + RandomHex(12);
        Process? netconfd = null;
        try
        {
            await CreateUsersAsync(directory, password, user, operatorUser).ConfigureAwait(false);
            await CreateKeysAsync(directory, user, port, passphrase).ConfigureAwait(false);
            await PatchModulesAsync(directory).ConfigureAwait(false);
            WriteConfiguration(directory, port, user, operatorUser);
            netconfd = await StartNetconfdAsync(directory, port, user).ConfigureAwait(false);
            int sshdPid = await StartSshdAsync(directory, port).ConfigureAwait(false);
            return new NetconfdPeer(directory, port, user, operatorUser, password, passphrase, netconfd, sshdPid);
        }
        catch
        {
            if (netconfd is not null)
            {
                await StopAsync(null, netconfd).ConfigureAwait(false);
                netconfd.Dispose();
            }

            await RunAsync("userdel", [user]).ConfigureAwait(false);
            await RunAsync("userdel", [operatorUser]).ConfigureAwait(false);
            TempFolders.Delete(directory);
            throw;
        }
    }

    private static async Task CreateUsersAsync(string directory, string password, params string[] users)
    {
        foreach (string user in users)
        {
            // No home of its own: the scratch folder is the home, so a leftover account is recognisable (home gone).
            await CheckedAsync("useradd", ["-M", "-d", directory, "-s", "/bin/sh", user]).ConfigureAwait(false);
        }

        // chpasswd reads the pairs on stdin: the password is on no command line.
        await CheckedAsync("chpasswd", [], string.Concat(users.Select(u => $"{u}:{password}\n"))).ConfigureAwait(false);
    }

    private static async Task CreateKeysAsync(string directory, string user, int port, string passphrase)
    {
        string hostKey = Path.Combine(directory, "ssh_host_ed25519_key");
        await CheckedAsync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "netconfd-peer-host", "-f", hostKey]).ConfigureAwait(false);
        string clientKey = Path.Combine(directory, "client_key");
        await CheckedAsync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "netconfd-peer-client", "-f", clientKey]).ConfigureAwait(false);
        string passphraseKey = Path.Combine(directory, "client_key_passphrase");
        await CheckedAsync("ssh-keygen", ["-q", "-t", "ed25519", "-N", passphrase, "-C", "netconfd-peer-client-pp", "-f", passphraseKey])
            .ConfigureAwait(false);
        string authorized = Path.Combine(directory, "authorized_keys");
        System.IO.Directory.CreateDirectory(authorized);
        await File.WriteAllTextAsync(Path.Combine(authorized, user),
            await File.ReadAllTextAsync(clientKey + ".pub").ConfigureAwait(false) +
            await File.ReadAllTextAsync(passphraseKey + ".pub").ConfigureAwait(false)).ConfigureAwait(false);
        string[] hostPublic = (await File.ReadAllTextAsync(hostKey + ".pub").ConfigureAwait(false)).Split(' ');
        await File.WriteAllTextAsync(Path.Combine(directory, "known_hosts"),
            $"[127.0.0.1]:{port.ToString(CultureInfo.InvariantCulture)} {hostPublic[0]} {hostPublic[1].Trim()}\n").ConfigureAwait(false);
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

    private static void WriteConfiguration(string directory, int port, string user, string operatorUser)
    {
        string p = port.ToString(CultureInfo.InvariantCulture);
        File.WriteAllText(Path.Combine(directory, "sshd_config"), $"""
            Port {p}
            ListenAddress 127.0.0.1
            HostKey {directory}/ssh_host_ed25519_key
            PidFile {directory}/sshd.pid
            AuthorizedKeysFile {directory}/authorized_keys/%u
            StrictModes no
            UsePAM no
            PermitRootLogin no
            PasswordAuthentication yes
            KbdInteractiveAuthentication no
            AllowUsers {user} {operatorUser}
            LogLevel VERBOSE
            Subsystem netconf "{Subsystem} --ncxserver-sockname={p}@{directory}/ncxserver.sock"

            """);
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

    private static async Task<int> StartSshdAsync(string directory, int port)
    {
        string config = Path.Combine(directory, "sshd_config");
        string log = Path.Combine(directory, "sshd.log");
        System.IO.Directory.CreateDirectory("/run/sshd"); // privilege separation folder; no systemd makes it here
        await CheckedAsync(Sshd, ["-t", "-f", config]).ConfigureAwait(false);
        CommandResult started = await RunAsync(Sshd, ["-f", config, "-E", log]).ConfigureAwait(false);
        if (started.ExitCode != 0)
        {
            string text = Tail(log, 20);
            if (text.Contains("Address already in use", StringComparison.Ordinal))
            {
                throw new PortTakenException();
            }

            throw new InvalidOperationException($"sshd exited with {started.ExitCode}: {started.Error}{text}");
        }

        // sshd binds before it daemonizes, writes its PidFile, then answers with its banner.
        string pidFile = Path.Combine(directory, "sshd.pid");
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (File.Exists(pidFile) && await AnswersAsync(port).ConfigureAwait(false))
            {
                return int.Parse((await File.ReadAllTextAsync(pidFile).ConfigureAwait(false)).Trim(), CultureInfo.InvariantCulture);
            }

            if (deadline.Elapsed > TimeSpan.FromSeconds(10))
            {
                throw new InvalidOperationException($"sshd did not answer on 127.0.0.1:{port} within 10 s: {Tail(log, 20)}");
            }

            await Task.Delay(20).ConfigureAwait(false);
        }
    }

    private static async Task<bool> AnswersAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port).ConfigureAwait(false);
            var banner = new byte[8];
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            int read = await client.GetStream().ReadAtLeastAsync(banner, 4, throwOnEndOfStream: false, timeout.Token).ConfigureAwait(false);
            return read >= 4 && Encoding.ASCII.GetString(banner, 0, 4) == "SSH-";
        }
        catch (Exception e) when (e is SocketException or IOException or OperationCanceledException)
        {
            return false;
        }
    }

    private static async Task StopAsync(int? sshdPid, Process netconfd)
    {
        if (sshdPid is int pid)
        {
            await RunAsync("kill", ["-TERM", pid.ToString(CultureInfo.InvariantCulture)]).ConfigureAwait(false);
        }

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

        if (sshdPid is int daemon)
        {
            // Not our child (it daemonized): wait until it is gone or a zombie, then SIGKILL what is left.
            var deadline = Stopwatch.StartNew();
            while (Running(daemon) && deadline.Elapsed < TimeSpan.FromSeconds(5))
            {
                await Task.Delay(20).ConfigureAwait(false);
            }

            if (Running(daemon))
            {
                await RunAsync("kill", ["-KILL", daemon.ToString(CultureInfo.InvariantCulture)]).ConfigureAwait(false);
            }
        }
    }

    private static bool Running(int pid)
    {
        try
        {
            string stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].FirstOrDefault() != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>Removes accounts of earlier peers whose scratch folder (their home) is gone: a crashed run's leftovers.</summary>
    private static void RemoveAbandonedUsers()
    {
        foreach (string line in File.ReadLines("/etc/passwd"))
        {
            string[] fields = line.Split(':');
            if (fields.Length > 5 && fields[0].StartsWith(UserPrefix, StringComparison.Ordinal) &&
                fields[5].Contains("otb-netconfd-", StringComparison.Ordinal) && !System.IO.Directory.Exists(fields[5]))
            {
                RunAsync("userdel", [fields[0]]).GetAwaiter().GetResult();
            }
        }
    }

    private static string Fingerprint(string publicKeyFile)
    {
        CommandResult result = RunAsync("ssh-keygen", ["-lf", publicKeyFile]).GetAwaiter().GetResult();
        return result.Output.Split(' ')[1];
    }

    private static int FreeLoopbackPort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private static string RandomHex(int bytes) => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(bytes));

    private static string Tail(string file, int lines) =>
        File.Exists(file) ? string.Join('\n', File.ReadLines(file).TakeLast(lines)) : $"({file} missing)";

    private static async Task CheckedAsync(string program, string[] arguments, string? input = null)
    {
        CommandResult result = await RunAsync(program, arguments, input).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {result.ExitCode}: {result.Error}{result.Output}");
        }
    }

    private static async Task<CommandResult> RunAsync(string program, string[] arguments, string? input = null)
    {
        var psi = new ProcessStartInfo(program)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string a in arguments)
        {
            psi.ArgumentList.Add(a);
        }

        using var process = Process.Start(psi) ?? throw new InvalidOperationException(program + " did not start");
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input).ConfigureAwait(false);
        }

        process.StandardInput.Close();
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().ConfigureAwait(false);
        return new CommandResult(process.ExitCode, await output.ConfigureAwait(false), await error.ConfigureAwait(false));
    }

    /// <summary>sshd could not bind the port chosen as free (taken meanwhile): the start is retried on another.</summary>
    private sealed class PortTakenException : Exception;
}
