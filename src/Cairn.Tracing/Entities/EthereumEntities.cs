using System.Globalization;
using System.Numerics;
using Cairn.Tracing.Attribution;
using Cairn.Tracing.Ethereum;

namespace Cairn.Tracing.Entities;

/// <summary>
/// Entities of an Ethereum trace (ETH or one token): accounts have no multi-input clusters, so an
/// address belongs to its attributed actor, else stands alone. Paths start at the seed; each step's
/// block time comes with the step. An endpoint's time is the latest step that reached it.
/// </summary>
public static class EthereumEntities
{
    public static TraceEntities Build(EthTraceResult result, IEthAttributionLookup? attribution)
    {
        ArgumentNullException.ThrowIfNull(result);
        var places = new Dictionary<string, EntityPlace>(StringComparer.OrdinalIgnoreCase);
        EntityPlace Place(string address)
        {
            if (places.TryGetValue(address, out var known)) return known;
            var found = attribution?.Lookup(address.ToLowerInvariant());
            var actor = found is null ? null : new ActorAttribution(found.Actor, found.Label ?? found.Actor, found.Category, found.Jurisdictions, found.Confidence, found.Source ?? "intelligence");
            var sanctioned = attribution is IAttributionSource source && source.IsSanctioned(address);
            return places[address] = new EntityPlace(address, address, null, 1, actor, sanctioned);
        }
        var grouping = new EntityGrouping();
        var seed = Place(result.Seed);
        var firstSteps = result.Endpoints.SelectMany(e => e.Paths).Where(p => p.Count > 0).Select(p => p[0]).ToList();
        var seedTime = firstSteps.Count > 0 ? Time(firstSteps.Min(s => s.Timestamp)) : null;
        grouping.AddSeed(seed, firstSteps.Count > 0 ? firstSteps.MinBy(s => s.Timestamp)!.TransactionHash : result.Seed, seedTime, BigInteger.Parse(result.SeedAmount, CultureInfo.InvariantCulture));
        foreach (var endpoint in result.Endpoints)
        {
            var amount = BigInteger.Parse(endpoint.Amount, CultureInfo.InvariantCulture);
            var last = endpoint.Paths.Where(p => p.Count > 0).Select(p => p[^1]).OrderByDescending(s => s.Timestamp).FirstOrDefault();
            grouping.AddEndpoint(endpoint.Address, Place(endpoint.Address), amount, last?.TransactionHash ?? "", last is null ? null : Time(last.Timestamp));
            var paths = endpoint.Paths.Where(p => p.Count > 0).ToList();
            if (paths.Count == 0) continue;
            var share = amount / paths.Count;
            var remainder = amount - share * paths.Count;
            for (var p = 0; p < paths.Count; p++)
            {
                var steps = new List<PathStep>(paths[p].Count + 1) { new(seed, paths[p][0].TransactionHash, Time(paths[p][0].Timestamp)) };
                steps.AddRange(paths[p].Select(s => new PathStep(Place(s.To), s.TransactionHash, Time(s.Timestamp))));
                grouping.AddPath(steps, share + (p == 0 ? remainder : 0));
            }
        }
        return grouping.Build();
    }

    private static DateTimeOffset? Time(long unixSeconds) => unixSeconds > 0 ? DateTimeOffset.FromUnixTimeSeconds(unixSeconds) : null;
}
