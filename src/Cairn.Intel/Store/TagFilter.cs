using Cairn.Core;
using Cairn.Intel.Tags;

namespace Cairn.Intel.Store;

/// <summary>
/// A selection of tags (all conditions must hold; null means any). Parsed from
/// <c>--filter key=value</c> pairs: pack, currency, category, abuse, actor, address, public.
/// </summary>
public sealed record TagFilter
{
    public string? PackId { get; init; }
    public string? Currency { get; init; }
    public string? Category { get; init; }
    public string? Abuse { get; init; }
    public string? Actor { get; init; }
    public string? Address { get; init; }

    /// <summary>True: only public tags (what may leave the agency); false: only private; null: both.</summary>
    public bool? IsPublic { get; init; }

    public static TagFilter All { get; } = new();

    public bool Matches(Tag tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        return (PackId is null || tag.PackId == PackId)
            && (Currency is null || tag.Currency.Equals(Currency, StringComparison.OrdinalIgnoreCase))
            && (Category is null || tag.Category == Category)
            && (Abuse is null || tag.Abuse == Abuse)
            && (Actor is null || tag.Actor == Actor)
            && (Address is null || tag.Identifier.Equals(Address.Trim(), StringComparison.OrdinalIgnoreCase))
            && (IsPublic is null || tag.IsPublic == IsPublic);
    }

    /// <summary>Parses <c>key=value</c> terms; throws <see cref="CairnException"/> naming a bad term.</summary>
    public static TagFilter Parse(IEnumerable<string> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var filter = new TagFilter();
        foreach (var term in terms)
        {
            var equals = term.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || equals == term.Length - 1)
                throw new CairnException($"malformed filter '{term}': expected key=value (keys: pack, currency, category, abuse, actor, address, public)");
            var value = term[(equals + 1)..].Trim();
            filter = term[..equals].Trim().ToLowerInvariant() switch
            {
                "pack" => filter with { PackId = value },
                "currency" => filter with { Currency = value },
                "category" => filter with { Category = value },
                "abuse" => filter with { Abuse = value },
                "actor" => filter with { Actor = value },
                "address" => filter with { Address = value },
                "public" => filter with
                {
                    IsPublic = bool.TryParse(value, out var isPublic) ? isPublic : throw new CairnException($"malformed filter '{term}': public must be true or false"),
                },
                var key => throw new CairnException($"unknown filter key '{key}' in '{term}' (keys: pack, currency, category, abuse, actor, address, public)"),
            };
        }
        return filter;
    }
}
