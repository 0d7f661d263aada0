using OranTestbed.Fronthaul.Compression;
using OranTestbed.Fronthaul.Profiles;
using OranTestbed.Plans.Iot;
using OranTestbed.Plans.Lab;
using OranTestbed.Plans.Loading;
using OranTestbed.Plans.Operators;

namespace OranTestbed.Plans.Expansion;

/// <summary>
/// The compatibility rules of one setup (operator × band): what a product must support there (band, bandwidth, SCS,
/// category, compression, eAxC split, M-plane and S-plane), what a pair must share (S-plane topology, link speed, an MTU
/// that carries a U-plane symbol), and what a case needs from the setup and from the pair. Each rule that fails gives a
/// reason in words; nothing is formatted when everything fits.
/// </summary>
internal sealed class SetupRules
{
    /// <summary>eCPRI common header (4) + PC_ID and SEQ_ID (4) + radio application header (4) + section header (4):
    /// O-RAN.WG4.CUS §6.3.3, a U-plane message with one section.</summary>
    private const int UPlaneOverheadBytes = 16;

    /// <summary>udCompHdr and its reserved byte, present in each section when compression is dynamic.</summary>
    private const int CompHdrBytes = 2;

    /// <summary>IPv4 (20) and UDP (8) headers when eCPRI runs over UDP.</summary>
    private const int UdpIpBytes = 28;

    private readonly ExecutionSetup _setup;
    private readonly int _syncMask;
    private readonly int _iotLinks;

    public SetupRules(ExecutionSetup setup)
    {
        _setup = setup;
        _syncMask = CapabilityMasks.Sync(setup.Operator.SyncTopologies) & CapabilityMasks.Sync(setup.IotProfile.SyncTopologies);
        _iotLinks = CapabilityMasks.Links(setup.IotProfile.LinkSpeedsGbps);
        var profile = setup.FronthaulProfile.Profile;
        UPlaneSymbolBytes = Math.Max(SymbolBytes(profile, profile.DownlinkCompression), SymbolBytes(profile, profile.UplinkCompression));
    }

    /// <summary>Bytes of a U-plane message carrying a whole symbol of the carrier in one section.</summary>
    public int UPlaneSymbolBytes { get; }

    /// <summary>Why an O-DU or O-RU cannot serve this setup on its own; empty when it can.</summary>
    public List<string> ProductReasons(ProductView view)
    {
        var reasons = new List<string>();
        var caps = view.Product.Capabilities;
        var band = _setup.Band;
        var iot = _setup.IotProfile;
        var profile = _setup.FronthaulProfile.Profile;
        string who = view.Label;
        string nrBand = band.OperatingBand.Name;
        if ((view.Product.Role == ProductRole.ORu || !caps.Bands.IsEmpty) && !caps.Bands.Contains(nrBand))
        {
            reasons.Add($"{who} does not support {nrBand} (it supports {string.Join(", ", caps.Bands)})");
        }

        if (band.BandwidthMHz > caps.MaxBandwidthMHz)
        {
            reasons.Add($"{who} supports carriers up to {caps.MaxBandwidthMHz} MHz, not {band.BandwidthMHz} MHz");
        }

        if (!caps.Numerologies.Contains(band.Numerology))
        {
            reasons.Add($"{who} does not support {band.SubcarrierSpacingKHz} kHz SCS (it supports "
                + $"{string.Join(", ", caps.Numerologies.Select(mu => 15 << mu))} kHz)");
        }

        if (!caps.Categories.Contains(iot.Category))
        {
            reasons.Add(view.Product.Role == ProductRole.ORu
                ? $"{who} is category {string.Join("/", caps.Categories.Select(PlanNames.Of))}, but IOT profile {iot.Name} is category {PlanNames.Of(iot.Category)}"
                : $"{who} does not drive category {PlanNames.Of(iot.Category)} O-RUs (IOT profile {iot.Name})");
        }

        CheckCompression(reasons, who, caps, profile.DownlinkCompression);
        if (profile.UplinkCompression != profile.DownlinkCompression)
        {
            CheckCompression(reasons, who, caps, profile.UplinkCompression);
        }

        if (!caps.EaxcSplits.Contains(profile.EaxcBits))
        {
            reasons.Add($"{who} does not support the eAxC split {CommonReaders.Split(profile.EaxcBits)} of {_setup.FronthaulProfile.Name} "
                + $"(it supports {string.Join(", ", caps.EaxcSplits.Select(CommonReaders.Split))})");
        }

        if (!caps.SectionTypes.Contains(1))
        {
            reasons.Add($"{who} does not support section type 1, which carries every data channel");
        }

        if (!caps.MPlaneProfiles.Contains(_setup.Operator.MPlaneProfile))
        {
            reasons.Add($"{who} does not support M-plane {PlanNames.Of(_setup.Operator.MPlaneProfile)}, which {_setup.Operator.Id} runs");
        }

        if ((view.Sync & _syncMask) == 0)
        {
            reasons.Add($"{who} supports S-plane {CapabilityMasks.SyncNames(view.Sync)}, none of which {_setup.Operator.Id} runs with "
                + $"{iot.Name} ({CapabilityMasks.SyncNames(_syncMask)})");
        }

        if (_iotLinks != 0 && (view.Links & _iotLinks) == 0)
        {
            reasons.Add($"{who} has {CapabilityMasks.LinkNames(view.Links)} fronthaul ports; IOT profile {iot.Name} allows "
                + CapabilityMasks.LinkNames(_iotLinks));
        }

        return reasons;
    }

    /// <summary>Why an O-DU and an O-RU that each fit the setup still cannot work together; empty when they can.</summary>
    public List<string> PairReasons(ProductView du, ProductView ru)
    {
        var reasons = new List<string>();
        string pair = $"{du.Product.Id} and {ru.Product.Id}";
        if ((du.Sync & _syncMask) != 0 && (ru.Sync & _syncMask) != 0 && (du.Sync & ru.Sync & _syncMask) == 0)
        {
            reasons.Add($"{pair} share no S-plane topology that {_setup.Operator.Id} runs ({du.Product.Id}: {CapabilityMasks.SyncNames(du.Sync)}; "
                + $"{ru.Product.Id}: {CapabilityMasks.SyncNames(ru.Sync)}; {_setup.Operator.Id}: {CapabilityMasks.SyncNames(_syncMask)})");
        }

        int allowed = _iotLinks == 0 ? ~0 : _iotLinks;
        if ((du.Links & allowed) != 0 && (ru.Links & allowed) != 0 && (du.Links & ru.Links & allowed) == 0)
        {
            reasons.Add($"{pair} have no fronthaul link speed in common ({du.Product.Id}: {CapabilityMasks.LinkNames(du.Links)}; "
                + $"{ru.Product.Id}: {CapabilityMasks.LinkNames(ru.Links)})");
        }

        var duCaps = du.Product.Capabilities;
        var ruCaps = ru.Product.Capabilities;
        int mtu = Math.Min(duCaps.MtuBytes, ruCaps.MtuBytes);
        if (UPlaneSymbolBytes > mtu && !(duCaps.UPlaneFragmentation && ruCaps.UPlaneFragmentation))
        {
            var small = duCaps.MtuBytes <= ruCaps.MtuBytes ? du : ru;
            var rigid = !duCaps.UPlaneFragmentation ? du : ru;
            var profile = _setup.FronthaulProfile.Profile;
            reasons.Add($"a U-plane symbol of {profile.Carrier.Prbs} PRBs at {Describe(profile.DownlinkCompression)} takes "
                + $"{UPlaneSymbolBytes} B, more than the link MTU of {mtu} B ({small.Product.Id}), and {rigid.Product.Id} cannot split "
                + "a symbol over several messages");
        }

        return reasons;
    }

    /// <summary>Why a case does not apply to this setup at all (band, IOT profile, operator); empty when it does.</summary>
    public List<string> CaseReasons(CaseView view)
    {
        var reasons = new List<string>();
        var requires = view.Planned.Case.Requires;
        var iot = _setup.IotProfile;
        var band = _setup.Band;
        if (requires.Duplex is { } duplex && duplex != band.Duplex)
        {
            reasons.Add($"the case is for {PlanNames.Of(duplex).ToUpperInvariant()}; band {band.Id} is {PlanNames.Of(band.Duplex).ToUpperInvariant()}");
        }

        if (requires.Category is { } category && category != iot.Category)
        {
            reasons.Add($"the case is about category {PlanNames.Of(category)} O-RUs; IOT profile {iot.Name} is category {PlanNames.Of(iot.Category)}");
        }

        if (!requires.Beamforming.IsEmpty && !requires.Beamforming.Contains(iot.Beamforming))
        {
            reasons.Add($"the case needs {string.Join(" or ", requires.Beamforming.Select(PlanNames.Of))} beamforming; IOT profile {iot.Name} "
                + $"has {PlanNames.Of(iot.Beamforming)}");
        }

        int iotTypes = CapabilityMasks.SectionTypes(iot.SectionTypes);
        foreach (int t in CapabilityMasks.Bits((uint)(view.SectionTypes & ~iotTypes)))
        {
            reasons.Add($"the case needs section type {t}, which IOT profile {iot.Name} does not use ({string.Join(", ", iot.SectionTypes)})");
        }

        uint iotExtensions = CapabilityMasks.Extensions(iot.SectionExtensions);
        foreach (int e in CapabilityMasks.Bits(view.Extensions & ~iotExtensions))
        {
            reasons.Add($"the case needs section extension {e}, which IOT profile {iot.Name} does not use "
                + $"({(iot.SectionExtensions.IsEmpty ? "none" : string.Join(", ", iot.SectionExtensions))})");
        }

        if (view.Sync != 0 && (view.Sync & _syncMask) == 0)
        {
            reasons.Add($"the case needs S-plane {CapabilityMasks.SyncNames(view.Sync)}, which {_setup.Operator.Id} does not run with {iot.Name} "
                + $"({CapabilityMasks.SyncNames(_syncMask)})");
        }

        if (view.Compression is { } c && !iot.Compression.Any(s => s.Covers(c.Static.Method, c.Static.IqWidth, c.UdCompHdrPresent)))
        {
            reasons.Add($"the case configures {Describe(c)}, which IOT profile {iot.Name} does not allow ({string.Join("; ", iot.Compression)})");
        }

        return reasons;
    }

    /// <summary>Why a compatible pair cannot run a case that applies to the setup; null when it can (the common case
    /// allocates nothing).</summary>
    public List<string>? CaseOnPairReasons(CaseView view, ProductView du, ProductView ru)
    {
        if ((view.SectionTypes & ~(du.SectionTypes & ru.SectionTypes)) == 0 && (view.Extensions & ~(du.Extensions & ru.Extensions)) == 0
            && (view.MPlane == 0 || ((view.MPlane & du.MPlane) != 0 && (view.MPlane & ru.MPlane) != 0))
            && (view.Sync == 0 || (view.Sync & du.Sync & ru.Sync & _syncMask) != 0)
            && (view.Compression is null || (Supports(du, view.Compression) && Supports(ru, view.Compression))))
        {
            return null;
        }

        var reasons = new List<string>();
        foreach (var product in (ReadOnlySpan<ProductView>)[du, ru])
        {
            foreach (int t in CapabilityMasks.Bits((uint)(view.SectionTypes & ~product.SectionTypes)))
            {
                reasons.Add($"{product.Label} does not support section type {t}");
            }

            foreach (int e in CapabilityMasks.Bits(view.Extensions & ~product.Extensions))
            {
                reasons.Add($"{product.Label} does not support section extension {e}");
            }

            if (view.Compression is { } c && !Supports(product, c))
            {
                reasons.Add($"{product.Label} does not support {Describe(c)}");
            }

            if (view.MPlane != 0 && (view.MPlane & product.MPlane) == 0)
            {
                reasons.Add($"{product.Label} does not support M-plane {CapabilityMasks.MPlaneNames(view.MPlane)}");
            }
        }

        if (view.Sync != 0 && (view.Sync & du.Sync & ru.Sync & _syncMask) == 0)
        {
            reasons.Add($"the case needs S-plane {CapabilityMasks.SyncNames(view.Sync & _syncMask)}, which {du.Product.Id} "
                + $"({CapabilityMasks.SyncNames(du.Sync)}) and {ru.Product.Id} ({CapabilityMasks.SyncNames(ru.Sync)}) do not share");
        }

        return reasons;
    }

    private static bool Supports(ProductView product, UPlaneCompression c)
    {
        foreach (var support in product.Product.Capabilities.Compression)
        {
            if (support.Covers(c.Static.Method, c.Static.IqWidth, c.UdCompHdrPresent))
            {
                return true;
            }
        }

        return false;
    }

    private static void CheckCompression(List<string> reasons, string who, ProductCapabilities caps, UPlaneCompression compression)
    {
        var hdr = compression.Static;
        if (!caps.Compression.Any(c => c.Covers(hdr.Method, hdr.IqWidth, compression.UdCompHdrPresent)))
        {
            reasons.Add($"{who} does not support {Describe(compression)} (it supports {string.Join("; ", caps.Compression)})");
        }
    }

    private static int SymbolBytes(FronthaulProfile profile, UPlaneCompression compression) =>
        UPlaneOverheadBytes + (compression.UdCompHdrPresent ? CompHdrBytes : 0) + (profile.EcpriUdpPort is null ? 0 : UdpIpBytes)
        + profile.Carrier.Prbs * IqCompression.PrbSize(compression.Static);

    private static string Describe(UPlaneCompression compression) => SetupConsistency.Describe(compression);
}
