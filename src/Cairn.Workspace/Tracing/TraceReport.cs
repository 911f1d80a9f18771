using System.Globalization;
using Cairn.Tracing.Heuristics.ErrorRates;
using Cairn.Tracing.Tracing;

namespace Cairn.Workspace.Tracing;

/// <summary>
/// A Bitcoin trace result as JSON: `cairn trace --json`, the API, the UI and saved traces all
/// print this one shape (amounts as exact satoshi strings beside BTC decimals). <see cref="Graph"/> is the flow drawn
/// in the UI: transactions and endpoint addresses as nodes, and on each edge the traced value that
/// crossed it (the sum of the endpoints whose listed paths use it).
/// </summary>
public sealed record TraceReport
{
    public required string Chain { get; init; }
    public required TraceParameters Request { get; init; }
    public required long TipHeight { get; init; }
    public required string TipHash { get; init; }
    public required IReadOnlyList<string> SeedOutputs { get; init; }
    public required string TracedAmountSat { get; init; }
    public required string TracedAmountBtc { get; init; }
    public required string FeesSat { get; init; }
    public required string FeesBtc { get; init; }
    public required string PoisonInflowSat { get; init; }
    public required string EndpointTotalSat { get; init; }
    public required int TransactionsVisited { get; init; }
    public required IReadOnlyList<Endpoint> Endpoints { get; init; }
    public required IReadOnlyList<JurisdictionTotal> Jurisdictions { get; init; }
    public required IReadOnlyList<BoundHit> Bounds { get; init; }
    public required IReadOnlyList<CoinJoinSeen> Coinjoins { get; init; }
    public IReadOnlyList<PeelChainSeen> PeelChains { get; init; } = [];

    /// <summary>Every heuristic the trace relied on, what for, how often, and its measured error rates (docs/heuristics.md).</summary>
    public IReadOnlyList<HeuristicStep> Heuristics { get; init; } = [];

    public required FlowGraph Graph { get; init; }

    public sealed record Endpoint(string Output, string? Address, uint? ClusterId, string? Actor, string? ActorLabel, string? Category,
        IReadOnlyList<string> Jurisdictions, double? Confidence, string? AttributionSource, string AmountSat, string AmountBtc, double Share, int Hops,
        string Reason, bool Sanctioned, IReadOnlyList<IReadOnlyList<string>> Paths, bool PathsTruncated);

    public sealed record JurisdictionTotal(string Jurisdiction, string AmountSat, string AmountBtc, int Endpoints, IReadOnlyList<string> Actors);

    public sealed record BoundHit(string Bound, string Limit, int UnexploredOutputs, string AmountSat);

    public sealed record FlowGraph(IReadOnlyList<Node> Nodes, IReadOnlyList<Edge> Edges);

    /// <summary>Kind: seed, tx or endpoint. Endpoints carry category and first jurisdiction, for colour and grouping.</summary>
    public sealed record Node(string Id, string Kind, string Label, string? Category, string? Jurisdiction, string? Reason);

    public sealed record Edge(string From, string To, string AmountSat, string AmountBtc);

    /// <summary>The report of a trace on UTXO chain <paramref name="chain"/> (amounts in the chain's 8-decimal coin in the <c>_btc</c> fields).</summary>
    public static TraceReport From(TraceResult result, string chain = "btc")
    {
        ArgumentNullException.ThrowIfNull(result);
        return new TraceReport
        {
            Chain = chain,
            Request = TraceParameters.Of(result.Request, chain),
            TipHeight = result.TipHeight,
            TipHash = result.TipHash,
            SeedOutputs = result.SeedOutputs,
            TracedAmountSat = Sat(result.SeedAmountSat),
            TracedAmountBtc = Btc(result.SeedAmountSat),
            FeesSat = Sat(result.FeesSat),
            FeesBtc = Btc(result.FeesSat),
            PoisonInflowSat = Sat(result.PoisonInflowSat),
            EndpointTotalSat = Sat(result.EndpointTotalSat),
            TransactionsVisited = result.TransactionsVisited,
            Endpoints = result.Endpoints.Select(e => new Endpoint(e.Output, e.Address, e.ClusterId, e.Attribution?.ActorId, e.Attribution?.Label, e.Attribution?.Category,
                e.Attribution?.Jurisdictions ?? [], e.Attribution?.Confidence, e.Attribution?.Source, Sat(e.AmountSat), Btc(e.AmountSat), e.Share, e.Hops,
                Snake(e.Reason.ToString()), e.Sanctioned, e.Paths, e.PathsTruncated)).ToList(),
            Jurisdictions = result.Jurisdictions.Select(j => new JurisdictionTotal(j.Jurisdiction, Sat(j.AmountSat), Btc(j.AmountSat), j.Endpoints, j.Actors)).ToList(),
            Bounds = result.Bounds.Select(b => new BoundHit(Snake(b.Bound.ToString()), b.Limit, b.UnexploredOutputs, Sat(b.AmountSat))).ToList(),
            Coinjoins = result.CoinJoins,
            PeelChains = result.PeelChains,
            Heuristics = result.Heuristics,
            Graph = GraphOf(result),
        };
    }

    /// <summary>
    /// The report without the quoted error rates: what a re-run compares, so that re-measured
    /// figures (a later build) do not make an unchanged trace look different.
    /// </summary>
    public TraceReport WithoutErrorRates() => this with
    {
        Coinjoins = [.. Coinjoins.Select(c => c with { MeasuredPrecision = null })],
        PeelChains = [.. PeelChains.Select(p => p with { MeasuredPrecision = [] })],
        Heuristics = [.. Heuristics.Select(h => h with { Measured = [] })],
    };

    private static FlowGraph GraphOf(TraceResult result)
    {
        var nodes = new Dictionary<string, Node>(StringComparer.Ordinal);
        var edges = new Dictionary<(string, string), long>();
        foreach (var seed in result.SeedOutputs)
        {
            var tx = TxOf(seed);
            nodes.TryAdd(tx, new Node(tx, "seed", Short(tx), null, null, null));
        }
        foreach (var endpoint in result.Endpoints)
        {
            var endpointId = "ep:" + endpoint.Output;
            var label = endpoint.Attribution?.Label ?? endpoint.Address ?? endpoint.Output;
            nodes[endpointId] = new Node(endpointId, "endpoint", label, endpoint.Attribution?.Category, endpoint.Attribution?.Jurisdictions.FirstOrDefault(), Snake(endpoint.Reason.ToString()));
            var paths = endpoint.Paths.Count > 0 ? endpoint.Paths : [[endpoint.Output]];
            // The endpoint's amount is spread over its listed paths; edges add up what crosses them.
            var perPath = endpoint.AmountSat / paths.Count;
            var remainder = endpoint.AmountSat - perPath * paths.Count;
            for (var p = 0; p < paths.Count; p++)
            {
                var share = perPath + (p == 0 ? remainder : 0);
                string? previous = null;
                foreach (var output in paths[p])
                {
                    var tx = TxOf(output);
                    nodes.TryAdd(tx, new Node(tx, "tx", Short(tx), null, null, null));
                    if (previous is not null && previous != tx) Add(edges, previous, tx, share);
                    previous = tx;
                }
                if (previous is not null) Add(edges, previous, endpointId, share);
            }
        }
        return new FlowGraph(nodes.Values.ToList(), edges.Select(e => new Edge(e.Key.Item1, e.Key.Item2, Sat(e.Value), Btc(e.Value))).ToList());
    }

    private static void Add(Dictionary<(string, string), long> edges, string from, string to, long amount) =>
        edges[(from, to)] = edges.GetValueOrDefault((from, to)) + amount;

    private static string TxOf(string output) => output.Split(':')[0];

    private static string Short(string txid) => txid.Length > 12 ? txid[..8] + "…" : txid;

    private static string Sat(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Btc(long value) => Core.BaseUnits.ToDecimalString(value, Core.BaseUnits.BitcoinDecimals);

    private static string Snake(string name) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(name);
}
