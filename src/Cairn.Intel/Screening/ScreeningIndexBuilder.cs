using Cairn.Intel.Actors;
using Cairn.Intel.Addresses;
using Cairn.Intel.Sanctions;
using Cairn.Intel.Tags;
using Cairn.Intel.Taxonomy;

namespace Cairn.Intel.Screening;

/// <summary>
/// Builds a <see cref="ScreeningIndex"/> from tags, sanctions and actors. Address tags whose
/// address is malformed are left out (they were reported at import and can never match);
/// transaction tags are not screened.
/// </summary>
public sealed class ScreeningIndexBuilder
{
    private readonly AddressNormalizer _normalizer;
    private readonly IntelTaxonomy _taxonomy;
    private readonly Dictionary<NormalizedAddress, List<ScreeningHit>> _byAddress = [];
    private readonly Dictionary<ScreeningHit, ScreeningHit> _shared = [];
    private readonly Dictionary<string, Actor> _actors = new(StringComparer.Ordinal);

    public ScreeningIndexBuilder(AddressNormalizer? normalizer = null, IntelTaxonomy? taxonomy = null)
    {
        _normalizer = normalizer ?? AddressNormalizer.Default;
        _taxonomy = taxonomy ?? IntelTaxonomy.GraphSense;
    }

    /// <summary>Addresses left out because they are malformed.</summary>
    public int SkippedMalformed { get; private set; }

    /// <summary>Convenience: everything in one call.</summary>
    public static ScreeningIndex Build(IEnumerable<Tag> tags, IEnumerable<SanctionedAddress> sanctions, IEnumerable<Actor> actors)
    {
        var builder = new ScreeningIndexBuilder();
        builder.AddActors(actors);
        builder.AddTags(tags);
        builder.AddSanctions(sanctions);
        return builder.ToIndex();
    }

    /// <summary>Actors must be added before the tags that name them, so hits carry their jurisdictions.</summary>
    public void AddActors(IEnumerable<Actor> actors)
    {
        ArgumentNullException.ThrowIfNull(actors);
        foreach (var actor in actors) _actors[actor.Id] = actor;
    }

    public void AddTags(IEnumerable<Tag> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        foreach (var tag in tags)
        {
            if (tag.Subject != TagSubject.Address) continue;
            var actor = tag.Actor is null ? null : _actors.GetValueOrDefault(tag.Actor);
            Add(tag.Currency, tag.Identifier, new ScreeningHit
            {
                Kind = HitKind.Tag,
                Source = tag.PackId,
                SourceReference = tag.Source,
                Currency = tag.Currency,
                Label = tag.Label,
                ActorId = tag.Actor,
                ActorLabel = actor?.Label,
                Category = tag.Category,
                Abuse = tag.Abuse,
                Jurisdictions = actor?.Jurisdictions ?? [],
                Confidence = tag.Confidence,
                ConfidenceLevel = _taxonomy.LevelOf(tag.Confidence),
                IsPublic = tag.IsPublic,
            });
        }
    }

    /// <summary>Sanctions hits read as OFAC data: confidence <c>authority_data</c> (GraphSense: "e.g. OFAC"), abuse <c>sanction</c>.</summary>
    public void AddSanctions(IEnumerable<SanctionedAddress> sanctions)
    {
        ArgumentNullException.ThrowIfNull(sanctions);
        const string confidence = "authority_data";
        foreach (var sanctioned in sanctions)
        {
            Add(sanctioned.Currency, sanctioned.Address, new ScreeningHit
            {
                Kind = HitKind.Sanction,
                Source = sanctioned.ListName,
                Currency = sanctioned.Currency,
                Label = $"{sanctioned.ListName}: {sanctioned.EntryName}",
                Abuse = "sanction",
                Confidence = confidence,
                ConfidenceLevel = _taxonomy.LevelOf(confidence),
                Sanction = new SanctionDetails(sanctioned.ListName, sanctioned.EntryName, sanctioned.Entry?.EntryNumber,
                    sanctioned.Entry?.Programs ?? [], sanctioned.ListDate),
            });
        }
    }

    public ScreeningIndex ToIndex()
    {
        var hits = new List<ScreeningHit>(_byAddress.Sum(a => a.Value.Count));
        var bitcoin = new Dictionary<string, ScreeningIndex.HitSlice>(StringComparer.Ordinal);
        var ethereum = new Dictionary<string, ScreeningIndex.HitSlice>(StringComparer.Ordinal);
        var other = new Dictionary<string, ScreeningIndex.HitSlice>(StringComparer.Ordinal);
        foreach (var (address, addressHits) in _byAddress)
        {
            var map = address.Family switch
            {
                AddressFamily.Bitcoin => bitcoin,
                AddressFamily.Ethereum => ethereum,
                _ => other,
            };
            map[address.Key] = new ScreeningIndex.HitSlice(hits.Count, addressHits.Count);
            hits.AddRange(addressHits);
        }
        return new ScreeningIndex([.. hits], bitcoin, ethereum, other, _normalizer);
    }

    private void Add(string currency, string address, ScreeningHit hit)
    {
        if (!_normalizer.TryNormalize(currency, address, out var key, out _))
        {
            SkippedMalformed++;
            return;
        }
        if (!_shared.TryGetValue(hit, out var shared)) _shared[hit] = shared = hit;
        if (!_byAddress.TryGetValue(key, out var list)) _byAddress[key] = list = new List<ScreeningHit>(1);
        if (!list.Contains(shared)) list.Add(shared); // the same tag listed twice in one pack is one hit
    }
}
