namespace OranTestbed.Analysis.Rules;

/// <summary>The stable lower-case names of <see cref="RuleSeverity"/> used in JSON and tables.</summary>
public static class RuleSeverityNames
{
    public static string Of(RuleSeverity severity) => severity switch
    {
        RuleSeverity.Info => "info",
        RuleSeverity.Warning => "warning",
        RuleSeverity.Error => "error",
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, "unknown severity"),
    };

    /// <summary>The severity named <paramref name="name"/> (error, warning, info).</summary>
    public static bool TryParse(string name, out RuleSeverity severity)
    {
        severity = name switch { "info" => RuleSeverity.Info, "warning" => RuleSeverity.Warning, _ => RuleSeverity.Error };
        return name is "info" or "warning" or "error";
    }
}
