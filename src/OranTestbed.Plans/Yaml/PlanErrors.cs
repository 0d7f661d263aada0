using System.Collections.Immutable;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace OranTestbed.Plans.Yaml;

/// <summary>Collects every error of one file (a loader reports them all, not just the first), in file order.</summary>
internal sealed class PlanErrors(string source)
{
    private readonly List<PlanError> _errors = [];

    public string Source { get; } = source;

    public bool IsEmpty => _errors.Count == 0;

    /// <summary>Errors so far (a reader compares counts to tell whether a part of the file was valid).</summary>
    public int Count => _errors.Count;

    public void Add(YamlNode node, string keyPath, string message) => Add(node.Start, keyPath, message);

    public void Add(Mark mark, string keyPath, string message) =>
        _errors.Add(new PlanError(Source, (int)mark.Line, (int)mark.Column, keyPath, message));

    public ImmutableArray<PlanError> ToImmutable() =>
        [.. _errors.OrderBy(e => e.Line).ThenBy(e => e.Column).ThenBy(e => e.KeyPath, StringComparer.Ordinal)];

    /// <summary>Throws <see cref="PlanValidationException"/> with every error collected, if any.</summary>
    public void ThrowIfAny()
    {
        if (!IsEmpty)
        {
            throw new PlanValidationException(ToImmutable());
        }
    }
}
