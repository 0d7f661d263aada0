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

/// <summary>Account management for admins: list, create (the token is in the answer, once), revoke.</summary>
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
    }

    private static async Task<IResult> CreateAsync(NewAccountDto body, [FromServices] ResultsStore store, [FromServices] TestPlan plan,
        HttpContext context)
    {
        var (role, vendor) = AccountRules.Validate(body.Name, body.Role, body.Vendor, () => plan);
        try
        {
            var (account, token) = await store.CreateAccountAsync(body.Name, role, vendor, context.RequestAborted).ConfigureAwait(false);
            return TypedResults.Created($"{ApiPaths.Root}/accounts/{Uri.EscapeDataString(account.Name)}", new CreatedAccountDto(AccountDto.Of(account), token));
        }
        catch (InvalidOperationException e)
        {
            throw new ApiProblemException(409, "conflict", "Account exists", e.Message);
        }
    }
}
