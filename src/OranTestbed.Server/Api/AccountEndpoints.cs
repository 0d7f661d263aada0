using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using OranTestbed.Plans;
using OranTestbed.Results.Accounts;
using OranTestbed.Results.Store;
using OranTestbed.Server.Api.Contracts;
using OranTestbed.Server.Auth;

namespace OranTestbed.Server.Api;

/// <summary>Account management for admins: list, create (the token is in the answer, once), revoke, rotate (also an
/// account's own token).</summary>
internal static class AccountEndpoints
{
    public static void MapAccountEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/accounts", async ([FromServices] ResultsStore store, HttpContext context) =>
                (await store.ListAccountsAsync(context.RequestAborted).ConfigureAwait(false)).Select(AccountDto.Of).ToList())
            .RequireAuthorization(AccessPolicies.Admin)
            .WithTags("accounts")
            .WithSummary("The accounts (never their tokens)")
            .Produces<List<AccountDto>>();
        api.MapPost("/accounts", CreateAsync)
            .RequireAuthorization(AccessPolicies.Admin)
            .WithTags("accounts")
            .WithSummary("Create an account; the answer holds its token, shown this once and stored only as a hash")
            .Produces<CreatedAccountDto>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapDelete("/accounts/{name}", async (string name, [FromServices] ResultsStore store, HttpContext context) =>
                await store.RevokeAccountAsync(name, context.RequestAborted).ConfigureAwait(false)
                    ? TypedResults.NoContent()
                    : throw ApiProblems.NotFound($"no active account '{name}'"))
            .RequireAuthorization(AccessPolicies.Admin)
            .WithTags("accounts")
            .WithSummary("Revoke an account's token")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/accounts/{name}/rotate", RotateAsync)
            .RequireAuthorization(AccessPolicies.Read)
            .WithTags("accounts")
            .WithSummary("Issue an account a new token (an admin: any account; any other account: its own); the old one works until the grace ends")
            .WithDescription("Body (optional): {\"grace\": \"24h\", \"expires\": \"90d\"}: how long the old token keeps working (default 24h, "
                + "0s: stops now, at most 30d) and the new token's lifetime (default 365d; 'never' and more than 365d: admins only). "
                + "The answer holds the new token, shown this once and stored only as a hash.")
            .Produces<RotatedTokenDto>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<RotatedTokenDto> RotateAsync(string name, RotateTokenDto? body, [FromServices] ResultsStore store,
        HttpContext context)
    {
        var caller = Caller.Of(context.User);
        bool admin = caller.Role == AccessPolicies.AdminRole;
        if (!admin && caller.Name != name)
        {
            throw ApiProblems.Forbidden($"the account '{caller.Name}' may rotate only its own token");
        }

        var grace = AccountRules.Grace(body?.Grace);
        var lifetime = AccountRules.Lifetime(body?.Expires, admin);
        var rotated = await store.RotateTokenAsync(name, grace, lifetime, context.RequestAborted).ConfigureAwait(false)
            ?? throw ApiProblems.NotFound($"no active account '{name}'");
        return new RotatedTokenDto(AccountDto.Of(rotated.Account), rotated.Token, store.Options.Clock.GetUtcNow() + grace);
    }

    private static async Task<IResult> CreateAsync(NewAccountDto body, [FromServices] ResultsStore store, [FromServices] TestPlan plan,
        HttpContext context)
    {
        var (role, vendor) = AccountRules.Validate(body.Name, body.Role, body.Vendor, () => plan);
        var lifetime = AccountRules.Lifetime(body.Expires, byAdmin: true);
        try
        {
            var (account, token) = await store.CreateAccountAsync(body.Name, role, vendor, lifetime, context.RequestAborted).ConfigureAwait(false);
            return TypedResults.Created($"{ApiPaths.Root}/accounts/{Uri.EscapeDataString(account.Name)}", new CreatedAccountDto(AccountDto.Of(account), token));
        }
        catch (InvalidOperationException e)
        {
            throw new ApiProblemException(409, "conflict", "Account exists", e.Message);
        }
    }
}
