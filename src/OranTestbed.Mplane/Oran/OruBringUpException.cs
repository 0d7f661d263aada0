namespace OranTestbed.Mplane.Oran;

/// <summary>A start-up step of an O-RU failed: <see cref="Step"/> names it (discover, sync, configure, read-back,
/// activate, …) and the message says what the O-RU did.</summary>
public sealed class OruBringUpException : Exception
{
    public OruBringUpException(string step, string message, Exception? inner = null)
        : base($"{step}: {message}", inner)
    {
        Step = step;
    }

    public OruBringUpException()
    {
        Step = string.Empty;
    }

    public OruBringUpException(string message)
        : base(message)
    {
        Step = string.Empty;
    }

    public OruBringUpException(string message, Exception inner)
        : base(message, inner)
    {
        Step = string.Empty;
    }

    public string Step { get; }
}
