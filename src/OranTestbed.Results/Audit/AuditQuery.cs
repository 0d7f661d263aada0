namespace OranTestbed.Results.Audit;

/// <summary>A newest-first page of the audit log: only <see cref="Account"/>'s and/or <see cref="Action"/>'s events when
/// set, at most <see cref="Limit"/>, older than <see cref="Before"/> (the last event of the previous page).</summary>
public sealed record AuditQuery
{
    public string? Account { get; init; }

    public string? Action { get; init; }

    public int Limit { get; init; } = 100;

    public AuditCursor? Before { get; init; }
}
