using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;

using Cairn.Workspace.Administration;

namespace Cairn.Server.Auth;

/// <summary>
/// Checks the account behind a cookie session on every request (through the account cache, see
/// <see cref="AccountService"/>): a disabled account loses its sessions, and changed roles apply at
/// the next request rather than at next sign-in.
/// </summary>
public static class SessionCheck
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var login = context.Principal?.Identity?.Name;
        var accounts = context.HttpContext.RequestServices.GetRequiredService<AccountService>();
        var account = login is null ? null : await accounts.FindAsync(login, context.HttpContext.RequestAborted).ConfigureAwait(false);
        if (account is null || account.Disabled)
        {
            context.RejectPrincipal();
            return;
        }
        var current = CairnClaims.Identity(account, CookieAuthenticationDefaults.AuthenticationScheme, context.Principal!.FindFirstValue(CairnClaims.AuthMethod) ?? "password");
        var before = string.Join(",", context.Principal!.Claims.Select(c => c.Type + "=" + c.Value).Order());
        var after = string.Join(",", current.Claims.Select(c => c.Type + "=" + c.Value).Order());
        if (before != after)
        {
            context.ReplacePrincipal(new ClaimsPrincipal(current));
            context.ShouldRenew = true;
        }
    }
}
