using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text.RegularExpressions;
using OranNamespaces = OranTestbed.Mplane.Oran.OranNamespaces;

namespace OranTestbed.Emulation.Mplane;

/// <summary>
/// What the emulated O-RU knows of its YANG modules, read from the pristine files of testplans/yang (no YANG compiler
/// exists for .NET): each served module's name, namespace and revision (for the hello and get-schema), the data node
/// names O-RAN modules declare (an element in an O-RAN namespace with another name is an unknown element) and the keys
/// of every list (to match list entries in edit-config and filters). The node-name check is by name, not by path: it
/// catches misspelt and foreign elements, not a known element in the wrong place.
/// </summary>
public sealed partial class YangCatalog
{
    /// <summary>The folder of the YANG modules, under a repository (or test-plan) root.</summary>
    public const string DefaultFolder = "testplans/yang";

    /// <summary>The modules the emulated O-RU serves (the O-RAN M-plane core, mplane.md §2.2, and their IETF imports).</summary>
    public static ImmutableArray<string> ServedModuleNames { get; } =
    [
        "ietf-yang-types", "ietf-inet-types", "iana-if-type", "iana-hardware", "ietf-interfaces", "ietf-ip", "ietf-hardware",
        "ietf-netconf-monitoring", "ietf-netconf-acm",
        "o-ran-common-yang-types", "o-ran-common-identity-refs", "o-ran-wg4-features", "o-ran-compression-factors",
        "o-ran-hardware", "o-ran-interfaces", "o-ran-processing-element", "o-ran-module-cap", "o-ran-uplane-conf",
        "o-ran-delay-management", "o-ran-performance-management", "o-ran-sync", "o-ran-fm", "o-ran-supervision",
        "o-ran-operations", "o-ran-software-management",
    ];

    private YangCatalog(ImmutableArray<ServedModule> modules, FrozenSet<string> oranNodeNames,
        FrozenDictionary<string, ImmutableArray<string>> listKeys)
    {
        Modules = modules;
        OranNodeNames = oranNodeNames;
        ListKeys = listKeys;
    }

    public ImmutableArray<ServedModule> Modules { get; }

    /// <summary>Every container, list, leaf and leaf-list name declared by a served O-RAN module.</summary>
    public FrozenSet<string> OranNodeNames { get; }

    /// <summary>List name → its key leaves, over all served modules (O-RAN reuses a list name with the same keys).</summary>
    public FrozenDictionary<string, ImmutableArray<string>> ListKeys { get; }

    /// <summary>The served module called <paramref name="name"/>, or null.</summary>
    public ServedModule? Find(string name)
    {
        foreach (var module in Modules)
        {
            if (module.Name == name)
            {
                return module;
            }
        }

        return null;
    }

    /// <summary>
    /// Reads the served modules from <paramref name="folder"/> (its <c>ietf/</c> and <c>o-ran-v17.01/</c> subfolders, or
    /// the folder itself).
    /// </summary>
    /// <exception cref="FileNotFoundException">A served module is not in the folder.</exception>
    public static YangCatalog Load(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"no YANG folder {folder}");
        }

        var files = Directory.EnumerateFiles(folder, "*.yang", SearchOption.AllDirectories)
            .GroupBy(Path.GetFileNameWithoutExtension, StringComparer.Ordinal)
            .ToDictionary(g => g.Key!, g => g.Order(StringComparer.Ordinal).Last(), StringComparer.Ordinal);
        var modules = ImmutableArray.CreateBuilder<ServedModule>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var keys = new Dictionary<string, ImmutableArray<string>>(StringComparer.Ordinal);
        foreach (string name in ServedModuleNames)
        {
            if (!files.TryGetValue(name, out string? path))
            {
                throw new FileNotFoundException($"{folder} has no {name}.yang (the emulated O-RU serves it)", name + ".yang");
            }

            string text = File.ReadAllText(path);
            string ns = NamespaceStatement().Match(text) is { Success: true } n ? n.Groups[1].Value
                : throw new InvalidDataException($"{path}: no namespace statement");
            string revision = RevisionStatement().Match(text) is { Success: true } r ? r.Groups[1].Value
                : throw new InvalidDataException($"{path}: no revision statement");
            modules.Add(new ServedModule(name, ns, revision, path));
            string body = Comments().Replace(text, "");
            if (ns.StartsWith(OranNamespaces.OranPrefix, StringComparison.Ordinal))
            {
                foreach (Match node in DataNode().Matches(body))
                {
                    names.Add(node.Groups[2].Value);
                }
            }

            foreach (Match list in ListWithKey().Matches(body))
            {
                keys.TryAdd(list.Groups[1].Value, [.. list.Groups[2].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)]);
            }
        }

        return new YangCatalog(modules.ToImmutable(), names.ToFrozenSet(StringComparer.Ordinal),
            keys.ToFrozenDictionary(StringComparer.Ordinal));
    }

    [GeneratedRegex("""^\s*namespace\s+"?([^";\s]+)"?\s*;""", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex NamespaceStatement();

    // The first revision statement is the newest (RFC 7950 §7.1.9 asks for reverse chronological order).
    [GeneratedRegex("""^\s*revision\s+"?(\d{4}-\d{2}-\d{2})"?""", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex RevisionStatement();

    [GeneratedRegex("""^\s*(container|list|leaf|leaf-list)\s+"?([A-Za-z_][\w.-]*)"?\s*\{""", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex DataNode();

    // A list's key statement comes before any child node statement (its description may not contain ';').
    [GeneratedRegex("""\blist\s+([\w.-]+)\s*\{(?:[^{}]|\{[^{}]*\})*?\bkey\s+"?([\w.\- ]+?)"?\s*;""", RegexOptions.CultureInvariant)]
    private static partial Regex ListWithKey();

    [GeneratedRegex("""(?m)^\s*//.*$""", RegexOptions.CultureInvariant)]
    private static partial Regex Comments();
}
