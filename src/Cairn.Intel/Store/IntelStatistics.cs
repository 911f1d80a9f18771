using Cairn.Intel.Tags;

namespace Cairn.Intel.Store;

/// <summary>Computes <see cref="IntelStats"/> from loaded tags (shared by store implementations).</summary>
public static class IntelStatistics
{
    public static IntelStats Of(IReadOnlyList<Tag> tags, int actorCount, int sanctionedCount, IReadOnlyList<PackInfo> packs)
    {
        ArgumentNullException.ThrowIfNull(tags);
        return new IntelStats
        {
            TagCount = tags.Count,
            ActorCount = actorCount,
            SanctionedAddressCount = sanctionedCount,
            Packs = packs.OrderBy(p => p.Kind).ThenBy(p => p.Id, StringComparer.Ordinal).ToList(),
            TagsByCurrency = Count(tags.Select(t => t.Currency.ToUpperInvariant())),
            TagsByCategory = Count(tags.Select(t => t.Category ?? t.Abuse ?? "(none)")),
        };
    }

    private static List<KeyValuePair<string, int>> Count(IEnumerable<string> keys) =>
        keys.GroupBy(k => k, StringComparer.Ordinal)
            .Select(g => new KeyValuePair<string, int>(g.Key, g.Count()))
            .OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).ToList();
}
