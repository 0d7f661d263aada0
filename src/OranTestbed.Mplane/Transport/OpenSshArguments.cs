using System.Globalization;

namespace OranTestbed.Mplane.Transport;

/// <summary>
/// The <c>ssh</c> command line of <see cref="OpenSshProcessTransport"/>: no configuration file (<c>-F none</c>: a user's
/// ~/.ssh/config must not change what a test does), no agent, exactly one authentication method — the one the
/// credentials name — and strict host key checking against the given known_hosts file only. Secrets never appear here:
/// a password or passphrase reaches ssh through <see cref="OpenSshAskPass"/>. A pinned fingerprint must have been turned
/// into a known_hosts file first (<see cref="OpenSshPinnedKnownHosts"/>). <c>-v</c> makes ssh name the host key it
/// was shown ("Server host key: …"), which the error message quotes.
/// </summary>
internal static class OpenSshArguments
{
    public static IReadOnlyList<string> For(SshTransportOptions options)
    {
        SshEndpoint endpoint = options.Endpoint;
        var arguments = new List<string>
        {
            "-F", "none", "-v", "-T", "-s",
            "-p", endpoint.Port.ToString(CultureInfo.InvariantCulture),
            "-l", endpoint.User,
            "-o", "ConnectTimeout=" + Math.Max(1, (int)Math.Ceiling(options.ConnectTimeout.TotalSeconds)).ToString(CultureInfo.InvariantCulture),
            "-o", "IdentityAgent=none",
            "-o", "ForwardAgent=no",
            "-o", "ForwardX11=no",
            "-o", "ClearAllForwardings=yes",
            "-o", "UpdateHostKeys=no",
            "-o", "CheckHostIP=no",
            "-o", "GlobalKnownHostsFile=none",
        };

        switch (options.HostKeyPolicy)
        {
            case SshKnownHostsPolicy knownHosts:
                arguments.AddRange(["-o", "StrictHostKeyChecking=yes", "-o", "UserKnownHostsFile=" + knownHosts.Path]);
                break;
            case SshAcceptAnyHostKeyPolicy:
                arguments.AddRange(["-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null"]);
                break;
            default:
                // A pinned fingerprint arrives here already turned into a known_hosts file (OpenSshPinnedKnownHosts).
                throw new NotSupportedException($"OpenSSH checks host keys itself and cannot be given {options.HostKeyPolicy}");
        }

        switch (options.Credentials)
        {
            case SshPasswordFromEnvironment:
                arguments.AddRange(["-o", "PreferredAuthentications=password,keyboard-interactive", "-o", "PubkeyAuthentication=no",
                    "-o", "NumberOfPasswordPrompts=1"]);
                break;
            case SshPrivateKeyFile key:
                arguments.AddRange(["-i", key.KeyFile, "-o", "IdentitiesOnly=yes", "-o", "PreferredAuthentications=publickey",
                    "-o", "PasswordAuthentication=no", "-o", "KbdInteractiveAuthentication=no"]);
                if (key.PassphraseVariable is null)
                {
                    arguments.AddRange(["-o", "BatchMode=yes"]); // nothing to ask: never prompt
                }

                break;
            default:
                throw new NotSupportedException($"credentials of kind {options.Credentials.GetType().Name} are not supported by OpenSSH");
        }

        arguments.AddRange(["--", endpoint.Host, options.Subsystem]);
        return arguments;
    }

    /// <summary>The environment variable holding the secret ssh will ask for, if any.</summary>
    public static string? SecretVariable(SshCredentials credentials) => credentials switch
    {
        SshPasswordFromEnvironment password => password.Variable,
        SshPrivateKeyFile key => key.PassphraseVariable,
        _ => null,
    };
}
