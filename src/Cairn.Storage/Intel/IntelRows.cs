using System.Globalization;
using System.Text.Json;
using Cairn.Intel.Actors;
using Cairn.Intel.Sanctions;
using Cairn.Intel.Tags;

namespace Cairn.Storage.Intel;

/// <summary>Row shapes of the intel tables (Intel/Migrations/020_intel.sql) and their mapping to the domain.</summary>
internal static class IntelRows
{
    public const string TagColumns =
        "pack_id AS PackId, position AS Position, currency AS Currency, network AS Network, subject AS Subject, identifier AS Identifier, " +
        "label AS Label, source AS Source, creator AS Creator, confidence AS Confidence, category AS Category, abuse AS Abuse, actor AS Actor, " +
        "context AS Context, concepts AS Concepts, tag_type AS TagType, lastmod AS LastModified, is_cluster_definer AS IsClusterDefiner, is_public AS IsPublic";

    public static readonly string[] TagInsertColumns =
        ["pack_id", "position", "currency", "network", "subject", "identifier", "label", "source", "creator", "confidence", "category", "abuse",
         "actor", "context", "concepts", "tag_type", "lastmod", "is_cluster_definer", "is_public"];

    public const string ActorColumns =
        "id AS Id, pack_id AS PackId, label AS Label, uri AS Uri, categories AS Categories, jurisdictions AS Jurisdictions, legal_name AS LegalName, " +
        "aliases AS Aliases, refs AS Refs, context AS Context, lastmod AS LastModified";

    public static readonly string[] ActorInsertColumns =
        ["id", "pack_id", "label", "uri", "categories", "jurisdictions", "legal_name", "aliases", "refs", "context", "lastmod"];

    public const string SanctionColumns =
        "list_name AS ListName, position AS Position, currency AS Currency, address AS Address, entry_number AS EntryNumber, entry_name AS EntryName, " +
        "entry_type AS EntryType, programs AS Programs, list_date AS ListDate, source_file AS SourceFile";

    public static readonly string[] SanctionInsertColumns =
        ["list_name", "position", "currency", "address", "entry_number", "entry_name", "entry_type", "programs", "list_date", "source_file"];

    public static object?[] TagValues(Tag tag, long position) =>
    [
        tag.PackId, position, tag.Currency, tag.Network, tag.Subject == TagSubject.Address ? "address" : "tx", tag.Identifier, tag.Label, tag.Source,
        tag.Creator, tag.Confidence, tag.Category, tag.Abuse, tag.Actor, tag.Context, Json(tag.Concepts), tag.TagType, Time(tag.LastModified),
        tag.IsClusterDefiner ? 1L : 0L, tag.IsPublic ? 1L : 0L,
    ];

    public static object?[] ActorValues(Actor actor) =>
    [
        actor.Id, actor.PackId, actor.Label, actor.Uri, Json(actor.Categories), Json(actor.Jurisdictions), actor.LegalName, Json(actor.Aliases),
        Json(actor.References), actor.ContextJson, Time(actor.LastModified),
    ];

    public static object?[] SanctionValues(string listName, SanctionedAddress sanctioned, long position) =>
    [
        listName, position, sanctioned.Currency, sanctioned.Address, sanctioned.Entry?.EntryNumber is { } number ? (long)number : TypedNull.Int64, sanctioned.Entry?.Name,
        sanctioned.Entry?.Type, Json(sanctioned.Entry?.Programs ?? []), sanctioned.ListDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), sanctioned.SourceFile,
    ];

    public static string Json(IReadOnlyList<string> values) => JsonSerializer.Serialize(values);

    public static IReadOnlyList<string> List(string? json) => string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<string[]>(json) ?? [];

    public static string? Time(DateTimeOffset? value) => value?.ToString("O", CultureInfo.InvariantCulture);

    public static DateTimeOffset? ParseTime(string? text) =>
        text is null ? null : DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    internal sealed class TagRow
    {
        public string PackId { get; set; } = "";
        public long Position { get; set; }
        public string Currency { get; set; } = "";
        public string Network { get; set; } = "";
        public string Subject { get; set; } = "";
        public string Identifier { get; set; } = "";
        public string Label { get; set; } = "";
        public string Source { get; set; } = "";
        public string Creator { get; set; } = "";
        public string? Confidence { get; set; }
        public string? Category { get; set; }
        public string? Abuse { get; set; }
        public string? Actor { get; set; }
        public string? Context { get; set; }
        public string Concepts { get; set; } = "[]";
        public string? TagType { get; set; }
        public string? LastModified { get; set; }
        public long IsClusterDefiner { get; set; }
        public long IsPublic { get; set; }

        public Tag ToTag() => new()
        {
            PackId = PackId, Currency = Currency, Network = Network, Subject = Subject == "tx" ? TagSubject.Transaction : TagSubject.Address,
            Identifier = Identifier, Label = Label, Source = Source, Creator = Creator, Confidence = Confidence, Category = Category, Abuse = Abuse,
            Actor = Actor, Context = Context, Concepts = List(Concepts), TagType = TagType, LastModified = ParseTime(LastModified),
            IsClusterDefiner = IsClusterDefiner != 0, IsPublic = IsPublic != 0,
        };
    }

    internal sealed class ActorRow
    {
        public string Id { get; set; } = "";
        public string PackId { get; set; } = "";
        public string Label { get; set; } = "";
        public string? Uri { get; set; }
        public string Categories { get; set; } = "[]";
        public string Jurisdictions { get; set; } = "[]";
        public string? LegalName { get; set; }
        public string Aliases { get; set; } = "[]";
        public string Refs { get; set; } = "[]";
        public string? Context { get; set; }
        public string? LastModified { get; set; }

        public Actor ToActor() => new()
        {
            Id = Id, PackId = PackId, Label = Label, Uri = Uri, Categories = List(Categories), Jurisdictions = List(Jurisdictions), LegalName = LegalName,
            Aliases = List(Aliases), References = List(Refs), ContextJson = Context, LastModified = ParseTime(LastModified),
        };
    }

    internal sealed class SanctionRow
    {
        public string ListName { get; set; } = "";
        public long Position { get; set; }
        public string Currency { get; set; } = "";
        public string Address { get; set; } = "";
        public long? EntryNumber { get; set; }
        public string? EntryName { get; set; }
        public string? EntryType { get; set; }
        public string Programs { get; set; } = "[]";
        public string? ListDate { get; set; }
        public string SourceFile { get; set; } = "";

        public SanctionedAddress ToSanctionedAddress() => new()
        {
            Currency = Currency,
            Address = Address,
            Entry = EntryNumber is { } number
                ? new SanctionEntry { EntryNumber = (int)number, Name = EntryName ?? "", Type = EntryType, Programs = List(Programs) }
                : null,
            ListName = ListName,
            ListDate = ListDate is null ? null : DateOnly.ParseExact(ListDate, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            SourceFile = SourceFile,
        };
    }

    internal sealed class PackRow
    {
        public string Id { get; set; } = "";
        public string Kind { get; set; } = "";
        public string Title { get; set; } = "";
        public string Creator { get; set; } = "";
        public string Version { get; set; } = "";
        public long ItemCount { get; set; }
        public long IsPublic { get; set; }
    }

    internal sealed class PackHeaderRow
    {
        public string Id { get; set; } = "";
        public string Title { get; set; } = "";
        public string Creator { get; set; } = "";
        public string? Description { get; set; }
        public long IsPublic { get; set; }
    }
}
