using Cairn.Core.Paging;
using Cairn.Server.Auth;
using Cairn.Workspace.Administration;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Server.Api;

/// <summary>/api/v1/admin/accounts: admins create accounts (with a one-time password to be changed at first sign-in), set roles, disable and enable.</summary>
public static class AdminApi
{
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/v1/admin/accounts").WithTags("Administration").RequireAuthorization(Policies.Admin).WithProblems();
        admin.MapGet("/", ListAccountsAsync).WithName("ListAccounts").WithSummary("Accounts, of one agency or all");
        admin.MapPost("/", CreateAccountAsync).WithName("CreateAccount").WithSummary("Create an account with a one-time password (shown once)");
        admin.MapPut("/{login}/roles", SetRolesAsync).WithName("SetAccountRoles").WithSummary("Replace an account's roles");
        admin.MapPost("/{login}/disable", DisableAsync).WithName("DisableAccount").WithSummary("Disable an account (its sessions and tokens stop working)");
        admin.MapPost("/{login}/enable", EnableAsync).WithName("EnableAccount").WithSummary("Enable a disabled account");
        admin.MapGet("/{login}/tokens", ListTokensAsync).WithName("ListAccountTokens").WithSummary("An account's API tokens (never their secrets); revoke with DELETE /api/v1/auth/tokens/{id}");
        return app;
    }

    public static async Task<Ok<Page<AccountView>>> ListAccountsAsync(AccountService accounts, string? agency, long? offset, int? limit, CancellationToken cancellationToken) =>
        TypedResults.Ok(await accounts.ListAsync(agency, PageRequest.Of(offset, limit), cancellationToken));

    public static async Task<Created<CreatedAccount>> CreateAccountAsync(HttpContext http, AccountService accounts, NewAccountRequest body)
    {
        var created = await accounts.CreateAsync(http.User.Actor(), body, http.RequestAborted);
        // Escaped like every other Location: a login outside ASCII made Kestrel refuse the header after the account was
        // created, a 500 (found by the API fuzz pass, issue 17).
        return TypedResults.Created($"/api/v1/admin/accounts/{Uri.EscapeDataString(created.Account.Login)}", created);
    }

    public static async Task<Ok<Page<Cairn.Cases.Agencies.ApiToken>>> ListTokensAsync(AccountService accounts, string login, long? offset, int? limit, CancellationToken cancellationToken) =>
        TypedResults.Ok(await accounts.ListTokensOfAsync(login, PageRequest.Of(offset, limit), cancellationToken));

    public static async Task<NoContent> SetRolesAsync(HttpContext http, AccountService accounts, string login, RolesRequest body)
    {
        await accounts.SetRolesAsync(http.User.Actor(), login, body, http.RequestAborted);
        return TypedResults.NoContent();
    }

    public static async Task<NoContent> DisableAsync(HttpContext http, AccountService accounts, string login)
    {
        await accounts.SetDisabledAsync(http.User.Actor(), login, true, http.RequestAborted);
        return TypedResults.NoContent();
    }

    public static async Task<NoContent> EnableAsync(HttpContext http, AccountService accounts, string login)
    {
        await accounts.SetDisabledAsync(http.User.Actor(), login, false, http.RequestAborted);
        return TypedResults.NoContent();
    }
}
