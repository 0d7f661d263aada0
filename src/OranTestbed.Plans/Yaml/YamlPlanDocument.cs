using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace OranTestbed.Plans.Yaml;

/// <summary>
/// Reads one YAML file into YamlDotNet's representation model, whose nodes keep their line and column. A syntax error
/// (or a duplicate key, which YamlDotNet also reports while loading) becomes a <see cref="PlanError"/> at its position,
/// and so does a file past the <see cref="YamlLimits"/> (too deep, too many values, too long): loading stops there.
/// </summary>
internal static class YamlPlanDocument
{
    /// <summary>The root mapping of a single-document file, or null with the errors added.</summary>
    public static YamlMappingNode? LoadRootMapping(TextReader text, PlanErrors errors)
    {
        var stream = new YamlStream();
        var parser = new LimitedParser(new Parser(text));
        try
        {
            stream.Load(parser);
        }
        catch (YamlException) when (parser.Exceeded is var (at, message))
        {
            errors.Add(at, "", message);
            return null;
        }
        catch (YamlException ex)
        {
            errors.Add(ex.Start, "", SyntaxMessage(ex));
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this (without a position) when the text ends inside a flow collection.
            errors.Add(new Mark(0, 1, 1), "", "YAML syntax error: the file ends inside an unclosed [ or {");
            return null;
        }

        if (stream.Documents.Count != 1)
        {
            errors.Add(new Mark(0, 1, 1), "", stream.Documents.Count == 0
                ? "the file is empty: a plan file is one YAML mapping of keys"
                : "the file holds more than one YAML document ('---'); a plan file is exactly one");
            return null;
        }

        var root = stream.Documents[0].RootNode;
        if (root is not YamlMappingNode mapping)
        {
            errors.Add(root, "", "the document must be a mapping of keys (key: value lines), not " + YamlMappingReader.Describe(root));
            return null;
        }

        return mapping;
    }

    private static string SyntaxMessage(YamlException ex)
    {
        // YamlDotNet prefixes some messages with "(Line: 3, Col: 5, Idx: ...) - (...):" - the position is already ours.
        string message = ex.Message;
        int cut = message.LastIndexOf("): ", StringComparison.Ordinal);
        if (message.StartsWith("(Line:", StringComparison.Ordinal) && cut >= 0)
        {
            message = message[(cut + 3)..];
        }

        return "YAML syntax error: " + message;
    }
}
