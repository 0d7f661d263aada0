namespace OranTestbed.Plans.Yaml;

/// <summary>
/// One problem in a test-plan file: where (the file as it was named, 1-based line and column), which key (a dotted
/// path such as <c>delay-management.t2a-max-up</c>; empty for the whole document) and why. Line 0 means the error has
/// no position (e.g. the file could not be read).
/// </summary>
public sealed record PlanError(string Source, int Line, int Column, string KeyPath, string Message)
{
    /// <summary>The compiler-style form <c>file:line:column: key.path: message</c>.</summary>
    public override string ToString()
    {
        string where = Line > 0 ? $"{Source}:{Line}:{Column}" : Source;
        return KeyPath.Length == 0 ? $"{where}: {Message}" : $"{where}: {KeyPath}: {Message}";
    }
}
