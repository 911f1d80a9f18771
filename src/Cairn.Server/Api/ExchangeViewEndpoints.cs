using Cairn.Server.Auth;
using Cairn.Storage;
using Cairn.Storage.Exchange;

namespace Cairn.Server.Api;

/// <summary>
/// /api/v1/exchange: what this node exchanged, for people (the node-to-node protocol itself is
/// /exchange/v1). Partners' cards are public keys and fingerprints; the outbox lists what users of
/// the caller's own agency sent, with "delivered at / accepted at" from the signed receipts; the
/// inbox (addressed to the node, not to an agency) is for admins and FIU analysts. Sending and
/// accepting stay with `cairn exchange`. Listing is logged (exchange.list).
/// </summary>
internal static class ExchangeViewEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var exchange = api.MapGroup("/exchange").WithTags("exchange");
        exchange.MapGet("/partners", async (CairnDatabase db, HttpContext http, long? offset, int? limit) =>
            Page<object>.Of((await new SqlPartnerStore(db).ListAsync(http.RequestAborted))
                .Select(c => (object)new { c.NodeId, c.Name, c.Agency, c.Country, c.Endpoint, c.SigningFingerprint, c.EncryptionFingerprint }).ToList(), offset, limit));
        exchange.MapGet("/outbox", async (CairnDatabase db, HttpContext http, long? offset, int? limit) =>
        {
            var actor = http.User.Actor();
            // sent_by is the custody-log form "user@agency"; the agency follows the last '@'.
            var mine = (await new SqlOutbox(db).ListAsync(http.RequestAborted))
                .Where(e => e.SentBy[(e.SentBy.LastIndexOf('@') + 1)..] == actor.Agency)
                .Select(e => (object)new { e.MessageId, e.RecipientNode, e.Type, e.Subject, e.CaseReference, e.State, e.Attempts, e.CreatedAt, e.DeliveredAt, e.AcceptedAt, e.LastError, e.SentBy })
                .ToList();
            await db.InTransactionAsync(actor, unit => unit.RecordAsync("exchange.list", "outbox", actor.Agency), http.RequestAborted);
            return Page<object>.Of(mine, offset, limit);
        });
        exchange.MapGet("/inbox", async (CairnDatabase db, Exchange.ExchangeNodeHolder node, HttpContext http, long? offset, int? limit) =>
        {
            // No node identity yet (`cairn exchange node init` not run): nothing can have arrived.
            var entries = node.Identity is { } identity ? await new SqlInbox(db, identity).ListAsync(http.RequestAborted) : [];
            await db.InTransactionAsync(http.User.Actor(), unit => unit.RecordAsync("exchange.list", "inbox", "*"), http.RequestAborted);
            return Page<object>.Of(entries.Select(e => (object)new { e.MessageId, e.SenderNode, e.Type, e.Subject, e.CaseReference, e.State, e.ReceivedAt, e.AcceptedAt, e.AcceptedBy }).ToList(), offset, limit);
        }).RequireAuthorization(Policies.ExchangeReader);
    }
}
