using System.Collections.Immutable;

namespace OranTestbed.Emulation.Mplane;

/// <summary>
/// The NACM groups an O-RU knows from the start (O-RAN.WG4.MP.0 "NACM" / o-ran-usermgmt; RFC 8341 groups): an account
/// of the emulated O-RU (<see cref="MplaneServerOptions.Accounts"/>) names one of them. What each group may read, write
/// and execute is <see cref="NacmPrivileges"/>.
/// </summary>
public static class NacmGroups
{
    /// <summary>Everything, including NACM and user management (the O-RU's administrator).</summary>
    public const string Sudo = "sudo";

    /// <summary>The SMO managing the O-RU directly (hybrid model).</summary>
    public const string Smo = "smo";

    /// <summary>The O-DU in the hybrid model: the radio configuration, not the transport or software.</summary>
    public const string HybridOdu = "hybrid-odu";

    /// <summary>A network management system: configuration and software, not NACM or users.</summary>
    public const string Nms = "nms";

    /// <summary>Fault and performance management: reads most, writes only measurements.</summary>
    public const string FmPm = "fm-pm";

    /// <summary>Software management: the software inventory and the file transfers it needs, nothing else.</summary>
    public const string Swm = "swm";

    public static ImmutableArray<string> Known { get; } = [Sudo, Smo, HybridOdu, Nms, FmPm, Swm];

    public static bool IsKnown(string group) => Known.Contains(group);
}
