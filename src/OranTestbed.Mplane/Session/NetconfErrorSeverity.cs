namespace OranTestbed.Mplane.Session;

/// <summary>RFC 6241 §4.3 <c>error-severity</c>: only <see cref="Error"/> fails an operation.</summary>
public enum NetconfErrorSeverity
{
    Error,
    Warning,
}
