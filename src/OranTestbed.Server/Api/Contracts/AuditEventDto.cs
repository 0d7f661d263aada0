using OranTestbed.Results.Audit;

namespace OranTestbed.Server.Api.Contracts;

/// <summary>An audit event: when, which account (absent: a login with no account's token), the action, its target
/// and the HTTP status answered.</summary>
public sealed record AuditEventDto(DateTimeOffset At, string? Account, string Action, string Target, int Outcome)
{
    public static AuditEventDto Of(AuditEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new AuditEventDto(e.At, e.Account, e.Action, e.Target, e.Outcome);
    }
}
