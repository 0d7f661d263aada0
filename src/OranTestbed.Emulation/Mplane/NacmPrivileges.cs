using System.Collections.Frozen;

namespace OranTestbed.Emulation.Mplane;

/// <summary>
/// The O-RU's default NACM privileges: per group, per YANG module, read (R), write (W) and execute (X), as the O-RAN
/// M-plane specification tabulates them for the groups of o-ran-usermgmt (O-RAN.WG4.MP.0, "NACM" annex; the cells are
/// written <c>RWX</c>, <c>RW-</c>, <c>R--</c>, <c>--X</c>, <c>---</c>). A module a group's row does not name gets the
/// RFC 8341 defaults (read-default permit, write-default deny, exec-default permit: <c>R-X</c>).
/// <para>
/// Where the cells come from: the specification's table itself was not at hand. The cells below are copied from an
/// O-RU implementation that transcribes it rule by rule, one NACM rule per cell with the cell as its comment (e.g.
/// <c>"fm-pm o-ran-uplane-conf R--"</c>, <c>"swm o-ran-software-management RWX"</c>): the IetfNetconfAcmHandler of an
/// O-RAN RRH on sysrepo, public source, read for the groups sudo, nms, fm-pm, swm and part of hybrid-odu. Cells marked
/// <c>// assumed</c> were not in what was read and follow the role of the group; smo was not read at all and is given
/// sudo's privileges (the SMO manages the O-RU as a whole in the hybrid model).
/// </para>
/// <para>
/// RFC 8341 §3.2.x: the protocol operations marked <c>nacm:default-deny-all</c> (kill-session, delete-config) need an
/// explicit permit, which only sudo and smo have; close-session is always allowed.
/// </para>
/// </summary>
internal static class NacmPrivileges
{
    /// <summary>RFC 8341 defaults: read permit, write deny, exec permit.</summary>
    public const NacmOperations Defaults = NacmOperations.Read | NacmOperations.Exec;

    private static readonly FrozenDictionary<string, FrozenDictionary<string, NacmOperations>> Table =
        new Dictionary<string, FrozenDictionary<string, NacmOperations>>
        {
            [NacmGroups.Nms] = Row(new()
            {
                ["o-ran-uplane-conf"] = "RWX",
                ["o-ran-processing-element"] = "RW-",
                ["o-ran-software-management"] = "RWX",
                ["ietf-netconf-acm"] = "R--",
                // assumed: the NMS configures the rest of the O-RU too
                ["ietf-interfaces"] = "RW-",
                ["ietf-ip"] = "RW-",
                ["o-ran-interfaces"] = "RWX",
                ["ietf-hardware"] = "RWX",
                ["o-ran-hardware"] = "RWX",
                ["o-ran-delay-management"] = "RW-",
                ["o-ran-module-cap"] = "RW-",
                ["o-ran-performance-management"] = "RWX",
                ["o-ran-sync"] = "RWX",
                ["o-ran-fm"] = "RWX",
                ["o-ran-supervision"] = "RWX",
                ["o-ran-operations"] = "RWX",
                ["ietf-netconf-monitoring"] = "RWX",
            }),
            [NacmGroups.HybridOdu] = Row(new()
            {
                ["o-ran-delay-management"] = "RW-",
                ["o-ran-hardware"] = "R--",
                ["o-ran-interfaces"] = "R--",
                ["o-ran-module-cap"] = "RW-",
                ["o-ran-operations"] = "RWX",
                ["o-ran-processing-element"] = "RW-",
                // assumed: the O-DU configures carriers, measurements and its supervision; transport and software are the NMS's
                ["o-ran-uplane-conf"] = "RWX",
                ["o-ran-performance-management"] = "RWX",
                ["o-ran-supervision"] = "RWX",
                ["o-ran-fm"] = "R-X",
                ["o-ran-sync"] = "R--",
                ["o-ran-software-management"] = "R--",
                ["ietf-interfaces"] = "R--",
                ["ietf-ip"] = "R--",
                ["ietf-hardware"] = "R--",
                ["ietf-netconf-acm"] = "R--",
            }),
            [NacmGroups.FmPm] = Row(new()
            {
                ["ietf-interfaces"] = "R--",
                ["ietf-ip"] = "R--",
                ["ietf-netconf-acm"] = "R--",
                ["ietf-netconf-notifications"] = "--X",
                ["o-ran-delay-management"] = "R--",
                ["o-ran-hardware"] = "---",
                ["o-ran-interfaces"] = "R--",
                ["o-ran-module-cap"] = "R--",
                ["o-ran-operations"] = "R--",
                ["o-ran-performance-management"] = "RWX",
                ["o-ran-processing-element"] = "R--",
                ["o-ran-software-management"] = "R--",
                ["o-ran-supervision"] = "---",
                ["o-ran-sync"] = "R--",
                ["o-ran-uplane-conf"] = "R--",
                ["o-ran-fm"] = "RWX", // assumed: fault management is the group's purpose
            }),
            [NacmGroups.Swm] = Row(new()
            {
                ["ietf-hardware"] = "---",
                ["ietf-interfaces"] = "---",
                ["ietf-netconf-acm"] = "R--",
                ["ietf-netconf-monitoring"] = "RWX",
                ["o-ran-delay-management"] = "---",
                ["o-ran-fm"] = "---",
                ["o-ran-hardware"] = "---",
                ["o-ran-interfaces"] = "---",
                ["o-ran-module-cap"] = "---",
                ["o-ran-operations"] = "---",
                ["o-ran-performance-management"] = "---",
                ["o-ran-processing-element"] = "---",
                ["o-ran-software-management"] = "RWX",
                ["o-ran-supervision"] = "---",
                ["o-ran-sync"] = "---",
                ["ietf-ip"] = "---", // assumed, as ietf-interfaces
                ["o-ran-uplane-conf"] = "---", // assumed, as every other radio module
            }),
        }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>What <paramref name="group"/> (null: a user in no group) may do with <paramref name="module"/>'s nodes.</summary>
    public static NacmOperations Of(string? group, string module) => group switch
    {
        null => Defaults,
        NacmGroups.Sudo or NacmGroups.Smo => NacmOperations.All,
        _ => Table.TryGetValue(group, out var row) && row.TryGetValue(module, out var operations) ? operations : Defaults,
    };

    /// <summary>The groups with a permit for the operations RFC 8341 denies by default (kill-session, delete-config).</summary>
    public static bool MayRunProtectedOperations(string? group) => group is NacmGroups.Sudo or NacmGroups.Smo;

    /// <summary>The modules named in <paramref name="group"/>'s row (for the rule-list a get shows), with their cells.</summary>
    public static IEnumerable<KeyValuePair<string, NacmOperations>> RowOf(string group) =>
        Table.TryGetValue(group, out var row) ? row.OrderBy(c => c.Key, StringComparer.Ordinal) : [];

    /// <summary>A cell as the table writes it: <c>RWX</c>, <c>R--</c>.</summary>
    public static string Cell(NacmOperations operations) =>
        string.Concat(operations.HasFlag(NacmOperations.Read) ? "R" : "-", operations.HasFlag(NacmOperations.Write) ? "W" : "-",
            operations.HasFlag(NacmOperations.Exec) ? "X" : "-");

    private static FrozenDictionary<string, NacmOperations> Row(Dictionary<string, string> cells) =>
        cells.ToFrozenDictionary(c => c.Key, c => Parse(c.Value), StringComparer.Ordinal);

    private static NacmOperations Parse(string cell) =>
        (cell[0] == 'R' ? NacmOperations.Read : 0) | (cell[1] == 'W' ? NacmOperations.Write : 0) | (cell[2] == 'X' ? NacmOperations.Exec : 0);
}
