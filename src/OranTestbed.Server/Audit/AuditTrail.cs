using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OranTestbed.Results.Store;
using OranTestbed.Server.Auth;

namespace OranTestbed.Server.Audit;

/// <summary>
/// Writes one audit event per audited request of an authenticated account (and per login attempt naming an account):
/// when the response starts, so the status is final and the event is committed before the client sees a byte of the
/// answer. No answer leaves without its event: a failed write is logged as an error and fails the request (500
/// instead of the answer). For an upload that means the client retries, the repeated upload is answered from the
/// journal (stored once) and its event is written then, so no upload goes unaudited; for a read, nothing is read
/// unrecorded. Requests without an account (401) are not audited: they read nothing, and the request log has them.
/// </summary>
internal static class AuditTrail
{
    /// <summary>HttpContext item: the account a request concerns when no token authenticated it (a login form).</summary>
    public const string AccountItem = "oran-testbed/audit-account";

    public static void UseAuditTrail(this WebApplication app)
    {
        var store = app.Services.GetRequiredService<ResultsStore>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("OranTestbed.Server.Audit");
        app.Use((context, next) =>
        {
            if (AuditTargets.ActionOf(context) is { } action)
            {
                context.Response.OnStarting(() => RecordAsync(context, action, store, logger));
            }

            return next(context);
        });
    }

    private static async Task RecordAsync(HttpContext context, string action, ResultsStore store, ILogger logger)
    {
        string? account = context.User.Identity?.IsAuthenticated == true ? Caller.Of(context.User).Name
            : context.Items[AccountItem] as string;
        if (account is null && action != Results.Audit.AuditActions.Login)
        {
            return;
        }

        string target = AuditTargets.TargetOf(context, action);
        int status = context.Response.StatusCode;
        try
        {
            // Not the request's token: the event is written even when the client went away as the answer began.
            await store.RecordAuditAsync(account, action, target, status, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            AuditLog.WriteFailed(logger, e, account ?? "-", action, target, status);
            throw;
        }
    }
}
