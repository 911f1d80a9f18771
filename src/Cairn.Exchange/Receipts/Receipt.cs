using System.Text.Json;
using System.Text.Json.Serialization;
using Cairn.Cases.Custody;
using Cairn.Core;
using Cairn.Exchange.Envelopes;
using Cairn.Exchange.Nodes;

namespace Cairn.Exchange.Receipts;

/// <summary>
/// A signed statement by <see cref="Issuer"/> (the receiving node) that it received / accepted the
/// envelope <see cref="MessageId"/> from <see cref="Sender"/> whose digest was
/// <see cref="EnvelopeDigest"/>, at <see cref="IssuedAt"/>. The digest ties the receipt to the exact
/// bytes sent, so the sender can later prove what was delivered, not just that something was.
/// </summary>
public sealed record Receipt
{
    private const string DomainTag = "CAIRN-RECEIPT-1\n";

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        // Outside input: a missing or null required field is refused by the serializer (JsonException), not
        // left null for a NullReferenceException later (fuzz suite, issue 17).
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public required ReceiptKind Kind { get; init; }

    public required string MessageId { get; init; }

    /// <summary>Lowercase hex SHA-256 digest of the envelope (<see cref="Envelope.DigestHex"/>).</summary>
    public required string EnvelopeDigest { get; init; }

    public required string Sender { get; init; }

    public required string Issuer { get; init; }

    public required DateTimeOffset IssuedAt { get; init; }

    /// <summary>Who accepted, for acceptance receipts ("user@agency"); empty for delivery.</summary>
    public string AcceptedBy { get; init; } = "";

    /// <summary>Base64 DER ECDSA P-256 signature of the issuer over <see cref="SignedBytes"/>.</summary>
    public string Signature { get; init; } = "";

    public byte[] SignedBytes() => new CanonicalWriter(DomainTag)
        .Add(Kind == ReceiptKind.Delivery ? "delivery" : "acceptance")
        .Add(MessageId)
        .Add(EnvelopeDigest)
        .Add(Sender)
        .Add(Issuer)
        .Add(CustodyEntry.FormatTime(IssuedAt))
        .Add(AcceptedBy)
        .ToArray();

    public static Receipt Issue(NodeIdentity issuer, ReceiptKind kind, Envelope envelope, DateTimeOffset now, string acceptedBy = "")
    {
        ArgumentNullException.ThrowIfNull(issuer);
        ArgumentNullException.ThrowIfNull(envelope);
        var unsigned = new Receipt
        {
            Kind = kind,
            MessageId = envelope.MessageId,
            EnvelopeDigest = envelope.DigestHex,
            Sender = envelope.Sender,
            Issuer = issuer.NodeId,
            IssuedAt = now,
            AcceptedBy = acceptedBy,
        };
        return unsigned with { Signature = Convert.ToBase64String(issuer.Sign(unsigned.SignedBytes())) };
    }

    /// <summary>Throws <see cref="CairnException"/> unless this receipt is signed by <paramref name="issuer"/> and is about <paramref name="messageId"/> with <paramref name="envelopeDigest"/>.</summary>
    public void Verify(NodeCard issuer, string messageId, string envelopeDigest)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        if (Issuer != issuer.NodeId) throw new CairnException($"receipt for {MessageId} is issued by '{Issuer}', expected '{issuer.NodeId}'");
        if (MessageId != messageId || EnvelopeDigest != envelopeDigest)
            throw new CairnException($"receipt for {MessageId} ({EnvelopeDigest[..Math.Min(12, EnvelopeDigest.Length)]}…) does not match the envelope {messageId} that was sent");
        byte[] signature;
        try
        {
            signature = Convert.FromBase64String(Signature);
        }
        catch (FormatException ex)
        {
            throw new CairnException($"receipt for {MessageId} has an unreadable signature", ex);
        }
        if (!issuer.Verifies(SignedBytes(), signature))
            throw new CairnException($"receipt for {MessageId} is not signed by the registered key of '{issuer.NodeId}'");
    }

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    public static Receipt Parse(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<Receipt>(json, JsonOptions) ?? throw new CairnException("empty receipt");
        }
        catch (JsonException ex)
        {
            throw new CairnException("unreadable receipt: " + UserText.Quote(ex.Message, 200), ex);
        }
    }
}
