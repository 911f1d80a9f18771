using Cairn.Exchange.Envelopes;
using Cairn.Exchange.Receipts;
using Cairn.Workspace.Exchange;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Server.Exchange;

/// <summary>
/// The node-to-node protocol (/exchange/v1, issue 9). No user login here: an envelope is
/// authenticated by its signature from a registered partner, and everything else is rejected with
/// a problem response and logged.
/// </summary>
public static partial class ExchangeProtocolApi
{
    /// <summary>Largest envelope accepted (attachments included, base64 in JSON); below Kestrel's 30 MB default request limit.</summary>
    public const long MaxEnvelopeBytes = 25L * 1024 * 1024;

    public static IEndpointRouteBuilder MapExchangeProtocolApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/exchange/v1").AllowAnonymous().WithTags("Node-to-node exchange");
        group.MapPost("/envelopes", ReceiveAsync).WithName("ReceiveEnvelope").WithSummary("Deliver a sealed envelope; answers the signed delivery receipt")
            .Accepts<Envelope>(Envelope.MediaType, "application/json")
            .Produces<Receipt>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapGet("/node", GetNode).WithName("GetNode").WithSummary("This node's card: public keys and fingerprints")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    public static Results<Ok<NodeCardView>, ProblemHttpResult> GetNode(ExchangeService exchange) =>
        exchange.NodeCardOrNull() is { } card ? TypedResults.Ok(NodeCardView.Of(card)) : NotInitialised();

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> ReceiveAsync(HttpRequest request, ExchangeService exchange, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (exchange.NodeCardOrNull() is null) return NotInitialised();
        if (request.ContentLength > MaxEnvelopeBytes) return TooLarge();
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxEnvelopeBytes) return TooLarge();
            buffer.Write(chunk, 0, read);
        }
        var outcome = await exchange.ReceiveAsync(buffer.ToArray(), cancellationToken).ConfigureAwait(false);
        if (outcome.Receipt is { } receipt) return TypedResults.Content(receipt.ToJson(), "application/json");
        var reason = EnvelopeRejectedException.ReasonName(outcome.Rejection!.Value);
        LogRejection(loggers.CreateLogger("Cairn.Server.Exchange"), reason, outcome.Detail);
        var status = outcome.Rejection switch
        {
            RejectionReason.UnknownSender or RejectionReason.BadSignature => StatusCodes.Status403Forbidden,
            RejectionReason.Replay => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status400BadRequest,
        };
        return TypedResults.Problem(outcome.Detail, statusCode: status, title: "envelope rejected: " + reason,
            extensions: new Dictionary<string, object?> { ["reason"] = reason });
    }

    private static ProblemHttpResult NotInitialised() =>
        TypedResults.Problem("this installation has no exchange node yet: run 'cairn exchange node init'", statusCode: StatusCodes.Status503ServiceUnavailable, title: "exchange node not initialised");

    private static ProblemHttpResult TooLarge() =>
        TypedResults.Problem($"envelopes are limited to {MaxEnvelopeBytes} bytes", statusCode: StatusCodes.Status413PayloadTooLarge, title: "envelope too large",
            extensions: new Dictionary<string, object?> { ["reason"] = "too_large" });

    [LoggerMessage(Level = LogLevel.Warning, Message = "envelope rejected ({Reason}): {Detail}")]
    private static partial void LogRejection(ILogger logger, string reason, string detail);
}
