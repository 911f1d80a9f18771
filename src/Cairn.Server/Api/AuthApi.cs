using System.Security.Claims;
using Cairn.Cases.Agencies;
using Cairn.Core.Paging;
using Cairn.Server.Api.Records;
using Cairn.Server.Auth;
using Cairn.Workspace.Administration;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Cairn.Server.Api;

/// <summary>
/// /api/v1/auth: the antiforgery token, sign-in (cookie session; rate-limited), sign-out, who am I,
/// password change (required after a one-time password), and the user's own API tokens.
/// Sign-ins, failed sign-ins and sign-outs are custody-log entries.
/// </summary>
public static class AuthApi
{
    public const string LoginRateLimit = "login";

    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/v1/auth").WithTags("Authentication").WithProblems();
        auth.MapGet("/antiforgery", GetAntiforgeryToken).AllowAnonymous()
            .WithName("GetAntiforgeryToken").WithSummary("Issue the antiforgery token (and its cookie) that changes must carry in the X-CSRF-TOKEN header");
        auth.MapPost("/login", SignInAsync).AllowAnonymous().RequireRateLimiting(LoginRateLimit)
            .WithName("SignIn").WithSummary("Sign in with login and password; answers who is signed in and sets the session cookie");
        auth.MapPost("/logout", SignOutAsync).RequireAuthorization(Policies.SignedIn)
            .WithName("SignOut").WithSummary("Sign out: end the session");
        auth.MapGet("/me", GetMe).RequireAuthorization(Policies.SignedIn)
            .WithName("GetSignedInUser").WithSummary("Who is signed in: login, agency, roles");
        auth.MapPost("/password", ChangePasswordAsync).RequireAuthorization(Policies.SignedIn).RequireRateLimiting(LoginRateLimit)
            .WithName("ChangePassword").WithSummary("Change the signed-in user's password (required after a one-time password)");
        auth.MapGet("/tokens", ListTokensAsync)
            .WithName("ListApiTokens").WithSummary("The signed-in user's API tokens (never their secrets)");
        auth.MapPost("/tokens", CreateTokenAsync)
            .WithName("CreateApiToken").WithSummary("Create an API token; its secret is shown once");
        auth.MapDelete("/tokens/{id}", RevokeTokenAsync)
            .WithName("RevokeApiToken").WithSummary("Revoke one of the user's API tokens (admins: anyone's)");
        return app;
    }

    public static Ok<AntiforgeryToken> GetAntiforgeryToken(HttpContext http, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        return TypedResults.Ok(new AntiforgeryToken(tokens.RequestToken, tokens.HeaderName ?? "X-CSRF-TOKEN"));
    }

    public static async Task<Results<Ok<SignedInUser>, ProblemHttpResult>> SignInAsync(HttpContext http, AccountService accounts, LoginRequest body)
    {
        var account = await accounts.SignInAsync(body.Login, body.Password, http.RequestAborted);
        if (account is null) return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized", detail: "wrong login or password");
        var principal = new ClaimsPrincipal(CairnClaims.Identity(account, CookieAuthenticationDefaults.AuthenticationScheme, "password"));
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        return TypedResults.Ok(SignedInUser.Of(principal));
    }

    public static async Task<NoContent> SignOutAsync(HttpContext http, AccountService accounts)
    {
        await accounts.SignOutAsync(http.User.Actor(), http.RequestAborted);
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.NoContent();
    }

    public static Ok<SignedInUser> GetMe(HttpContext http) => TypedResults.Ok(SignedInUser.Of(http.User));

    public static async Task<NoContent> ChangePasswordAsync(HttpContext http, AccountService accounts, PasswordChange body)
    {
        var account = await accounts.ChangePasswordAsync(http.User.Actor(), body, http.RequestAborted);
        if (http.User.FindFirstValue(CairnClaims.AuthMethod) == "password")
            await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(CairnClaims.Identity(account, CookieAuthenticationDefaults.AuthenticationScheme, "password")));
        return TypedResults.NoContent();
    }

    public static async Task<Ok<Page<ApiToken>>> ListTokensAsync(HttpContext http, AccountService accounts, long? offset, int? limit) =>
        TypedResults.Ok(await accounts.ListTokensAsync(http.User.Actor(), PageRequest.Of(offset, limit), http.RequestAborted));

    public static async Task<Created<CreatedToken>> CreateTokenAsync(HttpContext http, AccountService accounts, TokenRequest body)
    {
        var created = await accounts.CreateTokenAsync(http.User.Actor(), body, http.RequestAborted);
        return TypedResults.Created($"/api/v1/auth/tokens/{created.Id}", created);
    }

    public static async Task<NoContent> RevokeTokenAsync(HttpContext http, AccountService accounts, string id)
    {
        await accounts.RevokeTokenAsync(http.User.Actor(), id, anyOwner: http.User.IsInRole(nameof(Role.Admin)), http.RequestAborted);
        return TypedResults.NoContent();
    }
}
