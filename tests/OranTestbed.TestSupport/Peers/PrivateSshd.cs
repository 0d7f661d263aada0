using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using static OranTestbed.TestSupport.Peers.PeerProcesses;

namespace OranTestbed.TestSupport.Peers;

/// <summary>
/// A private OpenSSH <c>sshd</c> on a free 127.0.0.1 port serving one <c>netconf</c> subsystem command, as
/// shared/reference/mplane.md §1.2 sets it up: a scratch folder (chmod 755: the subsystem runs as the SSH user), its own
/// host key and known_hosts line, two Linux accounts unique to it (a main user that logs in with a random password or
/// one of two keys, one with a passphrase; and a second account with the same password), removed on dispose. Prepared
/// first (<see cref="PrepareAsync"/>: folder, port, accounts, keys), so a peer can start what the subsystem talks to,
/// then started with the subsystem command (<see cref="StartAsync"/>). Root only (the peers check).
/// </summary>
internal sealed class PrivateSshd : IAsyncDisposable
{
    private const string Sshd = "/usr/sbin/sshd";

    private readonly string _userPrefix;
    private int? _pid;

    private PrivateSshd(string directory, int port, string userPrefix, string suffix)
    {
        Directory = directory;
        Port = port;
        _userPrefix = userPrefix;
        User = userPrefix + suffix + "a";
        OperatorUser = userPrefix + suffix + "o";
        Password = "pw-" + RandomHex(12);
        Passphrase = "pp-" + RandomHex(12);
    }

    public string Directory { get; }

    public int Port { get; }

    public string User { get; }

    public string OperatorUser { get; }

    public string Password { get; }

    public string Passphrase { get; }

    public string KeyFile => Path.Combine(Directory, "client_key");

    public string PassphraseKeyFile => Path.Combine(Directory, "client_key_passphrase");

    public string HostPublicKeyFile => Path.Combine(Directory, "ssh_host_ed25519_key.pub");

    public string KnownHostsFile => Path.Combine(Directory, "known_hosts");

    public string Log => Path.Combine(Directory, "sshd.log");

    public string HostKeyFingerprint => RunAsync("ssh-keygen", ["-lf", HostPublicKeyFile]).GetAwaiter().GetResult().Output.Split(' ')[1];

    /// <summary>Folder (named <paramref name="folderPrefix"/>…), port, accounts (<paramref name="userPrefix"/>…) and keys.</summary>
    public static async Task<PrivateSshd> PrepareAsync(string folderPrefix, string userPrefix)
    {
        RemoveAbandonedUsers(folderPrefix, userPrefix);
        string directory = Path.Combine(Path.GetTempPath(), folderPrefix + RandomHex(6));
        System.IO.Directory.CreateDirectory(directory);
        if (OperatingSystem.IsLinux())
        {
            File.SetUnixFileMode(directory, (UnixFileMode)Convert.ToInt32("755", 8));
        }

        var sshd = new PrivateSshd(directory, FreeLoopbackPort(), userPrefix, RandomHex(3));
        try
        {
            foreach (string user in (string[])[sshd.User, sshd.OperatorUser])
            {
                // No home of its own: the scratch folder is the home, so a leftover account is recognisable (home gone).
                await CheckedAsync("useradd", ["-M", "-d", directory, "-s", "/bin/sh", user]).ConfigureAwait(false);
            }

            // chpasswd reads the pairs on stdin: the password is on no command line.
            await CheckedAsync("chpasswd", [], $"{sshd.User}:{sshd.Password}\n{sshd.OperatorUser}:{sshd.Password}\n").ConfigureAwait(false);
            await sshd.CreateKeysAsync().ConfigureAwait(false);
            return sshd;
        }
        catch
        {
            await sshd.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Writes the configuration with <paramref name="subsystem"/> as the netconf subsystem and starts sshd; returns
    /// once it answers with its banner. A port taken meanwhile is <see cref="PortTakenException"/>.</summary>
    public async Task StartAsync(string subsystem)
    {
        string config = Path.Combine(Directory, "sshd_config");
        await File.WriteAllTextAsync(config, $"""
            Port {Port.ToString(CultureInfo.InvariantCulture)}
            ListenAddress 127.0.0.1
            HostKey {Directory}/ssh_host_ed25519_key
            PidFile {Directory}/sshd.pid
            AuthorizedKeysFile {Directory}/authorized_keys/%u
            StrictModes no
            UsePAM no
            PermitRootLogin no
            PasswordAuthentication yes
            KbdInteractiveAuthentication no
            AllowUsers {User} {OperatorUser}
            LogLevel VERBOSE
            Subsystem netconf {subsystem}

            """).ConfigureAwait(false);
        System.IO.Directory.CreateDirectory("/run/sshd"); // privilege separation folder; no systemd makes it here
        await CheckedAsync(Sshd, ["-t", "-f", config]).ConfigureAwait(false);
        var started = await RunAsync(Sshd, ["-f", config, "-E", Log]).ConfigureAwait(false);
        if (started.ExitCode != 0)
        {
            string text = Tail(Log, 20);
            throw text.Contains("Address already in use", StringComparison.Ordinal)
                ? new PortTakenException()
                : new InvalidOperationException($"sshd exited with {started.ExitCode}: {started.Error}{text}");
        }

        // sshd binds before it daemonizes, writes its PidFile, then answers with its banner.
        string pidFile = Path.Combine(Directory, "sshd.pid");
        var deadline = Stopwatch.StartNew();
        while (!(File.Exists(pidFile) && await AnswersAsync().ConfigureAwait(false)))
        {
            if (deadline.Elapsed > TimeSpan.FromSeconds(10))
            {
                throw new InvalidOperationException($"sshd did not answer on 127.0.0.1:{Port} within 10 s: {Tail(Log, 20)}");
            }

            await Task.Delay(20).ConfigureAwait(false);
        }

        _pid = int.Parse((await File.ReadAllTextAsync(pidFile).ConfigureAwait(false)).Trim(), CultureInfo.InvariantCulture);
    }

    /// <summary>Stops sshd (SIGTERM, SIGKILL after 5 s: it daemonized, so it is not our child), removes the accounts and the folder.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_pid is int daemon)
        {
            await RunAsync("kill", ["-TERM", daemon.ToString(CultureInfo.InvariantCulture)]).ConfigureAwait(false);
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

        await RunAsync("userdel", [User]).ConfigureAwait(false);
        await RunAsync("userdel", [OperatorUser]).ConfigureAwait(false);
        TempFolders.Delete(Directory);
    }

    private async Task CreateKeysAsync()
    {
        string hostKey = Path.Combine(Directory, "ssh_host_ed25519_key");
        await CheckedAsync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "peer-host", "-f", hostKey]).ConfigureAwait(false);
        await CheckedAsync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "peer-client", "-f", KeyFile]).ConfigureAwait(false);
        await CheckedAsync("ssh-keygen", ["-q", "-t", "ed25519", "-N", Passphrase, "-C", "peer-client-pp", "-f", PassphraseKeyFile])
            .ConfigureAwait(false);
        string authorized = Path.Combine(Directory, "authorized_keys");
        System.IO.Directory.CreateDirectory(authorized);
        await File.WriteAllTextAsync(Path.Combine(authorized, User),
            await File.ReadAllTextAsync(KeyFile + ".pub").ConfigureAwait(false) +
            await File.ReadAllTextAsync(PassphraseKeyFile + ".pub").ConfigureAwait(false)).ConfigureAwait(false);
        string[] hostPublic = (await File.ReadAllTextAsync(hostKey + ".pub").ConfigureAwait(false)).Split(' ');
        await File.WriteAllTextAsync(KnownHostsFile,
            $"[127.0.0.1]:{Port.ToString(CultureInfo.InvariantCulture)} {hostPublic[0]} {hostPublic[1].Trim()}\n").ConfigureAwait(false);
    }

    private async Task<bool> AnswersAsync()
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, Port).ConfigureAwait(false);
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

    /// <summary>Removes accounts of earlier peers whose scratch folder (their home) is gone: a crashed run's leftovers.</summary>
    private static void RemoveAbandonedUsers(string folderPrefix, string userPrefix)
    {
        foreach (string line in File.ReadLines("/etc/passwd"))
        {
            string[] fields = line.Split(':');
            if (fields.Length > 5 && fields[0].StartsWith(userPrefix, StringComparison.Ordinal) &&
                fields[5].Contains(folderPrefix, StringComparison.Ordinal) && !System.IO.Directory.Exists(fields[5]))
            {
                RunAsync("userdel", [fields[0]]).GetAwaiter().GetResult();
            }
        }
    }
}

/// <summary>sshd could not bind the port chosen as free (taken meanwhile): the start is retried on another.</summary>
internal sealed class PortTakenException : Exception;
