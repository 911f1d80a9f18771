using System.Security.Claims;
using Cairn.Cases.Agencies;
using Cairn.Server.Auth;

namespace Cairn.Server.Api;

/// <summary>Small helpers the endpoint groups share.</summary>
internal static class Http
{
    public static Actor Actor(this ClaimsPrincipal user) => CairnClaims.ActorOf(user);

    /// <summary>
    /// The errors every API operation can answer, declared once for the OpenAPI document: a
    /// validation problem (400) or another one-line problem (400), forbidden (403: the caller sees the case but its access does not allow the change), not found (404; also for case
    /// data the caller's agency may not see), a lost update (409). The exception handler
    /// (<see cref="ProblemMapping"/>) writes them from the application's errors.
    /// </summary>
    public static TBuilder WithProblems<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
}
