namespace OranTestbed.Mplane.Operations;

/// <summary>The optional parameters of edit-config; a null one is left out, so the server's default applies.</summary>
public sealed record NetconfEditOptions
{
    public static NetconfEditOptions Default { get; } = new();

    public NetconfDefaultOperation? DefaultOperation { get; init; }

    public NetconfTestOption? TestOption { get; init; }

    public NetconfErrorOption? ErrorOption { get; init; }
}
