using System.Security.Claims;
using Cairn.Cases.Agencies;
using Cairn.Core;

namespace Cairn.Server.Auth;

/// <summary>The claims a signed-in user carries (cookie or API token) and how endpoints read them.</summary>
public static class CairnClaims
{
    public const string Agency = "cairn:agency";
    public const string MustChangePassword = "cairn:must_change_password";
    public const string AuthMethod = "cairn:auth";

    public static ClaimsIdentity Identity(UserAccount account, string scheme, string method)
    {
        ArgumentNullException.ThrowIfNull(account);
        var identity = new ClaimsIdentity(scheme, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.Name, account.Login));
        // Antiforgery binds its token to this claim when present, else to a hash of all claims; with
        // several nodes a node whose account cache is still stale (up to AccountService.CacheLifetime)
        // renews the cookie with other claims, which would void a token already in the page.
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, account.Login));
        identity.AddClaim(new Claim(Agency, account.Agency));
        identity.AddClaim(new Claim(AuthMethod, method));
        if (account.MustChangePassword) identity.AddClaim(new Claim(MustChangePassword, "true"));
        foreach (var role in account.Roles) identity.AddClaim(new Claim(ClaimTypes.Role, role.ToString()));
        return identity;
    }

    /// <summary>The custody-log actor of a signed-in user.</summary>
    public static Actor ActorOf(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var login = user.Identity?.Name;
        var agency = user.FindFirstValue(Agency);
        if (string.IsNullOrEmpty(login) || string.IsNullOrEmpty(agency)) throw new CairnException("not signed in");
        return new Actor(login, agency);
    }

    public static IReadOnlyList<Role> RolesOf(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.FindAll(ClaimTypes.Role).Select(c => Enum.TryParse<Role>(c.Value, out var r) ? r : (Role?)null).OfType<Role>().ToList();
    }
}
