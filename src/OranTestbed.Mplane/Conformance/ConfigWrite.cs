using System.Xml.Linq;
using OranTestbed.Mplane.Operations;
using OranTestbed.Mplane.Session;

namespace OranTestbed.Mplane.Conformance;

/// <summary>
/// A write a conformance check makes and then takes back: edit-config on candidate + commit when the O-RU has
/// :candidate (else running); a refusal leaves the candidate discarded. The checks write probes (an extra endpoint,
/// a processing element) and must leave a real O-RU as they found it.
/// </summary>
internal static class ConfigWrite
{
    private static readonly XNamespace Nc = NetconfNamespaces.Base;

    /// <summary>Writes <paramref name="config"/>; null when accepted, else the O-RU's refusal.</summary>
    public static async Task<NetconfRpcException?> TryAsync(NetconfSession session, XElement config, CancellationToken cancellationToken)
    {
        bool candidate = session.ServerCapabilities.Candidate;
        try
        {
            await session.EditConfigAsync(candidate ? NetconfDatastore.Candidate : NetconfDatastore.Running, config,
                cancellationToken: cancellationToken).ConfigureAwait(false);
            if (candidate)
            {
                await session.CommitAsync(cancellationToken).ConfigureAwait(false);
            }

            return null;
        }
        catch (NetconfRpcException refused)
        {
            if (candidate)
            {
                await session.DiscardChangesAsync(cancellationToken).ConfigureAwait(false);
            }

            return refused;
        }
    }

    /// <summary>Removes the probe entry <paramref name="name"/> of list <paramref name="list"/> in top-level container
    /// <paramref name="container"/> (RFC 6241 §7.2 operation delete); a refusal here is ignored: the check has its answer.</summary>
    public static Task RemoveAsync(NetconfSession session, XName container, XName list, string name, CancellationToken cancellationToken) =>
        TryAsync(session, new XElement(container,
            new XElement(list, new XAttribute(XNamespace.Xmlns + "nc", Nc), new XAttribute(Nc + "operation", "delete"),
                new XElement(list.Namespace + "name", name))), cancellationToken);
}
