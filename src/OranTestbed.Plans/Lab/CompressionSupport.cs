using System.Collections.Immutable;
using OranTestbed.Fronthaul.Compression;

namespace OranTestbed.Plans.Lab;

/// <summary>
/// One U-plane IQ compression method a product handles, with its IQ widths (16 for none), and whether it also handles
/// the method with udCompHdr in every U-plane section ("dynamic", O-RAN.WG4.CUS §7.5.2.10) besides static configuration.
/// </summary>
public sealed record CompressionSupport(CompressionMethod Method, ImmutableArray<int> Widths, bool Dynamic)
{
    /// <summary>True when this entry covers the method and width, with udCompHdr in sections when <paramref name="compHdr"/>.</summary>
    public bool Covers(CompressionMethod method, int width, bool compHdr) =>
        Method == method && Widths.Contains(width) && (Dynamic || !compHdr);

    public override string ToString() =>
        $"{CompressionMethodNames.Name(Method)}:{string.Join('/', Widths)}{(Dynamic ? " (static or dynamic)" : "")}";
}
