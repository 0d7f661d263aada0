namespace OranTestbed.TestSupport.Peers;

/// <summary>
/// Our emulated O-RU's M-plane behind a private OpenSSH sshd, the way a lab serves it: <c>Subsystem netconf oran-testbed
/// mplane serve --stdio --personality VENDOR/PRODUCT</c> (each SSH session runs its own emulator process as the SSH
/// user). Clients reach it like a real O-RU (SSH.NET, OpenSSH, ncclient); the password is in the environment variable
/// <see cref="PasswordVariable"/> because our transports take secrets by reference. Root only; specs using it carry
/// <c>[Category(PeerCategories.Netconf)]</c>.
/// </summary>
public sealed class EmulatedOruPeer : IAsyncDisposable
{
    private readonly PrivateSshd _sshd;

    private EmulatedOruPeer(PrivateSshd sshd)
    {
        _sshd = sshd;
        PasswordVariable = $"ORAN_TESTBED_EMULATED_ORU_PASSWORD_{sshd.Port}";
        Environment.SetEnvironmentVariable(PasswordVariable, sshd.Password);
    }

    public const string Host = "127.0.0.1";

    public int Port => _sshd.Port;

    public string User => _sshd.User;

    /// <summary>A second account (password only, <see cref="PasswordVariable"/>); its NACM group is the one given at start.</summary>
    public string OperatorUser => _sshd.OperatorUser;

    public string PasswordVariable { get; }

    public string Password => _sshd.Password;

    public string KeyFile => _sshd.KeyFile;

    public string KnownHostsFile => _sshd.KnownHostsFile;

    public string HostKeyFingerprint => _sshd.HostKeyFingerprint;

    public string SshdLog => _sshd.Log;

    /// <summary>
    /// Serves <paramref name="personality"/> of testplans/personalities with the CLI at <paramref name="cliDll"/>. With
    /// <paramref name="operatorGroup"/>, NACM is on: <see cref="User"/> is sudo and <see cref="OperatorUser"/> in that group
    /// (<c>--account USER=sudo --account OPERATOR=GROUP</c> on the Subsystem line).
    /// </summary>
    public static async Task<EmulatedOruPeer> StartAsync(string cliDll, string personality = "ymir/yr-400", string? operatorGroup = null)
    {
        if (!File.Exists("/usr/sbin/sshd") || !MissingPeer.OnPath("ssh-keygen") || !Environment.IsPrivilegedProcess)
        {
            MissingPeer.Report("the emulated O-RU peer needs sshd, ssh-keygen and root (it adds two Linux accounts)",
                "tools/setup/install-system-packages.sh openssh-server, as root");
        }

        string repository = TestPaths.RepositoryRoot;
        string dotnet = File.Exists("/usr/share/dotnet/dotnet") ? "/usr/share/dotnet/dotnet" : "/usr/bin/dotnet";
        for (int attempt = 1; ; attempt++)
        {
            var sshd = await PrivateSshd.PrepareAsync("otb-emulated-oru-", "otbor").ConfigureAwait(false);
            try
            {
                // The subsystem runs as the SSH user through its shell: the environment keeps dotnet from writing a home.
                await sshd.StartAsync($"\"/usr/bin/env DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 "
                    + $"{dotnet} {cliDll} mplane serve --stdio --personality {personality} "
                    + $"--personalities {repository}/testplans/personalities --yang {repository}/testplans/yang"
                    + (operatorGroup is null ? "" : $" --account {sshd.User}=sudo --account {sshd.OperatorUser}={operatorGroup}")
                    + "\"").ConfigureAwait(false);
                return new EmulatedOruPeer(sshd);
            }
            catch (PortTakenException) when (attempt < 3)
            {
                await sshd.DisposeAsync().ConfigureAwait(false);
            }
            catch
            {
                await sshd.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        Environment.SetEnvironmentVariable(PasswordVariable, null);
        await _sshd.DisposeAsync().ConfigureAwait(false);
    }

    public override string ToString() => $"emulated O-RU behind sshd at {Host}:{Port}";
}
