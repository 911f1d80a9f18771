using Cairn.Cases.Agencies;
using Cairn.Server.Auth;

namespace Cairn.Server.Api;

/// <summary>/api/v1/admin/accounts: admins create accounts (with a one-time password to be changed at first sign-in), set roles, disable and enable.</summary>
internal static class AdminEndpoints
{
    public sealed record AccountBody(string? Login, string? Agency, string? DisplayName, IReadOnlyList<string>? Roles);

    public sealed record RolesBody(IReadOnlyList<string>? Roles);

    public static void Map(IEndpointRouteBuilder api)
    {
        var admin = api.MapGroup("/admin/accounts").WithTags("admin").RequireAuthorization(Policies.Admin);
        admin.MapGet("/", async (AccountService accounts, string? agency, long? offset, int? limit) =>
            Page<object>.Of((await accounts.Store.ListAsync(agency)).Select(View).ToList(), offset, limit));
        admin.MapPost("/", async (HttpContext http, AccountService accounts, AccountBody body) =>
        {
            var password = AccountService.NewSecret(15);
            var created = await accounts.CreateAsync(http.User.Actor(), Http.Required(body.Login, "login"), Http.Required(body.Agency, "agency"),
                body.DisplayName ?? "", ParseRoles(body.Roles), password, mustChange: true, http.RequestAborted);
            return Results.Created($"/api/v1/admin/accounts/{created.Login}", new { account = View(created), one_time_password = password });
        });
        admin.MapPut("/{login}/roles", async (HttpContext http, AccountService accounts, string login, RolesBody body) =>
        {
            await accounts.SetRolesAsync(http.User.Actor(), login, ParseRoles(body.Roles), http.RequestAborted);
            return Results.NoContent();
        });
        admin.MapPost("/{login}/disable", async (HttpContext http, AccountService accounts, string login) =>
        {
            if (login == http.User.Actor().User) throw new Core.CairnException("you cannot disable your own account");
            await accounts.SetDisabledAsync(http.User.Actor(), login, true, http.RequestAborted);
            return Results.NoContent();
        });
        admin.MapPost("/{login}/enable", async (HttpContext http, AccountService accounts, string login) =>
        {
            await accounts.SetDisabledAsync(http.User.Actor(), login, false, http.RequestAborted);
            return Results.NoContent();
        });
    }

    private static IReadOnlyList<Role> ParseRoles(IReadOnlyList<string>? roles)
    {
        if (roles is null || roles.Count == 0) throw new Core.CairnException("field 'roles' needs at least one of " + string.Join(", ", Enum.GetNames<Role>()));
        return roles.Select(r => Enum.TryParse<Role>(r.Replace("_", "", StringComparison.Ordinal), ignoreCase: true, out var role) ? role
            : throw new Core.CairnException($"unknown role '{r}': expected one of {string.Join(", ", Enum.GetNames<Role>())}")).Distinct().ToList();
    }

    private static object View(UserAccount a) => new
    {
        a.Login, a.Agency, a.DisplayName, Roles = a.Roles.Select(r => r.ToString()), a.MustChangePassword, a.Disabled, a.CreatedAt,
    };
}
