using Cairn.Intel.Tags;

namespace Cairn.Intel.Import;

/// <summary>
/// The tag-level fields of the TagPack schema while reading: the pack header fills them first,
/// then each tag overrides what it sets (GraphSense: "header fields are inherited by tags").
/// </summary>
internal sealed record TagFields
{
    public string? Label { get; init; }
    public string? Source { get; init; }
    public string? Currency { get; init; }
    public string? Network { get; init; }
    public string? Context { get; init; }
    public string? Confidence { get; init; }
    public bool? IsClusterDefiner { get; init; }
    public DateTimeOffset? LastModified { get; init; }
    public string? Category { get; init; }
    public string? Abuse { get; init; }
    public string? Address { get; init; }
    public string? TxHash { get; init; }
    public string? Actor { get; init; }
    public IReadOnlyList<string>? Concepts { get; init; }
    public string? TagType { get; init; }

    /// <summary>Field names a tag (or the header, for inheritance) may carry.</summary>
    public static readonly IReadOnlySet<string> Names = new HashSet<string>(StringComparer.Ordinal)
    {
        "label", "source", "currency", "network", "context", "confidence", "is_cluster_definer", "lastmod",
        "category", "abuse", "address", "tx_hash", "actor", "concepts", "tag_type",
    };

    /// <summary>Returns a copy with <paramref name="field"/> set from <paramref name="node"/>; throws <see cref="FormatException"/> on a bad value.</summary>
    public TagFields With(string field, YamlDotNet.RepresentationModel.YamlNode node) => field switch
    {
        "label" => this with { Label = YamlValues.Text(node, field) },
        "source" => this with { Source = YamlValues.Text(node, field) },
        "currency" => this with { Currency = YamlValues.Text(node, field) },
        "network" => this with { Network = YamlValues.Text(node, field) },
        "context" => this with { Context = YamlValues.TextOrJson(node, field) },
        "confidence" => this with { Confidence = YamlValues.Text(node, field) },
        "is_cluster_definer" => this with { IsClusterDefiner = YamlValues.Boolean(node, field) },
        "lastmod" => this with { LastModified = YamlValues.Timestamp(node, field) },
        "category" => this with { Category = YamlValues.Text(node, field) },
        "abuse" => this with { Abuse = YamlValues.Text(node, field) },
        "address" => this with { Address = YamlValues.Text(node, field) },
        "tx_hash" => this with { TxHash = YamlValues.Text(node, field) },
        "actor" => this with { Actor = YamlValues.Text(node, field) },
        "concepts" => this with { Concepts = YamlValues.List(node, field) },
        "tag_type" => this with { TagType = YamlValues.Text(node, field) },
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "not a tag field"),
    };

    /// <summary>Builds the tag, or returns the reason it cannot be one.</summary>
    public Tag? ToTag(string packId, string creator, bool isPublic, out string error)
    {
        error = "";
        var hasAddress = !string.IsNullOrWhiteSpace(Address);
        var hasTx = !string.IsNullOrWhiteSpace(TxHash);
        if (hasAddress == hasTx)
        {
            error = hasAddress ? "tag has both address and tx_hash" : "tag has neither address nor tx_hash";
            return null;
        }
        var missing = new[] { ("label", Label), ("source", Source), ("currency", Currency) }
            .Where(f => string.IsNullOrWhiteSpace(f.Item2)).Select(f => f.Item1).ToList();
        if (missing.Count > 0)
        {
            error = "tag lacks mandatory " + string.Join(", ", missing) + " (not in the tag nor the pack header)";
            return null;
        }
        return new Tag
        {
            PackId = packId,
            Currency = Currency!.Trim(),
            Network = string.IsNullOrWhiteSpace(Network) ? Currency!.Trim() : Network.Trim(),
            Subject = hasAddress ? TagSubject.Address : TagSubject.Transaction,
            Identifier = (hasAddress ? Address : TxHash)!.Trim(),
            Label = Label!,
            Source = Source!,
            Creator = creator,
            Confidence = Confidence,
            Category = Category,
            Abuse = Abuse,
            Actor = Actor,
            Context = Context,
            Concepts = Concepts ?? [],
            TagType = TagType,
            LastModified = LastModified,
            IsClusterDefiner = IsClusterDefiner ?? false,
            IsPublic = isPublic,
        };
    }
}
