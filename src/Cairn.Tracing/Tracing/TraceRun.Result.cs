using Cairn.Tracing.Attribution;
using Cairn.Tracing.Heuristics;
using Cairn.Tracing.Heuristics.ErrorRates;

namespace Cairn.Tracing.Tracing;

/// <summary>Turning the stops into the reported result: endpoints with paths, jurisdiction totals, bounds hit.</summary>
internal sealed partial class TraceRun
{
    /// <summary>
    /// The result as the run's own state: the endpoints as sorted <see cref="TraceStop"/>s and the
    /// derived lists built on first read. The trace itself formats only the seeds' references; every
    /// other <c>txid:vout</c>, address, path and peel chain is made when a caller (the JSON writer, a
    /// report) reads it, from the arrays kept here (issue 19: the formatting was two thirds of a trace).
    /// </summary>
    private TraceResult BuildResult(int[] seedNumbers, long seedAmount)
    {
        _seedAmount = seedAmount;
        var stops = _stops.ToArray();
        // The order the endpoints were always reported in: largest amount first, then txid:vout ordinally.
        StopOrder.Sort(stops, _locateOutput, _txid);
        var endpoints = new TraceEndpointList(this, stops);
        var seedOutputs = new string[seedNumbers.Length];
        for (var i = 0; i < seedOutputs.Length; i++) seedOutputs[i] = Reference(seedNumbers[i]);
        var peelChains = new DeferredList<PeelChainSeen>(Gate, PeelChainsMet);
        var coinJoins = new DeferredList<CoinJoinSeen>(Gate, CoinJoinsMet);
        return new TraceResult
        {
            Request = _request,
            TipHeight = _index.TipHeight,
            TipHash = _index.TipHash?.ToString() ?? "",
            SeedOutputs = seedOutputs,
            SeedAmountSat = seedAmount,
            FeesSat = _fees,
            PoisonInflowSat = _poisonInflow,
            TransactionsVisited = _visited,
            Endpoints = endpoints,
            Jurisdictions = new DeferredList<JurisdictionTotal>(Gate, () => JurisdictionTotals(endpoints)),
            Bounds = new DeferredList<BoundHit>(Gate, () => BoundsHit(endpoints)),
            CoinJoins = coinJoins,
            PeelChains = peelChains,
            Heuristics = new DeferredList<HeuristicStep>(Gate, () => HeuristicsUsed(endpoints, coinJoins, peelChains)),
        };
    }

    /// <summary>The CoinJoins the trace met, in the order met, each with the verdict that named it.</summary>
    private List<CoinJoinSeen> CoinJoinsMet()
    {
        var seen = new List<CoinJoinSeen>(_coinJoinTransactions.Count);
        foreach (var tx in _coinJoinTransactions)
        {
            // IsCoinJoin said yes, so Detect names it (CoinJoinDetector's contract, tested on every generated transaction).
            var verdict = CoinJoinDetector.Detect(_index, tx) ?? throw new InvalidOperationException($"CoinJoinDetector.IsCoinJoin and Detect disagree on transaction {tx}");
            seen.Add(new CoinJoinSeen(_index.TransactionHash(tx).ToString(), verdict.Rule, verdict.Confidence, verdict.Detail, _request.ThroughCoinJoin)
            {
                MeasuredPrecision = HeadlinePrecision(verdict.Rule),
            });
        }
        return seen;
    }

    /// <summary>The reported endpoint of one stop: its <c>txid:vout</c>, address, cluster, attribution and paths (called under <see cref="Gate"/>).</summary>
    internal TraceEndpoint Endpoint(TraceStop stop)
    {
        var (number, amount, reason) = stop;
        var address = _index.AddressOf(_outputs[number].Output);
        var hasAddress = address != uint.MaxValue;
        var paths = PathsTo(number, out var truncated);
        return new TraceEndpoint(
            Reference(number),
            hasAddress ? AddressText(address) : null,
            hasAddress && _clusters is not null ? _clusters.ClusterOf(address) : null,
            AttributionOf(number),
            amount,
            _seedAmount == 0 ? 0 : Math.Round((double)amount / _seedAmount, 8),
            _outputs[number].Hops,
            reason,
            paths,
            truncated) { Sanctioned = hasAddress && _attribution?.IsSanctioned(address) == true };
    }

    private ActorAttribution? AttributionOf(int number)
    {
        var address = _index.AddressOf(_outputs[number].Output);
        return address != uint.MaxValue ? _attribution?.Lookup(address) : null;
    }

    /// <summary>The transaction and vout of the output numbered <paramref name="number"/> (what <see cref="StopOrder"/> compares on ties).</summary>
    private (uint Transaction, uint Vout) LocateOutput(int number)
    {
        var tx = TransactionOf(number);
        return (tx, _outputs[number].Output - _index.OutputsOf(tx).First);
    }

    /// <summary>Orders two numbers as their decimal texts compare ordinally (9 after 10, 1 before 10), without writing them.</summary>
    internal static int CompareAsText(uint a, uint b)
    {
        var (digitsA, digitsB) = (Digits(a), Digits(b));
        if (digitsA == digitsB) return a.CompareTo(b);
        // Compare the longer one's leading digits with the shorter one; when equal, the shorter (a prefix) comes first.
        var shift = Pow10(Math.Abs(digitsA - digitsB));
        var byLead = digitsA > digitsB ? (a / shift).CompareTo(b) : a.CompareTo(b / shift);
        return byLead != 0 ? byLead : digitsA.CompareTo(digitsB);
    }

    private static int Digits(uint value)
    {
        var digits = 1;
        while (value >= 10)
        {
            value /= 10;
            digits++;
        }
        return digits;
    }

    private static uint Pow10(int exponent)
    {
        var power = 1u;
        for (var i = 0; i < exponent; i++) power *= 10;
        return power;
    }

    /// <summary>Endpoints attributed to actors answering to each jurisdiction (an actor in two counts in both), largest total first.</summary>
    private List<JurisdictionTotal> JurisdictionTotals(TraceEndpointList endpoints)
    {
        var attributed = new List<(ActorAttribution Attribution, long AmountSat)>();
        foreach (var stop in endpoints.Stops)
            if (AttributionOf(stop.Output) is { } attribution) attributed.Add((attribution, stop.AmountSat));
        return [.. attributed
            .SelectMany(e => e.Attribution.Jurisdictions.Select(j => (Jurisdiction: j, Endpoint: e)))
            .GroupBy(x => x.Jurisdiction, StringComparer.Ordinal)
            .Select(g => new JurisdictionTotal(g.Key, g.Sum(x => x.Endpoint.AmountSat), g.Count(),
                [.. g.Select(x => x.Endpoint.Attribution.ActorId).Distinct().Order(StringComparer.Ordinal)]))
            .OrderByDescending(t => t.AmountSat).ThenBy(t => t.Jurisdiction, StringComparer.Ordinal)];
    }

    /// <summary>Per stop reason that is a bound (in the reason's order), how many endpoints it made and their amount.</summary>
    private List<BoundHit> BoundsHit(TraceEndpointList endpoints)
    {
        var reasons = Enum.GetValues<StopReason>();
        var counts = new int[reasons.Length];
        var amounts = new long[reasons.Length];
        foreach (var stop in endpoints.Stops)
        {
            var at = Array.IndexOf(reasons, stop.Reason);
            counts[at]++;
            amounts[at] += stop.AmountSat;
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
        // One cache per run, made on the first reference asked for (paths repeat the same outputs many times).
        _references ??= new string?[_outputCount];
        if (_references[number] is { } known) return known;
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
        return _references[number] = new string(text[..(hexDigits + 1 + voutDigits)]);
    }
}
