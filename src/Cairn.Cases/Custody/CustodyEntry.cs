using System.Globalization;
using System.Text.Json;

namespace Cairn.Cases.Custody;

/// <summary>
/// One entry of the append-only custody log. <see cref="CanonicalBytes"/> is what the Merkle
/// leaf hashes (RFC 9162 §2.1.1: leaf = SHA-256(0x00 ‖ entry)): a compact JSON object whose
/// members appear in a fixed order, so anyone can recompute the leaf from the fields alone.
/// The sequence number is inside the hashed bytes, so moving an entry changes its leaf.
/// </summary>
public sealed record CustodyEntry(
    long Sequence,
    DateTimeOffset RecordedAt,
    string User,
    string Agency,
    string Action,
    string ObjectType,
    string ObjectId,
    string ContentHash)
{
    /// <summary>The exact text form of <see cref="RecordedAt"/> (UTC, 100 ns precision) used in storage and in the hashed bytes.</summary>
    public string RecordedAtText => FormatTime(RecordedAt);

    public byte[] CanonicalBytes()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("seq", Sequence);
            writer.WriteString("time", RecordedAtText);
            writer.WriteString("user", User);
            writer.WriteString("agency", Agency);
            writer.WriteString("action", Action);
            writer.WriteString("object_type", ObjectType);
            writer.WriteString("object_id", ObjectId);
            writer.WriteString("content_hash", ContentHash);
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }

    public byte[] LeafHash() => MerkleTree.LeafHash(CanonicalBytes());

    /// <summary>Parses the canonical bytes back into an entry (used by the offline package verifier).</summary>
    public static CustodyEntry FromCanonicalJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        return new CustodyEntry(
            root.GetProperty("seq").GetInt64(),
            ParseTime(root.GetProperty("time").GetString()!),
            root.GetProperty("user").GetString()!,
            root.GetProperty("agency").GetString()!,
            root.GetProperty("action").GetString()!,
            root.GetProperty("object_type").GetString()!,
            root.GetProperty("object_id").GetString()!,
            root.GetProperty("content_hash").GetString()!);
    }

    public static string FormatTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseTime(string text) =>
        DateTimeOffset.ParseExact(text, "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
