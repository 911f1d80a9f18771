using Cairn.Chains;
using Cairn.Intel.Actors;
using Cairn.Intel.Sanctions;
using Cairn.Intel.Store;
using Cairn.Intel.Tags;
using Cairn.Intel.Taxonomy;
using Cairn.Tracing.Ethereum;

namespace Cairn.Tracing.Attribution;

/// <summary>
/// Attribution from Cairn.Intel: every address tag that names an actor attributes its address to
/// that actor, with the actor's jurisdictions (what routes the legal request). Confidence is the
/// GraphSense level of the tag's confidence id divided by 100 (ownership 100 → 1.0, heuristic 10
/// → 0.1; unknown or missing ids count as GraphSense's <c>unknown</c>, 5 → 0.05). The category
/// is the tag's, else the actor's first. When several actor tags name one address, the most
/// confident wins, ties broken by pack id then actor id (ordinal), so the choice is reproducible.
/// Tags without an actor attribute nothing (they name no one a request could go to). Sanctioned
/// addresses (OFAC) carry no actor: they are kept as a separate flag (<see cref="IsSanctioned"/>).
/// Addresses are keyed as <see cref="KeyOf"/> says, so bech32 and EVM case does not matter.
/// Built for one chain, it leaves out tags whose network (else currency) code names another chain
/// of the registry: a Bitcoin Cash tag on a legacy "1…" address says nothing of the Bitcoin address
/// written the same way. Tags in codes the registry does not know (tokens such as USDT) are kept.
/// </summary>
public sealed class IntelAttributionSource : IAttributionSource, IEthAttributionLookup
{
    private const int UnknownConfidenceLevel = 5;

    private readonly Dictionary<string, ActorAttribution> _byAddress = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SanctionedAddress> _sanctioned = new(StringComparer.Ordinal);

    /// <summary>Builds the source from tags, the actors they name and (optionally) sanctions lists.</summary>
    public IntelAttributionSource(IEnumerable<Tag> tags, IEnumerable<Actor> actors, IEnumerable<SanctionedAddress>? sanctions = null, IntelTaxonomy? taxonomy = null, string? chain = null)
    {
        ArgumentNullException.ThrowIfNull(tags);
        ArgumentNullException.ThrowIfNull(actors);
        taxonomy ??= IntelTaxonomy.GraphSense;
        var actorsById = new Dictionary<string, Actor>(StringComparer.Ordinal);
        foreach (var actor in actors) actorsById[actor.Id] = actor;
        var best = new Dictionary<string, (int Level, ActorAttribution Attribution)>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            if (tag.Subject != TagSubject.Address || string.IsNullOrWhiteSpace(tag.Actor)) continue;
            if (chain is not null && !IsFor(tag, chain)) continue;
            var actor = actorsById.GetValueOrDefault(tag.Actor);
            var level = taxonomy.LevelOf(tag.Confidence) ?? UnknownConfidenceLevel;
            var attribution = new ActorAttribution(
                tag.Actor,
                actor?.Label ?? tag.Label,
                tag.Category ?? actor?.Categories.FirstOrDefault() ?? "unknown",
                actor?.Jurisdictions ?? [],
                level / 100.0,
                tag.PackId);
            var key = KeyOf(tag.Identifier);
            if (!best.TryGetValue(key, out var current) || Better(level, attribution, current.Level, current.Attribution))
                best[key] = (level, attribution);
        }
        foreach (var (key, chosen) in best) _byAddress[key] = chosen.Attribution;
        foreach (var sanctioned in sanctions ?? [])
            _sanctioned.TryAdd(KeyOf(sanctioned.Address), sanctioned);
    }

    /// <summary>Reads all tags, actors and sanctions of <paramref name="store"/> (a snapshot: rebuild it when the store changes).</summary>
    public static async Task<IntelAttributionSource> FromStoreAsync(IIntelStore store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var actors = await store.LoadActorsAsync(cancellationToken).ConfigureAwait(false);
        var tags = await store.LoadTagsAsync(TagFilter.All, cancellationToken).ConfigureAwait(false);
        var sanctions = await store.LoadSanctionsAsync(cancellationToken).ConfigureAwait(false);
        return new IntelAttributionSource(tags, actors, sanctions);
    }

    /// <summary>Addresses attributed to an actor.</summary>
    public int Count => _byAddress.Count;

    /// <summary>Addresses on a sanctions list.</summary>
    public int SanctionedCount => _sanctioned.Count;

    public IEnumerable<string> AttributedAddresses => _byAddress.Keys;

    public ActorAttribution? Lookup(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return _byAddress.GetValueOrDefault(KeyOf(address));
    }

    /// <summary>True when the address is on an imported sanctions list.</summary>
    public bool IsSanctioned(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return _sanctioned.ContainsKey(KeyOf(address));
    }

    /// <summary>The sanctions listing of the address (list, SDN entry, date), or null.</summary>
    public SanctionedAddress? SanctionOf(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return _sanctioned.GetValueOrDefault(KeyOf(address));
    }

    /// <summary>The same attribution for the Ethereum tracer (actor id as the actor name).</summary>
    EthAttribution? IEthAttributionLookup.Lookup(string lowerCaseAddress) =>
        Lookup(lowerCaseAddress) is { } found ? new EthAttribution(found.ActorId, found.Category, found.Jurisdictions, found.Confidence) : null;

    /// <summary>
    /// The form addresses are matched in: EVM hex (0x + 40) and bech32 strings (BIP-173: one case
    /// only, so case carries nothing) lower-cased; anything else (base58 is case-sensitive) trimmed only.
    /// </summary>
    public static string KeyOf(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var trimmed = address.Trim();
        var isEvm = trimmed.Length == 42 && trimmed.StartsWith("0x", StringComparison.OrdinalIgnoreCase);
        var isBech32 = trimmed.StartsWith("bc1", StringComparison.OrdinalIgnoreCase)
            || trimmed.StartsWith("tb1", StringComparison.OrdinalIgnoreCase)
            || trimmed.StartsWith("bcrt1", StringComparison.OrdinalIgnoreCase)
            || trimmed.StartsWith("ltc1", StringComparison.OrdinalIgnoreCase)
            || trimmed.StartsWith("tltc1", StringComparison.OrdinalIgnoreCase);
        if (isEvm || isBech32) return trimmed.ToLowerInvariant();
        // CashAddr (one case only): without its prefix, as sanctions lists write it.
        if (trimmed.StartsWith("bitcoincash:", StringComparison.OrdinalIgnoreCase)) return trimmed["bitcoincash:".Length..].ToLowerInvariant();
        return trimmed;
    }

    /// <summary>Whether a tag may attribute on <paramref name="chain"/>: its network (else currency) names that chain or none of the registry's.</summary>
    public static bool IsFor(Tag tag, string chain)
    {
        ArgumentNullException.ThrowIfNull(tag);
        var named = ChainRegistry.ForCurrency(tag.Network) ?? ChainRegistry.ForCurrency(tag.Currency);
        return named is null || named.Id == chain;
    }

    private static bool Better(int level, ActorAttribution candidate, int currentLevel, ActorAttribution current)
    {
        if (level != currentLevel) return level > currentLevel;
        var byPack = string.CompareOrdinal(candidate.Source, current.Source);
        return byPack != 0 ? byPack < 0 : string.CompareOrdinal(candidate.ActorId, current.ActorId) < 0;
    }
}
