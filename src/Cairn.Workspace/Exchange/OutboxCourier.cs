using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Cairn.Cases.Agencies;
using Cairn.Core;
using Cairn.Exchange.Delivery;
using Cairn.Exchange.Envelopes;
using Cairn.Exchange.Nodes;
using Cairn.Exchange.Receipts;
using Cairn.Storage;
using Cairn.Exchange.Store;
using Cairn.Storage.Exchange;

namespace Cairn.Workspace.Exchange;

/// <summary>
/// Delivers due outbox messages: POSTs each sealed envelope to the partner's
/// <c>/exchange/v1/envelopes</c>, verifies the signed delivery receipt that comes back and records
/// it; on failure schedules the next attempt by <see cref="RetryPolicy"/>. A partner's definitive
/// refusal (tampered, bad signature, misaddressed, malformed, replay) ends the retries; anything
/// else (unreachable, 5xx, unknown sender: the partner may not have registered us yet) is retried
/// until the envelope expires. The HttpClient is injected (IHttpClientFactory in the server).
/// </summary>
public sealed class OutboxCourier
{
    public const string EnvelopesPath = "/exchange/v1/envelopes";

    /// <summary>How long a claimed message is left to its courier before another may send it (the claimant died).</summary>
    public static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(3);
    private static readonly HashSet<string> FinalRejections = ["malformed", "tampered", "bad_signature", "misaddressed", "replay", "undecryptable", "expired"];

    private readonly IOutboxStore _outbox;
    private readonly IPartnerStore _partners;
    private readonly NodeIdentity _identity;
    private readonly HttpClient _http;
    private readonly RetryPolicy _policy;
    private readonly TimeProvider _time;

    public OutboxCourier(IOutboxStore outbox, IPartnerStore partners, NodeIdentity identity, HttpClient http, RetryPolicy policy, TimeProvider time)
    {
        _outbox = outbox;
        _partners = partners;
        _identity = identity;
        _http = http;
        _policy = policy;
        _time = time;
    }

    /// <summary>The courier of the node <paramref name="identity"/> over an installation's database.</summary>
    public OutboxCourier(CairnDatabase database, NodeIdentity identity, HttpClient http, RetryPolicy policy)
        : this(new SqlOutbox(database), new SqlPartnerStore(database), identity, http, policy, database.Time)
    {
    }

    private Actor NodeActor => new("node:" + _identity.NodeId, _identity.Card.Agency);

    public async Task<CourierPass> DeliverDueAsync(int limit = 50, CancellationToken cancellationToken = default)
    {
        var outbox = _outbox;
        var partners = _partners;
        int delivered = 0, failed = 0, expired = 0, rejected = 0;
        // One message claimed at a time: a claim lasts ClaimLease, longer than one POST may take (the
        // exchange HttpClient times out after 60 s), so a message is never sent by two couriers at once.
        for (var attempt = 0; attempt < limit; attempt++)
        {
            var claimed = await outbox.ClaimDueAsync(_time.GetUtcNow(), ClaimLease, 1, cancellationToken).ConfigureAwait(false);
            if (claimed.Count == 0) break;
            var entry = claimed[0];
            var now = _time.GetUtcNow();
            if (now > entry.ExpiresAt)
            {
                await outbox.RecordFailureAsync(NodeActor, entry, $"expired at {entry.ExpiresAt:O} after {entry.Attempts} attempts", now, "expired", cancellationToken).ConfigureAwait(false);
                expired++;
                continue;
            }
            var partner = await partners.FindAsync(entry.RecipientNode, cancellationToken).ConfigureAwait(false)
                ?? throw new CairnException($"outbox message {entry.MessageId} is for unknown partner '{entry.RecipientNode}'");
            var (receipt, error, final) = await PostAsync(partner, entry, cancellationToken).ConfigureAwait(false);
            if (receipt is not null)
            {
                await outbox.RecordDeliveredAsync(NodeActor, entry, receipt, cancellationToken).ConfigureAwait(false);
                delivered++;
            }
            else if (final)
            {
                await outbox.RecordFailureAsync(NodeActor, entry, error, now, "rejected", cancellationToken).ConfigureAwait(false);
                rejected++;
            }
            else
            {
                await outbox.RecordFailureAsync(NodeActor, entry, error, _policy.NextAttempt(_time.GetUtcNow(), (int)entry.Attempts + 1), null, cancellationToken).ConfigureAwait(false);
                failed++;
            }
        }
        return new CourierPass(delivered, failed, expired, rejected);
    }

    private async Task<(Receipt? Receipt, string Error, bool Final)> PostAsync(NodeCard partner, OutboxEntry entry, CancellationToken cancellationToken)
    {
        var url = partner.Endpoint.TrimEnd('/') + EnvelopesPath;
        try
        {
            using var content = new StringContent(entry.Envelope, Encoding.UTF8);
            content.Headers.ContentType = new MediaTypeHeaderValue(Envelope.MediaType);
            using var response = await _http.PostAsync(new Uri(url), content, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                var receipt = Receipt.Parse(body);
                if (receipt.Kind != ReceiptKind.Delivery) return (null, $"{url} answered with a {receipt.Kind} receipt", false);
                receipt.Verify(partner, entry.MessageId, entry.EnvelopeDigest);
                return (receipt, "", false);
            }
            var reason = ProblemReason(body);
            return (null, $"{url} answered HTTP {(int)response.StatusCode}{(reason is null ? "" : " (" + reason + ")")}", reason is not null && FinalRejections.Contains(reason));
        }
        catch (HttpRequestException ex)
        {
            return (null, $"{url} unreachable: {ex.Message}", false);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, $"{url} timed out: {ex.Message}", false);
        }
        catch (CairnException ex)
        {
            // An unverifiable receipt: try again; the partner answers duplicates with the stored receipt.
            return (null, $"{url}: {ex.Message}", false);
        }
    }

    private static string? ProblemReason(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.TryGetProperty("reason", out var reason) ? reason.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
