namespace OranTestbed.Results.Audit;

/// <summary>
/// One line of the audit log: at <see cref="At"/>, <see cref="Account"/> (null: a login with a token of no account)
/// did <see cref="Action"/> (see <see cref="AuditActions"/>) on <see cref="Target"/> (a run, execution, upload or
/// artifact id, or a path and query; never a credential) and was answered <see cref="Outcome"/> (the HTTP status).
/// </summary>
public sealed record AuditEvent(string Id, DateTimeOffset At, string? Account, string Action, string Target, int Outcome);
