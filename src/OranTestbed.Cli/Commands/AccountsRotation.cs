using System.CommandLine;
using System.Globalization;
using OranTestbed.Results.Accounts;
using OranTestbed.Results.Audit;
using OranTestbed.Results.Store;
using OranTestbed.Server.Api;

namespace OranTestbed.Cli.Commands;

/// <summary>
/// <c>oran-testbed accounts rotate NAME [--grace 24h] [--expires 90d]</c> (prints the new token once; the old one works
/// until the grace ends) and <c>accounts audit [--account A] [--action X] [--limit N]</c> (the audit log, newest first),
/// on the store <c>serve</c> uses. Exit codes as <see cref="AccountsCommand"/>: 64 bad value, 66 no such account or store.
/// </summary>
internal static class AccountsRotation
{
    public static Command CreateRotate(ResultsStoreArguments store)
    {
        var name = new Argument<string>("NAME") { Description = "the account that gets a new token" };
        var grace = new Option<string?>("--grace") { Description = "how long the old token keeps working: 24h (default), 30m, 0s (stops now), at most 30d" };
        var expires = new Option<string?>("--expires") { Description = "the new token's lifetime: 90d, 24h, or never (default 365d)" };
        var rotate = new Command("rotate", "Issue an account a new token (shown this once); the old one works until the grace ends") { name, grace, expires };
        store.AddTo(rotate);
        rotate.SetAction((parse, cancel) => AccountsCommand.Existing(store, parse, "rotate") is { } options
            ? RotateAsync(options, parse.GetRequiredValue(name), parse.GetValue(grace), parse.GetValue(expires), Console.Out, Console.Error, cancel)
            : Task.FromResult(ExitCodes.NoInput));
        return rotate;
    }

    public static Command CreateAudit(ResultsStoreArguments store)
    {
        var account = new Option<string?>("--account") { Description = "only this account's events" };
        var action = new Option<string?>("--action") { Description = "only this action: " + string.Join(", ", AuditActions.All) };
        action.AcceptOnlyFromAmong([.. AuditActions.All]);
        var limit = new Option<int>("--limit") { Description = "most events shown (newest first)", DefaultValueFactory = _ => 50 };
        var audit = new Command("audit", "The audit log: who uploaded, read, exported, downloaded, signed in and changed accounts") { account, action, limit };
        store.AddTo(audit);
        audit.SetAction((parse, cancel) => AccountsCommand.Existing(store, parse, "audit") is { } options
            ? AuditAsync(options, new AuditQuery { Account = parse.GetValue(account), Action = parse.GetValue(action), Limit = parse.GetValue(limit) },
                Console.Out, Console.Error, cancel)
            : Task.FromResult(ExitCodes.NoInput));
        return audit;
    }

    internal static async Task<int> RotateAsync(ResultsStoreOptions options, string name, string? graceText, string? expires,
        TextWriter output, TextWriter diagnostics, CancellationToken cancellationToken)
    {
        TimeSpan grace;
        TokenLifetime lifetime;
        try
        {
            grace = AccountRules.Grace(graceText);
            lifetime = AccountRules.Lifetime(expires, byAdmin: true);
        }
        catch (ApiProblemException ex)
        {
            diagnostics.WriteLine($"oran-testbed accounts rotate: {ex.Message}");
            return ExitCodes.Usage;
        }

        return await AccountsCommand.WithStoreAsync(options, "rotate", diagnostics, mustExist: true, async store =>
        {
            if (await store.RotateTokenAsync(name, grace, lifetime, cancellationToken).ConfigureAwait(false) is not { } rotated)
            {
                diagnostics.WriteLine($"oran-testbed accounts rotate: no active account '{name}'");
                return ExitCodes.NoInput;
            }

            diagnostics.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"account '{name}' has a new token ({Expiry(rotated.Account.TokenExpiresAt)}); the old one works until "
                + $"{DateTimeOffset.UtcNow + grace:yyyy-MM-dd HH:mm:ss} UTC. The new token follows, shown this once (only its hash is stored):"));
            output.WriteLine(rotated.Token);
            return ExitCodes.Success;
        }).ConfigureAwait(false);
    }

    internal static Task<int> AuditAsync(ResultsStoreOptions options, AuditQuery query, TextWriter output, TextWriter diagnostics,
        CancellationToken cancellationToken)
    {
        if (query.Limit < 1)
        {
            diagnostics.WriteLine("oran-testbed accounts audit: --limit must be at least 1");
            return Task.FromResult(ExitCodes.Usage);
        }

        return AccountsCommand.WithStoreAsync(options, "audit", diagnostics, mustExist: true, async store =>
        {
            var events = await store.ListAuditAsync(query, cancellationToken).ConfigureAwait(false);
            output.WriteLine($"{"TIME (UTC)",-24} {"ACCOUNT",-24} {"ACTION",-18} {"STATUS",-6} TARGET");
            foreach (var e in events)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{e.At:yyyy-MM-dd HH:mm:ss.fff}  {e.Account ?? "-",-24} {e.Action,-18} {e.Outcome,-6} {e.Target}"));
            }

            return ExitCodes.Success;
        });
    }

    internal static string Expiry(DateTimeOffset? expiresAt) =>
        expiresAt is { } e ? string.Create(CultureInfo.InvariantCulture, $"expires {e:yyyy-MM-dd HH:mm:ss} UTC") : "never expires";
}
