using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Cairn.Core;
using Cairn.Exchange.Fiu;
using Cairn.Exchange.Receipts;

namespace Cairn.Exchange.Messages;

/// <summary>
/// The plaintext inside an envelope: what a person wrote, which case it concerns on the sender's
/// side, what it answers, the attached files, and for FIU disclosures the handling terms, for
/// receipt envelopes the acceptance receipt. Serialized as UTF-8 JSON before encryption.
/// </summary>
public sealed record ExchangeMessage
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        // Outside input: a missing or null required field is refused by the serializer (JsonException), not
        // left null for a NullReferenceException later (fuzz suite, issue 17).
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string Subject { get; init; } = "";

    public string Body { get; init; } = "";

    /// <summary>The sender's case reference, for the receiver to quote back.</summary>
    public string? CaseReference { get; init; }

    /// <summary>The message id this one answers.</summary>
    public string? InReplyTo { get; init; }

    public IReadOnlyList<MessageAttachment> Attachments { get; init; } = [];

    public DisclosureTerms? Disclosure { get; init; }

    public Receipt? Receipt { get; init; }

    public static MessageAttachment Attach(string fileName, byte[] content, string mediaType = "application/octet-stream") =>
        new(Path.GetFileName(fileName), mediaType, Convert.ToHexStringLower(SHA256.HashData(content)), content);

    public byte[] ToBytes() => JsonSerializer.SerializeToUtf8Bytes(this, JsonOptions);

    /// <summary>Reads a decrypted payload and checks each attachment against its stated SHA-256.</summary>
    public static ExchangeMessage Parse(byte[] payload)
    {
        ExchangeMessage? message;
        try
        {
            message = JsonSerializer.Deserialize<ExchangeMessage>(payload, JsonOptions);
        }
        catch (JsonException ex)
        {
            throw new CairnException("message payload is not readable: " + UserText.Quote(ex.Message, 200), ex);
        }
        if (message is null) throw new CairnException("message payload is empty");
        // System.Text.Json lets a null through inside a list of non-nullable records ("attachments": [null]; fuzz suite).
        if (message.Attachments.Any(a => a is null)) throw new CairnException("message payload has an empty attachment entry");
        foreach (var attachment in message.Attachments)
            if (Convert.ToHexStringLower(SHA256.HashData(attachment.Content)) != attachment.Sha256)
                throw new CairnException($"attachment '{UserText.Quote(attachment.FileName)}' does not match its SHA-256");
        return message;
    }
}
