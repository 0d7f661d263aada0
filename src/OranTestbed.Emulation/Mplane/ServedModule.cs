namespace OranTestbed.Emulation.Mplane;

/// <summary>A YANG module the emulated O-RU serves: advertised in its hello, returned by get-schema.</summary>
/// <param name="Name">The module name (<c>o-ran-uplane-conf</c>).</param>
/// <param name="Namespace">Its XML namespace (<c>urn:o-ran:uplane-conf:1.0</c>).</param>
/// <param name="Revision">Its newest revision statement (<c>2024-12-23</c>).</param>
/// <param name="Path">The .yang file it was read from.</param>
public sealed record ServedModule(string Name, string Namespace, string Revision, string Path)
{
    /// <summary>The hello capability (RFC 6020 §5.6.4): <c>NAMESPACE?module=NAME&amp;revision=DATE</c>.</summary>
    public string Capability(string? advertisedRevision = null) =>
        $"{Namespace}?module={Name}&revision={advertisedRevision ?? Revision}";
}
