using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace OranTestbed.Plans.Yaml;

/// <summary>
/// Passes YamlDotNet's parser events through, and stops at the first event past a <see cref="YamlLimits"/> limit:
/// YamlDotNet's scanner and parser are iterative, but its node tree is built by recursion, so the depth has to be
/// checked here, one event ahead of the tree, before the stack can overflow. <see cref="Exceeded"/> then holds where
/// and why, and <see cref="MoveNext"/> throws a <see cref="YamlException"/> to end the loading.
/// </summary>
internal sealed class LimitedParser(IParser inner) : IParser
{
    private int _depth;
    private int _nodes;

    public ParsingEvent? Current => inner.Current;

    /// <summary>The limit passed, at the event that passed it; null while within the limits.</summary>
    public (Mark At, string Message)? Exceeded { get; private set; }

    public bool MoveNext()
    {
        if (!inner.MoveNext())
        {
            return false;
        }

        var current = inner.Current!;
        switch (current)
        {
            case MappingStart or SequenceStart:
                _depth++;
                _nodes++;
                break;
            case MappingEnd or SequenceEnd:
                _depth--;
                break;
            case Scalar or AnchorAlias:
                _nodes++;
                break;
        }

        if (_depth > YamlLimits.MaxDepth)
        {
            Stop(current.Start, $"YAML nesting deeper than {YamlLimits.MaxDepth} levels: a plan file is never that deep");
        }

        if (_nodes > YamlLimits.MaxNodes)
        {
            Stop(current.Start, string.Create(CultureInfo.InvariantCulture,
                $"the file holds more than {YamlLimits.MaxNodes:N0} values: a plan file is far smaller"));
        }

        if (current.End.Index > YamlLimits.MaxFileBytes)
        {
            Stop(current.Start, string.Create(CultureInfo.InvariantCulture,
                $"the file is longer than {YamlLimits.MaxFileBytes:N0} characters: a plan file is far smaller"));
        }

        return true;
    }

    private void Stop(Mark at, string message)
    {
        Exceeded = (at, message);
        throw new YamlException(at, at, message);
    }
}
