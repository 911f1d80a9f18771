using System.Text.Json;
using System.Text.Json.Nodes;
using Cairn.Server.Auth;
using Cairn.Workspace.Cases;
using Microsoft.Extensions.Options;

namespace Cairn.Server.Security;

/// <summary>
/// The last guard of a pseudonymised share (docs/security.md): on every route under <c>/api/v1/cases/{reference}</c>, a
/// successful JSON answer to an agency the case is shared with pseudonymised passes through that case's mask
/// (<see cref="CasePrivacy"/>) before it is written, whatever service built it (traces, evidence, watches, alerts, holds).
/// The services mask what they hand out themselves too (the CLI has no filter); masking twice changes nothing.
/// </summary>
public sealed class PseudonymisedShareFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var result = await next(context).ConfigureAwait(false);
        var http = context.HttpContext;
        if (http.Request.RouteValues["reference"] is not string reference || result is not IValueHttpResult { Value: { } value }) return result;
        if (result is IStatusCodeHttpResult { StatusCode: { } status } && status != StatusCodes.Status200OK) return result;
        if (http.User.Identity?.IsAuthenticated != true) return result;
        using var mask = await http.RequestServices.GetRequiredService<CasePrivacy>().MaskAsync(CairnClaims.ActorOf(http.User), reference, http.RequestAborted).ConfigureAwait(false);
        if (mask is null) return result;
        var options = http.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        var tree = JsonSerializer.SerializeToNode(value, value.GetType(), options);
        return TypedResults.Json(mask.Apply(tree), options);
    }
}
