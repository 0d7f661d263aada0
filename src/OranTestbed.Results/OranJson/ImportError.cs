namespace OranTestbed.Results.OranJson;

/// <summary>Why an O-RAN results document was refused: <see cref="Location"/> is the JSON pointer of the failing value (RFC 6901; "" is the
/// document) and what is wrong there.</summary>
public sealed record ImportError(string Location, string Message)
{
    /// <summary>1-based line of the text where the document stops being readable JSON (syntax, depth); 0 otherwise.</summary>
    public int Line { get; init; }

    /// <summary>1-based column (in bytes) with <see cref="Line"/>.</summary>
    public int Column { get; init; }

    /// <summary><c>line:column: message</c> for unreadable JSON (so that <c>FILE:</c> before it makes a compiler-style
    /// position), else <c>/json/pointer: message</c>.</summary>
    public override string ToString() =>
        Line > 0 ? $"{Line}:{Column}: {Message}" : $"{(Location.Length == 0 ? "/" : Location)}: {Message}";
}
