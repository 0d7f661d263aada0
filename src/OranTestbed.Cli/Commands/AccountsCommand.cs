using System.CommandLine;
using System.Globalization;
using OranTestbed.Plans;
using OranTestbed.Plans.Yaml;
using OranTestbed.Results.Accounts;
using OranTestbed.Results.Store;
using OranTestbed.Server.Api;

namespace OranTestbed.Cli.Commands;

/// <summary>
/// <c>oran-testbed accounts add NAME --role R [--vendor V]</c> (prints the token once: only its hash is stored),
/// <c>accounts list</c>, <c>accounts revoke NAME</c>, <c>accounts rotate NAME</c> and <c>accounts audit</c> (see
/// <see cref="AccountsRotation"/>), on the store that <c>serve</c> uses (same <c>--results</c>/<c>--postgres</c>).
/// Exit codes: 0 done, 64 bad name, role or vendor (vendors are checked against <c>--plans</c>), 66 no such account or
/// no store (list and revoke never create one; add does),
/// 69 the store cannot be opened.
/// </summary>
internal static class AccountsCommand
{
    public static Command Create()
    {
        var store = new ResultsStoreArguments();
        var name = new Argument<string>("NAME") { Description = "the account name (who uploads: shown in the upload journal)" };
        var role = new Option<string>("--role")
        {
            Description = "integrator (publishes runs), vendor (uploads and sees its own combinations), operator (reads all), admin",
            Required = true,
        };
        role.AcceptOnlyFromAmong([.. AccountRoles.Names]);
        var vendor = new Option<string?>("--vendor") { Description = "with --role vendor: the lab vendor id (testplans/lab/vendors/ID.yaml)" };
        var plans = new Option<string>("--plans")
        {
            Description = "the lab plan whose vendors --vendor must name",
            DefaultValueFactory = _ => "testplans",
        };
        var expires = new Option<string?>("--expires") { Description = "the token's lifetime: 90d, 24h, 30m, or never (default 365d)" };
        var add = new Command("add", "Create an account and print its API token (shown this once)") { name, role, vendor, plans, expires };
        store.AddTo(add);
        add.SetAction((parse, cancel) => AddAsync(store.Resolve(parse), parse.GetRequiredValue(name), parse.GetRequiredValue(role),
            parse.GetValue(vendor), parse.GetRequiredValue(plans), parse.GetValue(expires), Console.Out, Console.Error, cancel));

        var list = new Command("list", "List the accounts (never their tokens)");
        store.AddTo(list);
        list.SetAction((parse, cancel) => Existing(store, parse, "list") is { } options
            ? ListAsync(options, Console.Out, Console.Error, cancel)
            : Task.FromResult(ExitCodes.NoInput));

        var revokeName = new Argument<string>("NAME") { Description = "the account whose token stops working" };
        var revoke = new Command("revoke", "Revoke an account's token (the account stays listed as revoked)") { revokeName };
        store.AddTo(revoke);
        revoke.SetAction((parse, cancel) => Existing(store, parse, "revoke") is { } options
            ? RevokeAsync(options, parse.GetRequiredValue(revokeName), Console.Out, Console.Error, cancel)
            : Task.FromResult(ExitCodes.NoInput));

        return new Command("accounts", "Accounts of the results server (oran-testbed serve): API tokens with roles")
        {
            add, list, revoke, AccountsRotation.CreateRotate(store), AccountsRotation.CreateAudit(store),
        };
    }

    internal static async Task<int> AddAsync(ResultsStoreOptions options, string name, string roleName, string? vendor, string plans,
        string? expires, TextWriter output, TextWriter diagnostics, CancellationToken cancellationToken)
    {
        AccountRole role;
        TokenLifetime lifetime;
        try
        {
            (role, vendor) = AccountRules.Validate(name, roleName, vendor, () => TestPlanLoader.Load(plans));
            lifetime = AccountRules.Lifetime(expires, byAdmin: true);
        }
        catch (PlanValidationException ex)
        {
            diagnostics.WriteLine($"oran-testbed accounts add: the plan {plans} is invalid: {ex.Errors.FirstOrDefault()}");
            return ExitCodes.Usage;
        }
        catch (ApiProblemException ex)
        {
            diagnostics.WriteLine($"oran-testbed accounts add: {ex.Message}");
            return ExitCodes.Usage;
        }

        return await WithStoreAsync(options, "add", diagnostics, mustExist: false, async store =>
        {
            try
            {
                var (account, token) = await store.CreateAccountAsync(name, role, vendor, lifetime, cancellationToken).ConfigureAwait(false);
                diagnostics.WriteLine($"account '{account.Name}' ({account.Role.ToName()}{(vendor is null ? "" : " of " + vendor)}) created; "
                    + $"its token ({AccountsRotation.Expiry(account.TokenExpiresAt)}) follows, shown this once (only its hash is stored):");
                output.WriteLine(token);
                return ExitCodes.Success;
            }
            catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
            {
                diagnostics.WriteLine($"oran-testbed accounts add: {ex.Message}");
                return ExitCodes.Usage;
            }
        }).ConfigureAwait(false);
    }

    internal static Task<int> ListAsync(ResultsStoreOptions options, TextWriter output, TextWriter diagnostics, CancellationToken cancellationToken) =>
        WithStoreAsync(options, "list", diagnostics, mustExist: true, async store =>
        {
            var accounts = await store.ListAccountsAsync(cancellationToken).ConfigureAwait(false);
            output.WriteLine($"{"NAME",-24} {"ROLE",-11} {"VENDOR",-12} {"CREATED",-20} {"TOKEN EXPIRES",-20} STATE");
            foreach (var a in accounts)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{a.Name,-24} {a.Role.ToName(),-11} {a.VendorId ?? "-",-12} {a.CreatedAt:yyyy-MM-dd HH:mm:ss}  {(a.TokenExpiresAt is { } e ? e.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : "never"),-20} {(a.IsActive ? "active" : $"revoked {a.RevokedAt:yyyy-MM-dd HH:mm:ss}")}"));
            }

            return ExitCodes.Success;
        });

    internal static Task<int> RevokeAsync(ResultsStoreOptions options, string name, TextWriter output, TextWriter diagnostics,
        CancellationToken cancellationToken) =>
        WithStoreAsync(options, "revoke", diagnostics, mustExist: true, async store =>
        {
            if (!await store.RevokeAccountAsync(name, cancellationToken).ConfigureAwait(false))
            {
                diagnostics.WriteLine($"oran-testbed accounts revoke: no active account '{name}'");
                return ExitCodes.NoInput;
            }

            output.WriteLine($"account '{name}' revoked: its token no longer works");
            return ExitCodes.Success;
        });

    /// <summary>The store of list and revoke, which never create one: null (said on standard error) when there is none.</summary>
    internal static ResultsStoreOptions? Existing(ResultsStoreArguments store, ParseResult parse, string verb)
    {
        var options = store.Resolve(parse, mustExist: true, out string? error);
        if (options is null)
        {
            Console.Error.WriteLine($"oran-testbed accounts {verb}: {error}");
        }

        return options;
    }

    /// <summary>Runs <paramref name="action"/> on the store; <paramref name="mustExist"/> (list, revoke): never creates one
    /// (exit 66 when there is none).</summary>
    internal static async Task<int> WithStoreAsync(ResultsStoreOptions options, string verb, TextWriter diagnostics, bool mustExist,
        Func<ResultsStore, Task<int>> action)
    {
        ResultsStore? store;
        try
        {
            store = mustExist
                ? await ResultsStore.OpenExistingAsync(options).ConfigureAwait(false)
                : await ResultsStore.OpenAsync(options).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or System.Data.Common.DbException or ArgumentException)
        {
            diagnostics.WriteLine($"oran-testbed accounts {verb}: cannot open the results store: {ex.Message}");
            return ExitCodes.Unavailable;
        }

        if (store is null)
        {
            diagnostics.WriteLine($"oran-testbed accounts {verb}: {ResultsStoreArguments.NoStore(options.Describe())}");
            return ExitCodes.NoInput;
        }

        return await action(store).ConfigureAwait(false);
    }
}
