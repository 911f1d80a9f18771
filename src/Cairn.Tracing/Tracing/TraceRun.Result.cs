using Cairn.Tracing.Attribution;

namespace Cairn.Tracing.Tracing;

/// <summary>Turning the stops into the reported result: endpoints with paths, jurisdiction totals, bounds hit.</summary>
internal sealed partial class TraceRun
{
    private TraceResult BuildResult(IReadOnlyList<uint> seeds, long seedAmount)
    {
        var endpoints = new List<TraceEndpoint>(_stops.Count);
        foreach (var (number, amount, reason) in _stops)
        {
            var address = _index.AddressOf(_outputs[number].Output);
            var hasAddress = address != uint.MaxValue;
            var attribution = hasAddress ? _attribution?.Lookup(address) : null;
            var paths = PathsTo(number, out var truncated);
            endpoints.Add(new TraceEndpoint(
                Reference(number),
                hasAddress ? AddressText(address) : null,
                hasAddress && _clusters is not null ? _clusters.ClusterOf(address) : null,
                attribution,
                amount,
                seedAmount == 0 ? 0 : Math.Round((double)amount / seedAmount, 8),
                _outputs[number].Hops,
                reason,
                paths,
                truncated) { Sanctioned = hasAddress && _attribution?.IsSanctioned(address) == true });
        }
        endpoints.Sort((a, b) => b.AmountSat != a.AmountSat ? b.AmountSat.CompareTo(a.AmountSat) : string.CompareOrdinal(a.Output, b.Output));
        var peelChains = PeelChainsMet();
        return new TraceResult
        {
            Request = _request,
            TipHeight = _index.TipHeight,
            TipHash = _index.TipHash?.ToString() ?? "",
            SeedOutputs = [.. seeds.Select(seed => Reference(_outputIds.Find(seed)))],
            SeedAmountSat = seedAmount,
            FeesSat = _fees,
            PoisonInflowSat = _poisonInflow,
            TransactionsVisited = _visited,
            Endpoints = endpoints,
            Jurisdictions = JurisdictionTotals(endpoints),
            Bounds = BoundsHit(endpoints),
            CoinJoins = _coinJoins,
            PeelChains = peelChains,
            Heuristics = HeuristicsUsed(endpoints, peelChains),
        };
    }

    private static List<JurisdictionTotal> JurisdictionTotals(List<TraceEndpoint> endpoints) =>
        [.. endpoints
            .Where(e => e.Attribution is not null)
            .SelectMany(e => e.Attribution!.Jurisdictions.Select(j => (Jurisdiction: j, Endpoint: e)))
            .GroupBy(x => x.Jurisdiction, StringComparer.Ordinal)
            .Select(g => new JurisdictionTotal(g.Key, g.Sum(x => x.Endpoint.AmountSat), g.Count(),
                [.. g.Select(x => x.Endpoint.Attribution!.ActorId).Distinct().Order(StringComparer.Ordinal)]))
            .OrderByDescending(t => t.AmountSat).ThenBy(t => t.Jurisdiction, StringComparer.Ordinal)];

    /// <summary>Per stop reason that is a bound (in the reason's order), how many endpoints it made and their amount.</summary>
    private List<BoundHit> BoundsHit(List<TraceEndpoint> endpoints)
    {
        var reasons = Enum.GetValues<StopReason>();
        var counts = new int[reasons.Length];
        var amounts = new long[reasons.Length];
        foreach (var endpoint in endpoints)
        {
            var at = Array.IndexOf(reasons, endpoint.Reason);
            counts[at]++;
            amounts[at] += endpoint.AmountSat;
        }
        var bounds = new List<BoundHit>();
        for (var at = 0; at < reasons.Length; at++)
        {
            if (counts[at] == 0) continue;
            var limit = reasons[at] switch
            {
                StopReason.MaxHops => $"max_hops={_request.MaxHops}",
                StopReason.BelowMin => $"min_amount_sat={_request.MinAmountSat}",
                StopReason.TimeWindow => $"time_limit={_request.TimeLimit:O}",
                StopReason.Coinjoin => "stop at CoinJoin (ask to go through CoinJoins to continue with haircut)",
                StopReason.UnattributedLargeCluster => $"large_cluster_size={_request.LargeClusterSize}",
                StopReason.WorkLimit => $"max_transactions={_request.MaxTransactions}",
                _ => null,
            };
            if (limit is not null) bounds.Add(new BoundHit(reasons[at], limit, counts[at], amounts[at]));
        }
        return bounds;
    }

    /// <summary>
    /// Up to <see cref="TraceRequest.MaxPathsPerEndpoint"/> paths from a seed to the endpoint (in
    /// the direction money moved), depth first in contributor order; <paramref name="truncated"/>
    /// says when more exist.
    /// </summary>
    private List<IReadOnlyList<string>> PathsTo(int endpoint, out bool truncated)
    {
        var found = new List<IReadOnlyList<string>>();
        var trail = _trail;
        trail.Clear();
        var more = false;
        Walk(endpoint);
        truncated = more;
        return found;

        void Walk(int number)
        {
            if (found.Count >= _request.MaxPathsPerEndpoint)
            {
                more = true;
                return;
            }
            trail.Add(number);
            if (_outputs[number].IsSeed && _outputs[number].Hops == 0)
            {
                var path = new string[trail.Count];
                for (var i = 0; i < path.Length; i++) path[i] = Reference(_forward ? trail[^(i + 1)] : trail[i]);
                found.Add(path);
            }
            else if (ContributorsAt(number) is var at && at >= 0)
            {
                var (start, count) = (_transactions[at].ContributorStart, _transactions[at].ContributorCount);
                for (var k = 0; k < count; k++) Walk(_contributors[start + k]);
            }
            trail.RemoveAt(trail.Count - 1);
        }
    }

    /// <summary>
    /// The number of the processed transaction whose contributors lead back from output
    /// <paramref name="number"/> (forward: the transaction it belongs to; backward: its spender), -1 when
    /// that transaction was not processed; worked out once per output.
    /// </summary>
    private int ContributorsAt(int number)
    {
        ref var state = ref _outputs[number];
        if (state.ContributorsAt != OutputState.Unresolved) return state.ContributorsAt;
        var tx = _forward ? TransactionOf(number) : _index.SpenderOf(state.Output) ?? uint.MaxValue;
        var at = _transactionIds.Find(tx);
        state.ContributorsAt = at >= 0 && _transactions[at].Processed ? at : -1;
        return state.ContributorsAt;
    }

    /// <summary>Whether the trace processed transaction <paramref name="tx"/>.</summary>
    private bool IsProcessed(uint tx) => _transactionIds.Find(tx) is var at && at >= 0 && _transactions[at].Processed;

    /// <summary>The transaction an output belongs to: remembered when the trace settled taint on it, else searched.</summary>
    private uint TransactionOf(int number) =>
        _outputs[number].Transaction != NoTransaction ? _outputs[number].Transaction : _index.TransactionOfOutput(_outputs[number].Output);

    private string Reference(int number)
    {
        if (_outputs[number].Reference is { } known) return known;
        var tx = TransactionOf(number);
        var vout = _outputs[number].Output - _index.OutputsOf(tx).First;
        // txid as displayed (64 hex digits of the byte-reversed hash), ':' and the vout, written straight into one string.
        Span<byte> hash = stackalloc byte[Cairn.Chains.Bitcoin.Hash256.Size];
        _index.TransactionHash(tx).CopyTo(hash);
        hash.Reverse();
        Span<char> text = stackalloc char[2 * Cairn.Chains.Bitcoin.Hash256.Size + 1 + 10];
        Convert.TryToHexStringLower(hash, text, out var hexDigits);
        text[hexDigits] = ':';
        vout.TryFormat(text[(hexDigits + 1)..], out var voutDigits, provider: System.Globalization.CultureInfo.InvariantCulture);
        return _outputs[number].Reference = new string(text[..(hexDigits + 1 + voutDigits)]);
    }
}
