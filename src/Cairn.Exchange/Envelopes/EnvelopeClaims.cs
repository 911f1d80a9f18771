using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cairn.Exchange.Envelopes;

/// <summary>
/// The JWT claims the sender signs (RFC 7519 §4.1): issuer and audience are node ids, <c>jti</c>
/// the message id, <c>iat</c>/<c>exp</c> seconds since the epoch, plus the message type and the
/// payload bytes (base64url). The same values, except the payload, are repeated in the JWE header.
/// </summary>
internal sealed record EnvelopeClaims
{
    internal static readonly JsonSerializerOptions JsonOptions = new() { DefaultIgnoreCondition = JsonIgnoreCondition.Never };

    [JsonPropertyName("iss")]
    public required string Issuer { get; init; }

    [JsonPropertyName("aud")]
    public required string Audience { get; init; }

    [JsonPropertyName("jti")]
    public required string MessageId { get; init; }

    [JsonPropertyName("iat")]
    public required long IssuedAt { get; init; }

    [JsonPropertyName("exp")]
    public required long ExpiresAt { get; init; }

    [JsonPropertyName("cairn_type")]
    public required string Type { get; init; }

    [JsonPropertyName("cairn_payload")]
    public required string Payload { get; init; }

    /// <summary>Whether the signed claims say what the envelope header says.</summary>
    public bool Match(Envelope envelope) =>
        Issuer == envelope.Sender && Audience == envelope.Recipient && MessageId == envelope.MessageId
        && IssuedAt == envelope.CreatedAt.ToUnixTimeSeconds() && ExpiresAt == envelope.ExpiresAt.ToUnixTimeSeconds()
        && Type == EnvelopeTypes.Name(envelope.Type);
}
