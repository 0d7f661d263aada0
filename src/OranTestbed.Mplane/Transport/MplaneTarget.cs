using Microsoft.Extensions.Logging;
using OranTestbed.Mplane.CallHome;

namespace OranTestbed.Mplane.Transport;

/// <summary>
/// Where an O-RU's M-plane is and how to reach it, as a lab file or a command line gives it: an address (or a call home
/// to wait for), the SSH user, the credential by reference (a password environment variable, or a key file with an
/// optional passphrase variable) and how the host key is checked (known_hosts, a pinned SHA256 fingerprint, or
/// explicitly any). One place turns it into a connected transport for the orchestrator's driver and the CLI alike.
/// </summary>
public sealed record MplaneTarget(string? Host, int Port, string User)
{
    public string? PasswordVariable { get; init; }

    public string? KeyFile { get; init; }

    public string? PassphraseVariable { get; init; }

    public string? KnownHostsFile { get; init; }

    public string? HostKeyFingerprint { get; init; }

    public bool AcceptAnyHostKey { get; init; }

    /// <summary>Wait for the O-RU to call home (RFC 8071) instead of connecting to <see cref="Host"/>.</summary>
    public bool CallHome { get; init; }

    public TimeSpan ConnectTimeout { get; init; } = SshTransportOptions.DefaultConnectTimeout;

    /// <summary><c>user@host:port</c> or <c>user@(call home on 4334)</c>; never a secret.</summary>
    public override string ToString() => CallHome ? $"{User}@(call home on {Port})" : $"{User}@{Host}:{Port}";

    /// <summary>Connects (or accepts the call home, within <see cref="ConnectTimeout"/>) and opens the netconf subsystem.</summary>
    public async Task<INetconfTransport> ConnectAsync(ILoggerFactory? loggerFactory, CancellationToken cancellationToken)
    {
        var credentials = KeyFile is { } key
            ? SshCredentials.PrivateKeyFile(key, PassphraseVariable)
            : SshCredentials.PasswordFromEnvironment(PasswordVariable
                ?? throw new InvalidOperationException($"{this}: give a password variable or a key file"));
        var hostKeys = (KnownHostsFile, HostKeyFingerprint, AcceptAnyHostKey) switch
        {
            ({ } file, null, false) => SshHostKeyPolicy.KnownHostsFile(file),
            (null, { } fingerprint, false) => SshHostKeyPolicy.PinnedFingerprint(fingerprint),
            (null, null, true) => SshHostKeyPolicy.AcceptAnyHostKey,
            _ => throw new InvalidOperationException($"{this}: check the host key one way: known_hosts, a fingerprint, or explicitly any"),
        };
        if (CallHome)
        {
            await using var listener = CallHomeListener.Start(new CallHomeOptions(User, credentials, hostKeys)
            {
                Listen = new System.Net.IPEndPoint(System.Net.IPAddress.Any, Port),
            }, loggerFactory);
            return await listener.AcceptAsync(ConnectTimeout, cancellationToken).ConfigureAwait(false);
        }

        return await SshNetSubsystemTransport.ConnectAsync(
            new SshTransportOptions(new SshEndpoint(Host ?? throw new InvalidOperationException($"{this}: no host"), User, Port),
                credentials, hostKeys) { ConnectTimeout = ConnectTimeout },
            loggerFactory, cancellationToken).ConfigureAwait(false);
    }
}
