using Cairn.Exchange.Envelopes;
using Cairn.Storage;
using Cairn.Storage.Exchange;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Server.Exchange;

/// <summary>
/// Node-to-node exchange endpoints and services (issue 9); wired by <see cref="Hosting.CairnServer"/>.
/// The envelope endpoint needs no user login: an envelope is authenticated by its signature from a
/// registered partner, and everything else is rejected with a problem response and logged.
/// </summary>
public static partial class ExchangeServerExtensions
{
    public const string HttpClientName = "cairn-exchange";

    /// <summary>Largest envelope accepted (attachments included, base64 in JSON); below Kestrel's 30 MB default request limit.</summary>
    public const long MaxEnvelopeBytes = 25L * 1024 * 1024;

    public static IServiceCollection AddCairnExchange(this IServiceCollection services)
    {
        services.AddSingleton<ExchangeNodeHolder>();
        services.AddHttpClient(HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(60));
        services.AddHostedService<OutboxDeliveryService>();
        return services;
    }

    public static IEndpointRouteBuilder MapCairnExchange(this IEndpointRouteBuilder endpoints)
    {
        // No user login here: envelopes authenticate by the registered partner's signature (see ReceiveAsync).
        var group = endpoints.MapGroup("/exchange/v1").AllowAnonymous();
        group.MapPost("/envelopes", ReceiveAsync).WithName("ReceiveEnvelope").WithSummary("Deliver a sealed envelope; answers the signed delivery receipt");
        group.MapGet("/node", GetNode).WithName("GetNode").WithSummary("This node's card: public keys and fingerprints");
        return endpoints;
    }

    private static Results<ContentHttpResult, ProblemHttpResult> GetNode(ExchangeNodeHolder node)
    {
        if (node.Identity is not { } identity) return NotInitialised();
        var card = identity.Card;
        var json = System.Text.Json.JsonSerializer.Serialize(new
        {
            node_id = card.NodeId, name = card.Name, agency = card.Agency, country = card.Country, endpoint = card.Endpoint,
            signing_key = card.SigningKey, encryption_key = card.EncryptionKey,
            signing_fingerprint = card.SigningFingerprint, encryption_fingerprint = card.EncryptionFingerprint,
        });
        return TypedResults.Content(json, "application/json");
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> ReceiveAsync(HttpRequest request, CairnDatabase database, ExchangeNodeHolder node, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (node.Identity is not { } identity) return NotInitialised();
        if (request.ContentLength > MaxEnvelopeBytes) return TooLarge();
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxEnvelopeBytes) return TooLarge();
            buffer.Write(chunk, 0, read);
        }
        var outcome = await new EnvelopeReceiver(database, identity).ReceiveAsync(buffer.ToArray(), cancellationToken).ConfigureAwait(false);
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
