using System.Security.Claims;
using Cairn.Cases.Agencies;
using Cairn.Server.Auth;

namespace Cairn.Server.Api;

/// <summary>Small helpers the endpoint groups share.</summary>
internal static class Http
{
    public static Actor Actor(this ClaimsPrincipal user) => CairnClaims.ActorOf(user);

    /// <summary>A required text field of a request body, or a one-line 400 naming it.</summary>
    public static string Required(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw new Core.CairnException($"field '{field}' is required") : value.Trim();
}
