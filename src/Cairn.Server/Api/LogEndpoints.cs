using Cairn.Server.Auth;
using Cairn.Storage;
using Cairn.Storage.Custody;

namespace Cairn.Server.Api;

/// <summary>/api/v1/log: the custody log's signed head (anyone signed in, to pin it), full verification and per-object history (auditors and admins).</summary>
internal static class LogEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var log = api.MapGroup("/log").WithTags("custody log");
        log.MapGet("/head", async (CairnDatabase db, HttpContext http) => await new SqlCustodyLog(db).GetHeadAsync(http.RequestAborted));
        log.MapGet("/verify", async (CairnDatabase db, HttpContext http) => await new SqlCustodyLog(db).VerifyAsync(http.RequestAborted))
            .RequireAuthorization(Policies.Auditor);
        log.MapGet("/entries", async (CairnDatabase db, HttpContext http, string objectType, string objectId, long? offset, int? limit) =>
            Page<Cairn.Cases.Custody.CustodyEntry>.Of(await new SqlCustodyLog(db).GetEntriesForAsync(objectType, objectId, http.RequestAborted), offset, limit))
            .RequireAuthorization(Policies.Auditor);
    }
}
