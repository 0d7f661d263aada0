using System.Collections.Immutable;
using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace OranTestbed.Plans.Yaml;

/// <summary>
/// Collects the errors of one file (a loader reports them all, not just the first), in file order; past
/// <see cref="MaxListed"/> they are only counted, and one last line says how many more there are (a file with a million
/// bad values is a million-and-one-line report otherwise, and as many objects in memory).
/// </summary>
internal sealed class PlanErrors(string source)
{
    /// <summary>Errors listed per file; the rest are counted and summarised in one last line.</summary>
    public const int MaxListed = 100;

    private readonly List<PlanError> _errors = [];
    private int _unlisted;

    public string Source { get; } = source;

    public bool IsEmpty => _errors.Count == 0;

    /// <summary>Errors so far, listed or not (a reader compares counts to tell whether a part of the file was valid).</summary>
    public int Count => _errors.Count + _unlisted;

    public void Add(YamlNode node, string keyPath, string message) => Add(node.Start, keyPath, message);

    public void Add(Mark mark, string keyPath, string message)
    {
        if (_errors.Count < MaxListed)
        {
            _errors.Add(new PlanError(Source, (int)mark.Line, (int)mark.Column, keyPath, message));
        }
        else
        {
            _unlisted++;
        }
    }

    public ImmutableArray<PlanError> ToImmutable()
    {
        var listed = _errors.OrderBy(e => e.Line).ThenBy(e => e.Column).ThenBy(e => e.KeyPath, StringComparer.Ordinal);
        return _unlisted == 0 ? [.. listed] : [.. listed, Unlisted(Source, _unlisted)];
    }

    /// <summary>The last line of a file's errors when some are not listed.</summary>
    public static PlanError Unlisted(string source, int count) =>
        new(source, 0, 0, "", string.Create(CultureInfo.InvariantCulture,
            $"{UnlistedPrefix}{count:N0} more error(s) not listed (only the first {MaxListed} are)"));

    /// <summary>Whether an error is the <see cref="Unlisted"/> line (sorted after the file's other errors).</summary>
    public static bool IsUnlisted(PlanError error) =>
        error.Line == 0 && error.KeyPath.Length == 0 && error.Message.StartsWith(UnlistedPrefix, StringComparison.Ordinal);

    private const string UnlistedPrefix = "and ";

    /// <summary>Throws <see cref="PlanValidationException"/> with every error collected, if any.</summary>
    public void ThrowIfAny()
    {
        if (!IsEmpty)
        {
            throw new PlanValidationException(ToImmutable());
        }
    }
}
