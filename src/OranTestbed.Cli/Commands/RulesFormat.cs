namespace OranTestbed.Cli.Commands;

/// <summary>Output formats of <c>rules</c>.</summary>
internal enum RulesFormat
{
    /// <summary>An aligned table: id, severity, clause, description.</summary>
    Text,

    /// <summary>{"rules": [{id, severity, clause, description}]}.</summary>
    Json,
}
