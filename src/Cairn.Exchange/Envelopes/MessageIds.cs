namespace Cairn.Exchange.Envelopes;

/// <summary>
/// Message ids in the sender's namespace: <c>{sender node id}/{UUIDv7}</c>. The opener accepts an
/// id only under the node that signed it, so one partner can never take (or block, by sending it
/// first) an id another partner uses: message ids are unique per sender.
/// </summary>
public static class MessageIds
{
    public static string New(string sender, DateTimeOffset now) => $"{sender}/{Guid.CreateVersion7(now):D}";

    /// <summary>Whether <paramref name="messageId"/> lies in <paramref name="sender"/>'s namespace.</summary>
    public static bool BelongsTo(string messageId, string sender)
    {
        ArgumentNullException.ThrowIfNull(messageId);
        var slash = messageId.LastIndexOf('/');
        return slash > 0 && string.Equals(messageId[..slash], sender, StringComparison.Ordinal) && Guid.TryParseExact(messageId[(slash + 1)..], "D", out _);
    }
}
