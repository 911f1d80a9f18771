using Cairn.Index.Bitcoin;
using Cairn.Tracing.Attribution;
using Cairn.Tracing.Clustering;
using Cairn.Tracing.Heuristics.ErrorRates;

namespace Cairn.Tracing.Tracing;

/// <summary>
/// Follows value through the Bitcoin index, forward or backward, under a taint model, until
/// each part of it reaches a stop (see <see cref="StopReason"/>). Transactions are processed in
/// id order (forward) or reverse id order (backward): ids follow block order, so every
/// transaction is processed once, after all the taint that reaches it has arrived.
/// </summary>
public sealed class Tracer
{
    private readonly BitcoinIndex _index;
    private readonly AddressClusters? _clusters;
    private readonly ClusterAttribution? _attribution;
    private readonly HeuristicFigures _figures;

    /// <param name="figures">The measured error rates quoted beside each heuristic step (default: the figures compiled in, data/heuristics/figures.json).</param>
    public Tracer(BitcoinIndex index, AddressClusters? clusters = null, ClusterAttribution? attribution = null, HeuristicFigures? figures = null)
    {
        ArgumentNullException.ThrowIfNull(index);
        _index = index;
        _clusters = clusters;
        _attribution = attribution;
        _figures = figures ?? HeuristicFigures.Embedded;
    }

    public TraceResult Trace(TraceRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.MaxHops < 1) throw Cairn.Core.CairnException.Invalid("max_hops", $"max_hops must be at least 1 (got {request.MaxHops})");
        if (request.MinAmountSat < 0) throw Cairn.Core.CairnException.Invalid("min_amount_sat", $"min_amount_sat must not be negative (got {request.MinAmountSat})");
        var seeds = SeedResolver.Resolve(_index, request.From);
        return new TraceRun(_index, _clusters, _attribution, request, _figures).Run(seeds);
    }
}
