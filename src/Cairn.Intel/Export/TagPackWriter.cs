using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Cairn.Intel.Tags;

namespace Cairn.Intel.Export;

/// <summary>
/// Writes tags as a GraphSense TagPack. Fields every tag shares are written once in the header
/// (GraphSense inherits header fields into tags), the rest per tag, so that reading the file back
/// with <see cref="Import.TagPackReader"/> yields the same tags. Strings are double-quoted with
/// JSON escapes (valid YAML), so addresses such as <c>0xFA8E…</c> never turn into numbers.
/// </summary>
public static class TagPackWriter
{
    private static readonly JsonSerializerOptions Quoting = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly (string Name, Func<Tag, string?> Value)[] Fields =
    [
        ("currency", t => Quote(t.Currency)),
        // Mandatory in GraphSense's schema: always written, even where it equals the currency.
        ("network", t => Quote(t.Network)),
        ("label", t => Quote(t.Label)),
        ("source", t => Quote(t.Source)),
        ("confidence", t => Quote(t.Confidence)),
        ("category", t => Quote(t.Category)),
        ("abuse", t => Quote(t.Abuse)),
        ("actor", t => Quote(t.Actor)),
        ("context", t => Quote(t.Context)),
        ("tag_type", t => Quote(t.TagType)),
        ("lastmod", t => t.LastModified is { } date ? Date(date) : null),
        ("is_cluster_definer", t => t.IsClusterDefiner ? "true" : null),
        ("concepts", t => t.Concepts.Count == 0 ? null : "[" + string.Join(", ", t.Concepts.Select(c => Quote(c))) + "]"),
    ];

    /// <summary>Writes <paramref name="tags"/> under a header with <paramref name="title"/> and <paramref name="creator"/>.</summary>
    public static void Write(TextWriter writer, string title, string creator, string? description, bool isPublic, IReadOnlyList<Tag> tags, string? owner = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(tags);
        writer.WriteLine("title: " + Quote(title));
        writer.WriteLine("creator: " + Quote(creator));
        if (description is not null) writer.WriteLine("description: " + Quote(description));
        if (owner is not null) writer.WriteLine("owner: " + Quote(owner));
        writer.WriteLine("is_public: " + (isPublic ? "true" : "false"));

        var shared = new HashSet<string>(StringComparer.Ordinal);
        if (tags.Count > 0)
        {
            foreach (var (name, value) in Fields)
            {
                var first = value(tags[0]);
                // A shared value goes to the header; a field some tags lack must stay per tag.
                if (first is not null && tags.All(t => value(t) == first))
                {
                    shared.Add(name);
                    writer.WriteLine($"{name}: {first}");
                }
            }
        }
        writer.WriteLine(tags.Count == 0 ? "tags: []" : "tags:");
        foreach (var tag in tags)
        {
            writer.WriteLine(tag.Subject == TagSubject.Address ? "- address: " + Quote(tag.Identifier) : "- tx_hash: " + Quote(tag.Identifier));
            foreach (var (name, value) in Fields)
            {
                if (shared.Contains(name)) continue;
                var text = value(tag);
                if (text is not null) writer.WriteLine($"  {name}: {text}");
            }
        }
    }

    /// <summary>Writes one imported pack back out.</summary>
    public static void Write(TextWriter writer, TagPack pack)
    {
        ArgumentNullException.ThrowIfNull(pack);
        Write(writer, pack.Title, pack.Creator, pack.Description, pack.IsPublic, pack.Tags, pack.Owner);
    }

    private static string? Quote(string? text) => text is null ? null : JsonSerializer.Serialize(text, Quoting);

    /// <summary>Dates stay dates (as GraphSense writes them); timestamps keep time and offset.</summary>
    private static string Date(DateTimeOffset value) =>
        value.Offset == TimeSpan.Zero && value.TimeOfDay == TimeSpan.Zero
            ? value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : value.ToString("yyyy-MM-ddTHH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);
}
