using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

using Cairn.Workspace.Administration;

namespace Cairn.Server.Auth;

/// <summary>Authenticates <c>Authorization: Bearer cairn_…</c> API tokens for scripts (no cookie, no antiforgery: nothing a browser sends on its own).</summary>
public sealed class ApiTokenHandler : AuthenticationHandler<AuthenticationSchemeOptions>
{
    public const string SchemeName = "ApiToken";

    private readonly AccountService _accounts;

    public ApiTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, AccountService accounts)
        : base(options, logger, encoder)
    {
        _accounts = accounts;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var account = await _accounts.ValidateTokenAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted).ConfigureAwait(false);
        if (account is null) return AuthenticateResult.Fail("invalid, expired or revoked API token");
        var principal = new ClaimsPrincipal(CairnClaims.Identity(account with { MustChangePassword = false }, SchemeName, "token"));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }
}
