using System.Security.Claims;
using Cairn.Cases.Agencies;
using Cairn.Cases.Custody;
using Cairn.Server.Auth;
using Cairn.Storage;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Cairn.Server.Api;

/// <summary>
/// /api/v1/auth: the antiforgery token, sign-in (cookie session; rate-limited), sign-out, who am I,
/// password change (required after a one-time password), and the user's own API tokens.
/// Sign-ins, failed sign-ins and sign-outs are custody-log entries.
/// </summary>
internal static class AuthEndpoints
{
    public const string LoginRateLimit = "login";

    public sealed record LoginBody(string? Login, string? Password);

    public sealed record PasswordBody(string? CurrentPassword, string? NewPassword);

    public sealed record TokenBody(string? Name, int? ValidDays);

    public static void Map(IEndpointRouteBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("auth");
        auth.MapGet("/antiforgery", (HttpContext http, IAntiforgery antiforgery) =>
        {
            var tokens = antiforgery.GetAndStoreTokens(http);
            return new { token = tokens.RequestToken, header = tokens.HeaderName };
        }).AllowAnonymous();
        auth.MapPost("/login", async (HttpContext http, AccountService accounts, CairnDatabase db, LoginBody body) =>
        {
            var login = body.Login?.Trim() ?? "";
            var account = await accounts.VerifyPasswordAsync(login, body.Password ?? "", http.RequestAborted);
            if (account is null)
            {
                // Who tried is unknown (the login may not exist): the entry names the attempted login under agency "unknown".
                if (login.Length is > 0 and <= Identifiers.MaxLength && !login.Any(char.IsControl))
                    await db.InTransactionAsync(new Actor(login, "unknown"), unit => unit.RecordAsync("auth.signin.failed", "account", login), http.RequestAborted);
                return Results.Problem(statusCode: 401, title: "Unauthorized", detail: "wrong login or password");
            }
            var principal = new ClaimsPrincipal(CairnClaims.Identity(account, CookieAuthenticationDefaults.AuthenticationScheme, "password"));
            await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
            await db.InTransactionAsync(account.Actor, unit => unit.RecordAsync("auth.signin", "account", account.Login), http.RequestAborted);
            return Results.Ok(Me(principal));
        }).AllowAnonymous().RequireRateLimiting(LoginRateLimit);
        auth.MapPost("/logout", async (HttpContext http, CairnDatabase db) =>
        {
            await db.InTransactionAsync(http.User.Actor(), unit => unit.RecordAsync("auth.signout", "account", http.User.Actor().User), http.RequestAborted);
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.NoContent();
        }).RequireAuthorization(Policies.SignedIn);
        auth.MapGet("/me", (HttpContext http) => Me(http.User)).RequireAuthorization(Policies.SignedIn);
        auth.MapPost("/password", async (HttpContext http, AccountService accounts, PasswordBody body) =>
        {
            await accounts.ChangePasswordAsync(http.User.Actor(), body.CurrentPassword ?? "", body.NewPassword ?? "", http.RequestAborted);
            var account = await accounts.FindAsync(http.User.Actor().User, http.RequestAborted) ?? throw new Core.NotFoundException("account vanished");
            if (http.User.FindFirstValue(CairnClaims.AuthMethod) == "password")
                await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(CairnClaims.Identity(account, CookieAuthenticationDefaults.AuthenticationScheme, "password")));
            return Results.NoContent();
        }).RequireAuthorization(Policies.SignedIn).RequireRateLimiting(LoginRateLimit);
        auth.MapGet("/tokens", async (HttpContext http, AccountService accounts, long? offset, int? limit) =>
            Page<ApiToken>.Of(await accounts.Store.ListTokensAsync(http.User.Actor().User, http.RequestAborted), offset, limit));
        auth.MapPost("/tokens", async (HttpContext http, AccountService accounts, TokenBody body) =>
        {
            var (token, secret) = await accounts.CreateTokenAsync(http.User.Actor(), Http.Required(body.Name, "name"), body.ValidDays ?? 90, http.RequestAborted);
            return Results.Created($"/api/v1/auth/tokens/{token.Id}", new { token.Id, token.Name, token.ExpiresAt, secret, note = "shown once: store it now" });
        });
        auth.MapDelete("/tokens/{id}", async (HttpContext http, AccountService accounts, string id) =>
        {
            await accounts.RevokeTokenAsync(http.User.Actor(), id, anyOwner: http.User.IsInRole(nameof(Role.Admin)), http.RequestAborted);
            return Results.NoContent();
        });
    }

    private static object Me(ClaimsPrincipal user) => new
    {
        login = user.Identity?.Name,
        agency = user.FindFirstValue(CairnClaims.Agency),
        roles = CairnClaims.RolesOf(user).Select(r => r.ToString()),
        must_change_password = user.HasClaim(c => c.Type == CairnClaims.MustChangePassword),
    };
}
