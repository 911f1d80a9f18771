using System.Security.Claims;
using Cairn.Server.Auth;

namespace Cairn.Server.Api.Records;

/// <summary>Who is signed in: login, agency, roles, and whether the one-time password must still be changed.</summary>
public sealed record SignedInUser(string? Login, string? Agency, IReadOnlyList<string> Roles, bool MustChangePassword)
{
    public static SignedInUser Of(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new(user.Identity?.Name, user.FindFirstValue(CairnClaims.Agency), CairnClaims.RolesOf(user).Select(r => r.ToString()).ToList(),
            user.HasClaim(c => c.Type == CairnClaims.MustChangePassword));
    }
}
