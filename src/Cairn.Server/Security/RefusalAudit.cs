using Cairn.Cases.Custody;
using Cairn.Server.Auth;
using Cairn.Workspace.Custody;

namespace Cairn.Server.Security;

/// <summary>
/// Every refused attempt is logged. A signed-in user refused (401/403, or 404 on case data their
/// agency cannot see) gets a custody-log entry <c>access.refused</c> naming what they tried; an
/// anonymous attempt goes to the server log only (it has no person to name, and must not let
/// strangers grow the custody log). Neither records request bodies or credentials.
/// </summary>
public sealed class RefusalAudit
{
    private static readonly string[] CaseDataPrefixes = ["/api/v1/cases", "/api/v1/requests", "/api/v1/log"];

    private readonly RequestDelegate _next;
    private readonly CustodyService _custody;
    private readonly ILogger<RefusalAudit> _logger;

    public RefusalAudit(RequestDelegate next, CustodyService custody, ILogger<RefusalAudit> logger)
    {
        _next = next;
        _custody = custody;
        _logger = logger;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        int status;
        try
        {
            await _next(context).ConfigureAwait(false);
            status = context.Response.StatusCode;
        }
        catch (Core.NotFoundException) when (IsCaseData(context))
        {
            // Stores say "not found" for cases the agency may not see; the problem mapper answers 404 further out.
            await RecordAsync(context, StatusCodes.Status404NotFound).ConfigureAwait(false);
            throw;
        }
        catch (Core.ForbiddenException)
        {
            // A change the agency's access to a visible case does not allow: answered 403 further out.
            await RecordAsync(context, StatusCodes.Status403Forbidden).ConfigureAwait(false);
            throw;
        }
        if (status is 401 or 403 || (status == 404 && IsCaseData(context))) await RecordAsync(context, status).ConfigureAwait(false);
    }

    private static bool IsCaseData(HttpContext context) => CaseDataPrefixes.Any(p => context.Request.Path.StartsWithSegments(p));

    private async Task RecordAsync(HttpContext context, int status)
    {
        if (!context.Request.Path.StartsWithSegments("/api")) return;
        var what = $"{context.Request.Method} {context.Request.Path.Value}";
        if (context.User.Identity?.IsAuthenticated == true)
        {
            var actor = CairnClaims.ActorOf(context.User);
            _logger.LogWarning("refused {Status} for {User}@{Agency}: {What}", status, actor.User, actor.Agency, what);
            await _custody.RecordAsync(actor, "access.refused", "http", what, CustodyRecord.HashOf(status.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                CancellationToken.None).ConfigureAwait(false);
        }
        else
        {
            _logger.LogWarning("refused {Status} for anonymous {Remote}: {What}", status, context.Connection.RemoteIpAddress, what);
        }
    }
}
