using System.Collections.Immutable;
using System.Globalization;
using OranTestbed.Plans.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace OranTestbed.Plans.Loading;

/// <summary>
/// What loading a plan directory collects across files: the errors of every file, the ids each file defines (a second
/// definition is an error that points at the first), the references between files (resolved once everything is loaded,
/// with a "did you mean") and the checks that need several files (run after the references).
/// </summary>
internal sealed class PlanLoadContext
{
    private readonly Dictionary<string, PlanErrors> _files = new(StringComparer.Ordinal);
    private readonly List<PlanError> _external = [];
    private readonly Dictionary<PlanItemKind, Dictionary<string, (string Source, Mark At)>> _definitions = [];
    private readonly List<(PlanItemKind Kind, Located<string> Id, PlanErrors Errors, string? Hint)> _references = [];
    private readonly List<Action> _deferred = [];

    public PlanErrors ErrorsFor(string source)
    {
        if (!_files.TryGetValue(source, out var errors))
        {
            errors = new PlanErrors(source);
            _files.Add(source, errors);
        }

        return errors;
    }

    /// <summary>Errors found by another loader (the fronthaul profile loader's, already positioned).</summary>
    public void AddExternal(IEnumerable<PlanError> errors) => _external.AddRange(errors);

    /// <summary>Records an id; false (and an error at the second definition) when it was defined already.</summary>
    public bool Define(PlanItemKind kind, string id, PlanErrors errors, YamlNode at, string keyPath)
    {
        var ids = IdsOf(kind);
        if (ids.TryGetValue(id, out var first))
        {
            errors.Add(at, keyPath, $"duplicate {Describe(kind)} id '{id}': already defined at {first.Source}:{first.At.Line}:{first.At.Column}");
            return false;
        }

        ids.Add(id, (errors.Source, at.Start));
        return true;
    }

    /// <summary>
    /// Records the id of a file that could not be read (a YAML syntax error): its file name, so that references to it
    /// do not add errors of their own.
    /// </summary>
    public void DefineUnreadable(PlanItemKind kind, string source)
    {
        string id = Path.GetFileNameWithoutExtension(source);
        IdsOf(kind).TryAdd(id, (source, new Mark(0, 1, 1)));
    }

    public bool IsDefined(PlanItemKind kind, string id) => IdsOf(kind).ContainsKey(id);

    /// <summary>Records a reference to check once every file is loaded.</summary>
    public void Reference(PlanItemKind kind, Located<string> id, PlanErrors errors, string? hint = null) =>
        _references.Add((kind, id, errors, hint));

    /// <summary>A check that needs other files; it runs after the references, and must tolerate missing items.</summary>
    public void Defer(Action check) => _deferred.Add(check);

    /// <summary>Resolves the references, then runs the deferred checks.</summary>
    public void Finish()
    {
        foreach (var (kind, id, errors, hint) in _references)
        {
            if (!IsDefined(kind, id.Value))
            {
                errors.Add(id.Node, id.KeyPath, Unknown(kind, id.Value, hint));
            }
        }

        foreach (var check in _deferred)
        {
            check();
        }
    }

    public bool HasErrors => _external.Count > 0 || _files.Values.Any(e => !e.IsEmpty);

    /// <summary>Every error, by file name, then line and column (at most <see cref="PlanErrors.MaxListed"/> a file, then
    /// how many more).</summary>
    public ImmutableArray<PlanError> Errors() =>
    [
        .. _files.Values.SelectMany(e => e.ToImmutable()).Concat(_external)
            .OrderBy(e => e.Source, StringComparer.Ordinal).ThenBy(PlanErrors.IsUnlisted).ThenBy(e => e.Line).ThenBy(e => e.Column),
    ];

    public static string Describe(PlanItemKind kind) => kind switch
    {
        PlanItemKind.Vendor => "vendor",
        PlanItemKind.Product => "product",
        PlanItemKind.Bench => "bench",
        PlanItemKind.Band => "band",
        PlanItemKind.Operator => "operator profile",
        PlanItemKind.IotProfile => "IOT profile",
        PlanItemKind.TestCase => "test case",
        PlanItemKind.Campaign => "campaign",
        _ => "fronthaul profile",
    };

    private static string WhereDefined(PlanItemKind kind) => kind switch
    {
        PlanItemKind.Vendor => "lab/vendors/VENDOR.yaml",
        PlanItemKind.Product => "the products of lab/vendors/VENDOR.yaml",
        PlanItemKind.Bench => "lab/benches.yaml",
        PlanItemKind.Band => "bands/ID.yaml",
        PlanItemKind.Operator => "operators/ID.yaml",
        PlanItemKind.IotProfile => "iot/profiles/*.yaml",
        PlanItemKind.TestCase => "iot/cases/*.yaml",
        PlanItemKind.Campaign => "campaigns/ID.yaml",
        _ => "profiles/NAME.yaml",
    };

    private string Unknown(PlanItemKind kind, string id, string? hint)
    {
        var known = IdsOf(kind).Keys.Order(StringComparer.Ordinal).ToList();
        string? close = KeySuggestions.Closest(id, known);
        string message = $"unknown {Describe(kind)} '{id}'";
        if (close is not null)
        {
            message += $"; did you mean '{close}'?";
        }
        else if (known.Count is > 0 and <= 12)
        {
            message += string.Create(CultureInfo.InvariantCulture, $"; known: {string.Join(", ", known)}");
        }
        else if (known.Count == 0)
        {
            message += $"; none is defined: add {WhereDefined(kind)}";
        }

        return hint is null ? message : message + " (" + hint + ")";
    }

    private Dictionary<string, (string Source, Mark At)> IdsOf(PlanItemKind kind)
    {
        if (!_definitions.TryGetValue(kind, out var ids))
        {
            ids = new Dictionary<string, (string, Mark)>(StringComparer.Ordinal);
            _definitions.Add(kind, ids);
        }

        return ids;
    }
}
