namespace OranTestbed.Plans.Lab;

/// <summary>
/// M-plane IOT profile (O-RAN.WG4.IOT.0 Annex A; names in files <c>hierarchical-sudo</c>, <c>hybrid-sudo-nms</c>,
/// <c>hierarchical-sudo-ipv6</c>, <c>hybrid-sudo-nms-ipv6</c> for WG4's Hierarchical-sudo, Hybrid-sudo+nms, ...).
/// </summary>
public enum MPlaneProfile
{
    /// <summary>IPv4, SSH, DHCPv4 options 60/43, call home to port 4334; the O-DU manages the O-RU.</summary>
    HierarchicalSudo,

    /// <summary>As hierarchical, plus an NMS/SMO with its own NETCONF session to the O-RU.</summary>
    HybridSudoNms,

    HierarchicalSudoIpv6,

    HybridSudoNmsIpv6,
}
