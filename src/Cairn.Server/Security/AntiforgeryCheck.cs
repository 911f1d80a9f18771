using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;

namespace Cairn.Server.Security;

/// <summary>
/// Cookie sessions are open to cross-site request forgery, so every state-changing API call that
/// does not carry an API token must carry the antiforgery token (header <c>X-CSRF-TOKEN</c>, from
/// GET /api/v1/auth/antiforgery) matching its antiforgery cookie. Sign-in is included, against
/// login CSRF. Token-authenticated scripts are exempt: a browser never adds that header itself.
/// </summary>
public sealed class AntiforgeryCheck
{
    private readonly RequestDelegate _next;
    private readonly IAntiforgery _antiforgery;

    public AntiforgeryCheck(RequestDelegate next, IAntiforgery antiforgery)
    {
        _next = next;
        _antiforgery = antiforgery;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var method = context.Request.Method;
        var unsafeMethod = !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method));
        var bearer = context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
        if (unsafeMethod && !bearer && context.Request.Path.StartsWithSegments("/api"))
        {
            if (!await _antiforgery.IsRequestValidAsync(context).ConfigureAwait(false))
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                await context.Response.WriteAsJsonAsync(new ProblemDetails { Status = 400, Title = "Bad request", Detail = "missing or invalid antiforgery token (X-CSRF-TOKEN header)" }, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json").ConfigureAwait(false);
                return;
            }
        }
        await _next(context).ConfigureAwait(false);
    }
}
