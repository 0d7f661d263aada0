using System.Globalization;

namespace OranTestbed.Mplane.Transport;

/// <summary>
/// Where a NETCONF-over-SSH server is and as whom we log in. Port 830 is the IANA NETCONF-over-SSH port (RFC 6242 §3).
/// For a call home the host is the O-RU's address as seen by the listener: host keys are checked against it.
/// </summary>
public sealed record SshEndpoint
{
    public const int NetconfPort = 830;

    public SshEndpoint(string host, string user, int port = NetconfPort)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(host);
        ArgumentException.ThrowIfNullOrWhiteSpace(user);
        ArgumentOutOfRangeException.ThrowIfLessThan(port, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);
        Host = host;
        User = user;
        Port = port;
    }

    public string Host { get; }

    public string User { get; }

    public int Port { get; }

    /// <summary>The name OpenSSH looks up in known_hosts: <c>host</c> on port 22, else <c>[host]:port</c>.</summary>
    public string KnownHostsName =>
        Port == 22 ? Host : string.Create(CultureInfo.InvariantCulture, $"[{Host}]:{Port}");

    /// <summary><c>user@host:port</c>, as messages and traces name the peer.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{User}@{Host}:{Port}");
}
