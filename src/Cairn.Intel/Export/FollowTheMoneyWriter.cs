using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Cairn.Intel.Actors;
using Cairn.Intel.Addresses;
using Cairn.Intel.Tags;

namespace Cairn.Intel.Export;

/// <summary>
/// Writes tags as FollowTheMoney entities, one JSON object per line (the FtM entity stream
/// format: <c>{"id", "schema", "properties": {name: [values]}}</c>). Each tagged address becomes a
/// <c>CryptoWallet</c> (properties <c>publicKey</c>, <c>currencySymbol</c>, <c>holder</c>, plus Thing's
/// <c>name</c>, <c>summary</c>, <c>sourceUrl</c>, <c>topics</c>), each actor a <c>Company</c> (when it is an
/// organisation or has a legal name) or <c>LegalEntity</c> with <c>name</c>, <c>alias</c>,
/// <c>jurisdiction</c> (lower-case ISO codes, FtM's country type) and <c>website</c>.
/// Ids are derived from content, so exporting twice gives the same ids.
/// </summary>
public static class FollowTheMoneyWriter
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly HashSet<string> OrganisationCategories = new(StringComparer.Ordinal)
    {
        "organization", "exchange", "service", "mining_service", "payment_processor", "wallet_service", "market", "gambling", "mixing_service",
    };

    public static void Write(TextWriter writer, IEnumerable<Tag> tags, IReadOnlyDictionary<string, Actor> actors, AddressNormalizer? normalizer = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(tags);
        ArgumentNullException.ThrowIfNull(actors);
        normalizer ??= AddressNormalizer.Default;
        var writtenActors = new HashSet<string>(StringComparer.Ordinal);
        var wallets = new Dictionary<string, Dictionary<string, SortedSet<string>>>(StringComparer.Ordinal);
        foreach (var tag in tags.Where(t => t.Subject == TagSubject.Address))
        {
            var key = normalizer.TryNormalize(tag.Currency, tag.Identifier, out var normalized, out _) ? normalized.Key : tag.Identifier;
            var id = "cairn-wallet-" + ShortHash(tag.Currency.ToUpperInvariant() + ":" + key);
            if (!wallets.TryGetValue(id, out var properties))
            {
                wallets[id] = properties = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
                Add(properties, "publicKey", tag.Identifier);
                Add(properties, "currencySymbol", tag.Currency);
            }
            Add(properties, "name", tag.Label);
            if (Uri.TryCreate(tag.Source, UriKind.Absolute, out _)) Add(properties, "sourceUrl", tag.Source);
            Add(properties, "summary", string.Join(", ", new[] { tag.Category, tag.Abuse }.Where(v => v is not null)));
            if (tag.Abuse == "sanction") Add(properties, "topics", "sanction");
            if (tag.Actor is not null && actors.TryGetValue(tag.Actor, out var actor))
            {
                Add(properties, "holder", ActorEntityId(actor.Id));
                if (writtenActors.Add(actor.Id)) WriteActor(writer, actor);
            }
        }
        foreach (var (id, properties) in wallets) WriteEntity(writer, id, "CryptoWallet", properties);
    }

    public static string ActorEntityId(string actorId) => "cairn-actor-" + ShortHash(actorId);

    private static void WriteActor(TextWriter writer, Actor actor)
    {
        var properties = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        Add(properties, "name", actor.LegalName ?? actor.Label);
        if (actor.LegalName is not null) Add(properties, "alias", actor.Label);
        foreach (var alias in actor.Aliases) Add(properties, "alias", alias);
        foreach (var code in actor.Jurisdictions) Add(properties, "jurisdiction", code.ToLowerInvariant());
        if (actor.Uri is not null) Add(properties, "website", actor.Uri);
        var schema = actor.LegalName is not null || actor.Categories.Any(OrganisationCategories.Contains) ? "Company" : "LegalEntity";
        WriteEntity(writer, ActorEntityId(actor.Id), schema, properties);
    }

    private static void WriteEntity(TextWriter writer, string id, string schema, Dictionary<string, SortedSet<string>> properties)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("id", id);
            json.WriteString("schema", schema);
            json.WriteStartObject("properties");
            foreach (var (name, values) in properties.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                json.WriteStartArray(name);
                foreach (var value in values) json.WriteStringValue(value);
                json.WriteEndArray();
            }
            json.WriteEndObject();
            json.WriteEndObject();
        }
        writer.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void Add(Dictionary<string, SortedSet<string>> properties, string name, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return;
        if (!properties.TryGetValue(name, out var values)) properties[name] = values = new SortedSet<string>(StringComparer.Ordinal);
        values.Add(value);
    }

    private static string ShortHash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..20];
}
