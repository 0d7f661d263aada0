using System.Net;
using OranTestbed.Mplane.Transport;

namespace OranTestbed.Mplane.CallHome;

/// <summary>
/// What the controller side of NETCONF call home (RFC 8071) needs: where to listen (port 4334, "netconf-ch-ssh"), and
/// how to run SSH towards whoever calls — as <see cref="User"/> with <see cref="Credentials"/>, checking the caller's
/// host key with <see cref="HostKeyPolicy"/> under the name <c>[caller address]:<see cref="IdentityPort"/></c>
/// (by default 830: an O-RU's key is the one recorded for its NETCONF port, whichever way the TCP connection went).
/// Safe to log: names no secret.
/// </summary>
public sealed record CallHomeOptions
{
    /// <summary>IANA port of NETCONF call home over SSH (RFC 8071 §3).</summary>
    public const int DefaultPort = 4334;

    public CallHomeOptions(string user, SshCredentials credentials, SshHostKeyPolicy hostKeyPolicy)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(user);
        User = user;
        Credentials = credentials ?? throw new ArgumentNullException(nameof(credentials));
        HostKeyPolicy = hostKeyPolicy ?? throw new ArgumentNullException(nameof(hostKeyPolicy));
    }

    public IPEndPoint Listen { get; init; } = new(IPAddress.Any, DefaultPort);

    public string User { get; init; }

    public SshCredentials Credentials { get; init; }

    public SshHostKeyPolicy HostKeyPolicy { get; init; }

    /// <summary>The port of the known_hosts name a caller's host key is looked up under.</summary>
    public int IdentityPort { get; init; } = SshEndpoint.NetconfPort;

    /// <summary>SSH handshake and authentication over the accepted connection.</summary>
    public TimeSpan ConnectTimeout { get; init; } = SshTransportOptions.DefaultConnectTimeout;

    public string Subsystem { get; init; } = "netconf";

    /// <summary>The SSH options for a call from <paramref name="caller"/>.</summary>
    internal SshTransportOptions ForCaller(IPAddress caller) =>
        new(new SshEndpoint(caller.ToString(), User, IdentityPort), Credentials, HostKeyPolicy)
        {
            ConnectTimeout = ConnectTimeout,
            Subsystem = Subsystem,
        };

    public override string ToString() =>
        $"call home on {Listen} as {User} ({Credentials}; {HostKeyPolicy} under port {IdentityPort}; subsystem {Subsystem})";
}
