using Cairn.Core.Paging;
using Cairn.Server.Auth;
using Cairn.Workspace.Exchange;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Server.Api;

/// <summary>
/// /api/v1/exchange: what this node exchanged, for people (the node-to-node protocol itself is
/// /exchange/v1). Partners' cards are public keys and fingerprints; the outbox lists what users of
/// the caller's own agency sent, with "delivered at / accepted at" from the signed receipts; the
/// inbox (addressed to the node, not to an agency) is for admins and FIU analysts, who also send
/// deconfliction match filters and check those received (docs/deconfliction.md). Sending and
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
        exchange.MapPost("/filters", PublishFilterAsync).RequireAuthorization(Policies.ExchangeReader).WithName("PublishMatchFilter")
            .WithSummary("Send a partner node a deconfliction match filter of the agency's case addresses (keyed hashes in a Bloom filter; logged)");
        exchange.MapPost("/inbox/{id}/check", CheckFilterMessageAsync).RequireAuthorization(Policies.ExchangeReader).WithName("CheckMatchFilterMessage")
            .WithSummary("Check a received match filter, or a partner's answer to ours, against the agency's case addresses; hits become notices (logged)");
        return app;
    }

    public static async Task<Ok<Page<NodeCardView>>> ListPartnersAsync(ExchangeService exchange, long? offset, int? limit, CancellationToken cancellationToken) =>
        TypedResults.Ok(await exchange.PartnersAsync(PageRequest.Of(offset, limit), cancellationToken));

    public static async Task<Ok<Page<OutboxView>>> ListOutboxAsync(HttpContext http, ExchangeService exchange, long? offset, int? limit) =>
        TypedResults.Ok(await exchange.OutboxAsync(http.User.Actor(), PageRequest.Of(offset, limit), ownAgencyOnly: true, http.RequestAborted));

    public static async Task<Ok<FilterPublished>> PublishFilterAsync(HttpContext http, ExchangeService exchange, FilterPublishRequest request) =>
        TypedResults.Ok(await exchange.PublishFilterAsync(http.User.Actor(), request, http.RequestAborted));

    // A message id is "<sender node>/<id>": routing leaves an escaped slash (%2F) in a path segment escaped, so it is undone here.
    public static async Task<Ok<FilterChecked>> CheckFilterMessageAsync(HttpContext http, ExchangeService exchange, string id) =>
        TypedResults.Ok(await exchange.CheckFilterMessageAsync(http.User.Actor(), id.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase), http.RequestAborted));

    public static async Task<Ok<Page<InboxView>>> ListInboxAsync(HttpContext http, ExchangeService exchange, long? offset, int? limit) =>
        TypedResults.Ok(await exchange.InboxAsync(http.User.Actor(), PageRequest.Of(offset, limit), http.RequestAborted));
}
