namespace OranTestbed.Mplane.Transport;

/// <summary>
/// Everything needed to open the <c>netconf</c> subsystem of an SSH server: where and as whom
/// (<see cref="Endpoint"/>), how to authenticate (<see cref="Credentials"/>, secrets by reference only) and how to
/// check the server (<see cref="HostKeyPolicy"/>). Safe to log: <see cref="ToString"/> names no secret.
/// </summary>
public sealed record SshTransportOptions
{
    public static readonly TimeSpan DefaultConnectTimeout = TimeSpan.FromSeconds(10);

    public SshTransportOptions(SshEndpoint endpoint, SshCredentials credentials, SshHostKeyPolicy hostKeyPolicy)
    {
        Endpoint = endpoint ?? throw new ArgumentNullException(nameof(endpoint));
        Credentials = credentials ?? throw new ArgumentNullException(nameof(credentials));
        HostKeyPolicy = hostKeyPolicy ?? throw new ArgumentNullException(nameof(hostKeyPolicy));
    }

    public SshEndpoint Endpoint { get; init; }

    public SshCredentials Credentials { get; init; }

    public SshHostKeyPolicy HostKeyPolicy { get; init; }

    /// <summary>TCP connect plus SSH handshake and authentication.</summary>
    public TimeSpan ConnectTimeout { get; init; } = DefaultConnectTimeout;

    /// <summary>The SSH subsystem (RFC 6242 §3: <c>netconf</c>).</summary>
    public string Subsystem { get; init; } = "netconf";

    public override string ToString() =>
        $"{Endpoint} ({Credentials}; {HostKeyPolicy}; subsystem {Subsystem}; timeout {ConnectTimeout.TotalSeconds:0.#} s)";
}
