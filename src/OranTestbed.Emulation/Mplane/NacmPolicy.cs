using System.Collections.Immutable;
using System.Xml.Linq;
using NetconfNamespaces = OranTestbed.Mplane.Session.NetconfNamespaces;
using OranNamespaces = OranTestbed.Mplane.Oran.OranNamespaces;

namespace OranTestbed.Emulation.Mplane;

/// <summary>
/// NACM (RFC 8341) of one emulated O-RU: its accounts (user → group, <see cref="MplaneServerOptions.Accounts"/>), the
/// module each namespace belongs to, the denial counters, and the <c>ietf-netconf-acm:nacm</c> tree a <c>&lt;get&gt;</c>
/// shows. Without accounts NACM is off and every user may do everything. Thread-safe.
/// </summary>
internal sealed class NacmPolicy
{
    public static readonly XNamespace Acm = "urn:ietf:params:xml:ns:yang:ietf-netconf-acm";

    private readonly ImmutableDictionary<string, string> _accounts;
    private readonly Dictionary<XNamespace, string> _moduleOf = [];
    private long _deniedOperations;
    private long _deniedDataWrites;
    private long _deniedNotifications;

    public NacmPolicy(YangCatalog catalog, ImmutableDictionary<string, string> accounts)
    {
        foreach (var (user, group) in accounts)
        {
            if (string.IsNullOrWhiteSpace(user) || !NacmGroups.IsKnown(group))
            {
                throw new ArgumentException(
                    $"account '{user}={group}': a user name and a NACM group ({string.Join(", ", NacmGroups.Known)})", nameof(accounts));
            }
        }

        _accounts = accounts;
        foreach (var module in catalog.Modules)
        {
            _moduleOf[module.Namespace] = module.Name;
        }

        // The protocol's own modules (RFC 8341 §3.2: base operations, RFC 5277 subscriptions, RFC 6470 notifications).
        _moduleOf[NetconfNamespaces.Base] = "ietf-netconf";
        _moduleOf[NetconfNamespaces.Notification] = "notifications";
        _moduleOf[OranNamespaces.NetconfNotifications] = "ietf-netconf-notifications";
    }

    /// <summary>Accounts were given: access is checked. Otherwise every user is sudo (the server before NACM).</summary>
    public bool Enforced => !_accounts.IsEmpty;

    /// <summary>The rights of a session of <paramref name="user"/>: its account's group, or none when it has no account.</summary>
    public NacmAccess For(string user)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(user);
        if (!Enforced)
        {
            return new NacmAccess(this, user, NacmGroups.Sudo);
        }

        return new NacmAccess(this, user, _accounts.GetValueOrDefault(user));
    }

    /// <summary>The module that defines the nodes or operation of <paramref name="ns"/> (null for a namespace nobody serves).</summary>
    public string? ModuleOf(XNamespace ns) => _moduleOf.GetValueOrDefault(ns);

    public void CountDeniedOperation() => Interlocked.Increment(ref _deniedOperations);

    public void CountDeniedDataWrite() => Interlocked.Increment(ref _deniedDataWrites);

    public void CountDeniedNotification() => Interlocked.Increment(ref _deniedNotifications);

    /// <summary>
    /// The O-RU's nacm container as state (null without accounts): the RFC 8341 defaults, the denial counters, one group
    /// per known group name with its users, and one rule-list per group naming its row of <see cref="NacmPrivileges"/>
    /// (a permit of create/update/delete for W, a deny of read without R, a deny of exec without X; sudo and smo: one
    /// permit-all rule), in the shape of o-ran-usermgmt's NACM configuration.
    /// </summary>
    public XElement? State()
    {
        if (!Enforced)
        {
            return null;
        }

        var groups = NacmGroups.Known.Select(group => new XElement(Acm + "group",
            new XElement(Acm + "name", group),
            _accounts.Where(a => a.Value == group).Select(a => a.Key).Order(StringComparer.Ordinal)
                .Select(user => new XElement(Acm + "user-name", user))));
        return new XElement(Acm + "nacm",
            new XElement(Acm + "enable-nacm", "true"),
            new XElement(Acm + "read-default", "permit"),
            new XElement(Acm + "write-default", "deny"),
            new XElement(Acm + "exec-default", "permit"),
            new XElement(Acm + "enable-external-groups", "false"),
            new XElement(Acm + "denied-operations", Interlocked.Read(ref _deniedOperations)),
            new XElement(Acm + "denied-data-writes", Interlocked.Read(ref _deniedDataWrites)),
            new XElement(Acm + "denied-notifications", Interlocked.Read(ref _deniedNotifications)),
            new XElement(Acm + "groups", groups),
            NacmGroups.Known.Select(RuleList));
    }

    private static XElement RuleList(string group)
    {
        var list = new XElement(Acm + "rule-list", new XElement(Acm + "name", group + "-rules"), new XElement(Acm + "group", group));
        if (NacmPrivileges.MayRunProtectedOperations(group))
        {
            list.Add(Rule(group + "-all", "*", "*", "permit", $"{group} * RWX"));
            return list;
        }

        foreach (var (module, operations) in NacmPrivileges.RowOf(group))
        {
            string cell = $"{group} {module} {NacmPrivileges.Cell(operations)}";
            if (operations.HasFlag(NacmOperations.Write))
            {
                list.Add(Rule($"{group}-{module}-permit-write", module, "create update delete", "permit", cell));
            }

            if (!operations.HasFlag(NacmOperations.Read))
            {
                list.Add(Rule($"{group}-{module}-deny-read", module, "read", "deny", cell));
            }

            if (!operations.HasFlag(NacmOperations.Exec))
            {
                list.Add(Rule($"{group}-{module}-deny-exec", module, "exec", "deny", cell));
            }
        }

        return list;
    }

    private static XElement Rule(string name, string module, string operations, string action, string comment) =>
        new(Acm + "rule",
            new XElement(Acm + "name", name),
            new XElement(Acm + "module-name", module),
            new XElement(Acm + "access-operations", operations),
            new XElement(Acm + "action", action),
            new XElement(Acm + "comment", comment));
}
