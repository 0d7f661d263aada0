using System.Globalization;
using System.Net;

namespace OranTestbed.Orchestration.Cluster;

/// <summary>
/// A lab host's address in the orchestrator's cluster, <c>HOST:PORT</c> as integrators type it (<c>--listen</c>,
/// <c>--join</c>). Port 0 lets the system pick a free port (agents).
/// </summary>
public sealed record ClusterEndpoint(string Host, int Port)
{
    /// <summary>Parses <c>HOST:PORT</c> (an IPv6 host in brackets); null with the reason when it is not one.</summary>
    public static ClusterEndpoint? TryParse(string text, out string? error)
    {
        error = null;
        int colon = text?.LastIndexOf(':') ?? -1;
        if (text is null || colon <= 0 || colon == text.Length - 1)
        {
            error = $"'{text}' is not HOST:PORT (e.g. 192.0.2.10:4053)";
            return null;
        }

        var host = text[..colon].Trim('[', ']');
        if (!int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int port)
            || port > IPEndPoint.MaxPort)
        {
            error = $"'{text}': the port must be a number from 0 to {IPEndPoint.MaxPort}";
            return null;
        }

        if (Uri.CheckHostName(host) == UriHostNameType.Unknown)
        {
            error = $"'{text}': '{host}' is not a host name or address";
            return null;
        }

        return new ClusterEndpoint(host, port);
    }

    /// <summary>The Akka.Remote address of the orchestrator's actor system on this endpoint.</summary>
    public string SystemAddress(string systemName) =>
        string.Create(CultureInfo.InvariantCulture, $"akka.tcp://{systemName}@{HostForUri}:{Port}");

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{HostForUri}:{Port}");

    private string HostForUri => Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]" : Host;
}
