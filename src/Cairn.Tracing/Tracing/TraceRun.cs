using System.Runtime.InteropServices;
using Cairn.Index.Bitcoin;
using Cairn.Tracing.Attribution;
using Cairn.Tracing.Clustering;
using Cairn.Tracing.Heuristics;
using Cairn.Tracing.Heuristics.ErrorRates;
using Cairn.Tracing.Taint;

namespace Cairn.Tracing.Tracing;

/// <summary>The state of one trace (taint waiting at outputs, the queue of transactions, the endpoints found).</summary>
internal sealed partial class TraceRun
{
    private readonly BitcoinIndex _index;
    private readonly AddressClusters? _clusters;
    private readonly ClusterAttribution? _attribution;
    private readonly TraceRequest _request;
    private readonly HeuristicFigures _figures;
    private readonly bool _forward;
    private readonly uint? _timeLimit;

    /// <summary>Taint waiting at an output for the next transaction (forward: its spender; backward: its funder).</summary>
    private readonly Dictionary<uint, long> _pending = [];
    /// <summary>Per output taint reached: its hop count and (when known without a search) its transaction; one lookup serves both.</summary>
    private readonly Dictionary<uint, (int Hops, uint Transaction)> _settled = [];
    private readonly HashSet<uint> _seeds = [];

    /// <summary>Per processed transaction, the tainted outputs it took taint from (for the paths).</summary>
    private readonly Dictionary<uint, uint[]> _contributors = [];
    private readonly PriorityQueue<uint, long> _queue = new();
    private readonly HashSet<uint> _queued = [];
    private readonly List<(uint Output, long Amount, StopReason Reason)> _stops = [];
    private readonly List<CoinJoinSeen> _coinJoins = [];
    private readonly List<uint> _contributorScratch = [];
    private readonly List<uint> _trail = [];
    private long[] _scratch = new long[64];

    /// <summary>Per output met, its <c>txid:vout</c> (paths repeat the same outputs many times).</summary>
    private readonly Dictionary<uint, string> _references = [];

    private const uint NoTransaction = uint.MaxValue;
    private long _fees;
    private long _poisonInflow;
    private int _visited;

    public TraceRun(BitcoinIndex index, AddressClusters? clusters, ClusterAttribution? attribution, TraceRequest request, HeuristicFigures figures)
    {
        _index = index;
        _clusters = clusters;
        _attribution = attribution;
        _request = request;
        _figures = figures;
        _forward = request.Direction == TraceDirection.Forward;
        _timeLimit = request.TimeLimit is { } limit ? (uint)Math.Clamp(limit.ToUnixTimeSeconds(), 0, uint.MaxValue) : null;
    }

    public TraceResult Run(IReadOnlyList<uint> seeds)
    {
        long seedAmount = 0;
        foreach (var seed in seeds)
        {
            _seeds.Add(seed);
            seedAmount += _index.Value(seed);
        }
        foreach (var seed in seeds) Settle(seed, _index.Value(seed), 0, NoTransaction);
        while (_queue.TryDequeue(out var tx, out _))
        {
            if (_visited >= _request.MaxTransactions)
            {
                _queue.Enqueue(tx, 0);
                break;
            }
            if (_forward) ProcessForward(tx);
            else ProcessBackward(tx);
            _visited++;
        }
        foreach (var (output, taint) in _pending.OrderBy(p => p.Key)) _stops.Add((output, taint, StopReason.WorkLimit));
        return BuildResult(seeds, seedAmount);
    }

    /// <summary>Forward: inputs are the sources, outputs then the fee the destinations.</summary>
    private void ProcessForward(uint tx)
    {
        var (firstInput, endInput) = _index.InputsOf(tx);
        var (firstOutput, endOutput) = _index.OutputsOf(tx);
        var inputCount = (int)(endInput - firstInput);
        var outputCount = (int)(endOutput - firstOutput);
        var scratch = Scratch(inputCount, outputCount + 1);
        var sourceValues = scratch[..inputCount];
        var sourceTaint = scratch.Slice(inputCount, inputCount);
        var destinationValues = scratch.Slice(2 * inputCount, outputCount + 1);
        var destinationTaint = scratch[(2 * inputCount + outputCount + 1)..];
        _contributorScratch.Clear();
        var hops = 0;
        long sourceTotal = 0, sourceTaintTotal = 0;
        for (var i = 0; i < inputCount; i++)
        {
            var spent = _index.SpentOutputOf(firstInput + (uint)i);
            sourceValues[i] = _index.Value(spent);
            sourceTotal += sourceValues[i];
            if (!_pending.Remove(spent, out var taint)) continue;
            sourceTaint[i] = taint;
            sourceTaintTotal += taint;
            _contributorScratch.Add(spent);
            hops = Math.Max(hops, _settled[spent].Hops + 1);
        }
        _contributors[tx] = [.. _contributorScratch];
        long destinationTotal = 0;
        for (var o = 0; o < outputCount; o++)
        {
            destinationValues[o] = _index.Value(firstOutput + (uint)o);
            destinationTotal += destinationValues[o];
        }
        destinationValues[outputCount] = sourceTotal - destinationTotal;
        TaintDistribution.Distribute(ModelFor(tx), sourceValues, sourceTaint, destinationValues, destinationTaint, lastIsFee: true);
        _poisonInflow += Sum(destinationTaint) - sourceTaintTotal;
        _fees += destinationTaint[outputCount];
        for (var o = 0; o < outputCount; o++)
            if (destinationTaint[o] > 0) Settle(firstOutput + (uint)o, destinationTaint[o], hops, tx);
    }

    /// <summary>Backward: outputs then the (never tainted) fee are the sources, the inputs the destinations.</summary>
    private void ProcessBackward(uint tx)
    {
        var (firstInput, endInput) = _index.InputsOf(tx);
        var (firstOutput, endOutput) = _index.OutputsOf(tx);
        var inputCount = (int)(endInput - firstInput);
        var outputCount = (int)(endOutput - firstOutput);
        var scratch = Scratch(outputCount + 1, inputCount);
        var sourceValues = scratch[..(outputCount + 1)];
        var sourceTaint = scratch.Slice(outputCount + 1, outputCount + 1);
        var destinationValues = scratch.Slice(2 * outputCount + 2, inputCount);
        var destinationTaint = scratch[(2 * outputCount + 2 + inputCount)..];
        _contributorScratch.Clear();
        var hops = 0;
        long sourceTotal = 0, sourceTaintTotal = 0;
        for (var o = 0; o < outputCount; o++)
        {
            var output = firstOutput + (uint)o;
            sourceValues[o] = _index.Value(output);
            sourceTotal += sourceValues[o];
            if (!_pending.Remove(output, out var taint)) continue;
            sourceTaint[o] = taint;
            sourceTaintTotal += taint;
            _contributorScratch.Add(output);
            hops = Math.Max(hops, _settled[output].Hops + 1);
        }
        _contributors[tx] = [.. _contributorScratch];
        long destinationTotal = 0;
        for (var i = 0; i < inputCount; i++)
        {
            destinationValues[i] = _index.Value(_index.SpentOutputOf(firstInput + (uint)i));
            destinationTotal += destinationValues[i];
        }
        sourceValues[outputCount] = destinationTotal - sourceTotal;
        TaintDistribution.Distribute(ModelFor(tx), sourceValues, sourceTaint, destinationValues, destinationTaint, lastIsFee: false);
        _poisonInflow += Sum(destinationTaint) - sourceTaintTotal;
        for (var i = 0; i < inputCount; i++)
            if (destinationTaint[i] > 0) Settle(_index.SpentOutputOf(firstInput + (uint)i), destinationTaint[i], hops, NoTransaction);
    }

    /// <summary>
    /// A cleared span from one buffer kept for the whole run (no arrays per transaction), laid out as
    /// source values and taint (<paramref name="sources"/> each), then destination values and taint.
    /// </summary>
    private Span<long> Scratch(int sources, int destinations)
    {
        var needed = 2 * (sources + destinations);
        if (_scratch.Length < needed) _scratch = new long[Math.Max(needed, 2 * _scratch.Length)];
        var span = _scratch.AsSpan(0, needed);
        span.Clear();
        return span;
    }

    private static long Sum(ReadOnlySpan<long> values)
    {
        long total = 0;
        foreach (var value in values) total += value;
        return total;
    }

    /// <summary>A CoinJoin is only ever processed when told to go through it, and then with haircut.</summary>
    private TaintModel ModelFor(uint tx) =>
        _request.ThroughCoinJoin && CoinJoinDetector.Detect(_index, tx) is not null ? TaintModel.Haircut : _request.Model;

    /// <summary>
    /// Decides what happens to taint that just reached an output, in this order: attributed
    /// service, unattributed large cluster (both not at the seeds), unspent / coinbase, below
    /// minimum, max hops, time window, CoinJoin; otherwise it waits for the next transaction.
    /// </summary>
    private void Settle(uint output, long taint, int hops, uint transaction)
    {
        _settled[output] = (hops, transaction);
        var address = _index.AddressOf(output);
        if (hops > 0 && address != uint.MaxValue)
        {
            if (_attribution?.Lookup(address) is { } attribution && _request.StopCategories.Contains(attribution.Category))
            {
                Stop(output, taint, StopReason.Attributed);
                return;
            }
            if (_clusters is not null && _clusters.SizeOf(_clusters.ClusterOf(address)) > _request.LargeClusterSize
                && _attribution?.Lookup(address) is null)
            {
                Stop(output, taint, StopReason.UnattributedLargeCluster);
                return;
            }
        }
        uint next;
        if (_forward)
        {
            if (_index.SpenderOf(output) is not { } spender)
            {
                Stop(output, taint, StopReason.Unspent);
                return;
            }
            next = spender;
        }
        else
        {
            next = _index.TransactionOfOutput(output);
            if (_index.TransactionFlags(next).HasFlag(TxFlags.Coinbase))
            {
                Stop(output, taint, StopReason.Coinbase);
                return;
            }
        }
        if (taint < _request.MinAmountSat) Stop(output, taint, StopReason.BelowMin);
        else if (hops >= _request.MaxHops) Stop(output, taint, StopReason.MaxHops);
        else if (OutsideTimeWindow(next)) Stop(output, taint, StopReason.TimeWindow);
        else if (_index.TransactionFlags(next).HasFlag(TxFlags.MwebHogEx)) Stop(output, taint, StopReason.Mweb);
        else if (IsCoinJoinStop(next)) Stop(output, taint, StopReason.Coinjoin);
        else
        {
            CollectionsMarshal.GetValueRefOrAddDefault(_pending, output, out _) += taint;
            if (_queued.Add(next)) _queue.Enqueue(next, _forward ? next : -(long)next);
        }
    }

    private bool OutsideTimeWindow(uint tx)
    {
        if (_timeLimit is not { } limit) return false;
        var time = _index.BlockTimeOf(_index.HeightOf(tx));
        return _forward ? time > limit : time < limit;
    }

    private readonly Dictionary<uint, bool> _coinJoinStops = [];

    private bool IsCoinJoinStop(uint tx)
    {
        if (_coinJoinStops.TryGetValue(tx, out var known)) return known;
        var verdict = CoinJoinDetector.Detect(_index, tx);
        if (verdict is not null)
            _coinJoins.Add(new CoinJoinSeen(_index.TransactionHash(tx).ToString(), verdict.Rule, verdict.Confidence, verdict.Detail, _request.ThroughCoinJoin)
            {
                MeasuredPrecision = _figures.HeadlinePrecision(verdict.Rule),
            });
        var stop = verdict is not null && !_request.ThroughCoinJoin;
        _coinJoinStops[tx] = stop;
        return stop;
    }

    private void Stop(uint output, long taint, StopReason reason) => _stops.Add((output, taint, reason));
}
