using Cairn.Core.Paging;
using Cairn.Server.Auth;
using Cairn.Workspace.Exchange;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Server.Api;

/// <summary>
/// /api/v1/exchange: what this node exchanged, for people (the node-to-node protocol itself is
/// /exchange/v1). Partners' cards are public keys and fingerprints; the outbox lists what users of
/// the caller's own agency sent, with "delivered at / accepted at" from the signed receipts; the
/// inbox (addressed to the node, not to an agency) is for admins and FIU analysts. Sending and
/// accepting stay with `cairn exchange`. Listing is logged (exchange.list).
/// </summary>
public static class ExchangeViewApi
{
    public static IEndpointRouteBuilder MapExchangeViewApi(this IEndpointRouteBuilder app)
    {
        var exchange = app.MapGroup("/api/v1/exchange").WithTags("Exchange").WithProblems();
        exchange.MapGet("/partners", ListPartnersAsync).WithName("ListPartners").WithSummary("Registered partner nodes with their fingerprints");
        exchange.MapGet("/outbox", ListOutboxAsync).WithName("ListOutbox").WithSummary("Messages users of the caller's agency sent, with delivery and acceptance times (logged)");
        exchange.MapGet("/inbox", ListInboxAsync).RequireAuthorization(Policies.ExchangeReader).WithName("ListInbox").WithSummary("Messages this node received, still sealed (logged)");
        return app;
    }

    public static async Task<Ok<Page<NodeCardView>>> ListPartnersAsync(ExchangeService exchange, long? offset, int? limit, CancellationToken cancellationToken) =>
        TypedResults.Ok(await exchange.PartnersAsync(PageRequest.Of(offset, limit), cancellationToken));

    public static async Task<Ok<Page<OutboxView>>> ListOutboxAsync(HttpContext http, ExchangeService exchange, long? offset, int? limit) =>
        TypedResults.Ok(await exchange.OutboxAsync(http.User.Actor(), PageRequest.Of(offset, limit), ownAgencyOnly: true, http.RequestAborted));

    public static async Task<Ok<Page<InboxView>>> ListInboxAsync(HttpContext http, ExchangeService exchange, long? offset, int? limit) =>
        TypedResults.Ok(await exchange.InboxAsync(http.User.Actor(), PageRequest.Of(offset, limit), http.RequestAborted));
}
