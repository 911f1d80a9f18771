using System.Runtime.CompilerServices;
using Cairn.Index.Bitcoin;
using Cairn.Tracing.Attribution;
using Cairn.Tracing.Clustering;
using Cairn.Tracing.Heuristics;
using Cairn.Tracing.Heuristics.ErrorRates;
using Cairn.Tracing.Taint;

namespace Cairn.Tracing.Tracing;

/// <summary>
/// The state of one trace (taint waiting at outputs, the queue of transactions, the endpoints found).
/// Every output the taint reaches and every transaction it queues gets a dense number
/// (<see cref="DenseIdMap"/>) on first meeting; what the trace keeps about them is in arrays indexed by
/// that number (<see cref="OutputState"/>, <see cref="TransactionState"/>), found with one lookup.
/// </summary>
/// <remarks>
/// The methods run per output or per transaction are compiled fully optimised on first call
/// (<c>AggressiveOptimization</c>). Under tiered compilation they otherwise ran unoptimised through a
/// fresh process's first hundred-odd traces (a one-shot CLI trace, a server's first requests): the
/// runtime starts counting calls only after 100 ms without new methods to compile, and a trace plus
/// reading its result keeps meeting new ones; the bench's trace after one warm-up round took 2–3 × its
/// steady-state time (issue 19, session 12, docs/benchmarks/tracing.md). Their steady state without
/// dynamic PGO measured the same within the noise: they hold no virtual calls for it to guess.
/// </remarks>
internal sealed partial class TraceRun
{
    private readonly BitcoinIndex _index;
    private readonly AddressClusters? _clusters;
    private readonly ClusterAttribution? _attribution;
    private readonly TraceRequest _request;
    private readonly HeuristicFigures _figures;
    private readonly bool _forward;
    private readonly uint? _timeLimit;
    /// <summary>A cluster size never exceeds uint.MaxValue: above that bound no output can stop at a large cluster, so none is looked up.</summary>
    private readonly bool _checkClusterSize;

    /// <summary>Numbers of the outputs taint reached, and per number what the trace knows of that output.</summary>
    /// <remarks>From the thread's <see cref="TraceWorkspace"/>, given back when the run ends (then null: the result never reads it).</remarks>
    private DenseIdMap _outputIds;
    private int _outputCount;
    private OutputState[] _outputs = new OutputState[256];

    /// <summary>Numbers of the transactions queued or checked for a CoinJoin stop, and their state.</summary>
    private readonly DenseIdMap _transactionIds = new(128);
    private TransactionState[] _transactions = new TransactionState[128];

    /// <summary>Per processed transaction, the numbers of the tainted outputs it took taint from (for the paths), end to end.</summary>
    private int[] _contributors = new int[256];
    private int _contributorCount;

    private readonly TraceWorkspace _workspace;
    private TransactionQueue _queue;
    private readonly List<TraceStop> _stops = [];
    /// <summary>The CoinJoins met, in the order met; their verdicts (rule, detail text, precision) are made when the result's CoinJoins are read.</summary>
    private readonly List<uint> _coinJoinTransactions = [];
    private readonly List<uint> _processedOrder = [];
    private readonly List<int> _trail = [];

    /// <summary>Address strings formatted in this run (endpoints and the change rules of peel-chain hops meet the same addresses).</summary>
    private readonly Dictionary<uint, string> _addressTexts = [];
    private readonly Func<uint, string?> _addressText;
    private readonly Func<int, (uint Transaction, uint Vout)> _locateOutput;
    private readonly Func<uint, Cairn.Chains.Bitcoin.Hash256> _txid;
    private long[] _scratch;

    /// <summary>Per output number its <c>txid:vout</c>, formatted once when the result is read (none before).</summary>
    private string?[]? _references;
    private long _seedAmount;

    private const uint NoTransaction = uint.MaxValue;
    private long _fees;
    private long _poisonInflow;
    private int _visited;
    private int _coinJoinChecks;

    /// <summary>
    /// Held while a part of the result is made from this run's state after the trace (endpoints,
    /// paths, peel chains): those share the run's caches, and a result may be read from several threads.
    /// </summary>
    internal Lock Gate { get; } = new();

    public TraceRun(BitcoinIndex index, AddressClusters? clusters, ClusterAttribution? attribution, TraceRequest request, HeuristicFigures figures)
    {
        _index = index;
        _clusters = clusters;
        _attribution = attribution;
        _request = request;
        _figures = figures;
        _forward = request.Direction == TraceDirection.Forward;
        _timeLimit = request.TimeLimit is { } limit ? (uint)Math.Clamp(limit.ToUnixTimeSeconds(), 0, uint.MaxValue) : null;
        _checkClusterSize = clusters is not null && request.LargeClusterSize < uint.MaxValue;
        _addressText = AddressText;
        _locateOutput = LocateOutput;
        _txid = index.TransactionHash;
        _workspace = TraceWorkspace.Rent();
        (_outputIds, _queue, _scratch) = (_workspace.OutputIds, _workspace.Queue, _workspace.Scratch);
        _queue.Reset(descending: !_forward);
    }

    /// <summary>Headline precisions looked up in this run (the same few rules are quoted for every CoinJoin and peel chain met).</summary>
    private readonly Dictionary<string, MeasuredRate?> _precisions = new(StringComparer.Ordinal);

    private MeasuredRate? HeadlinePrecision(string rule)
    {
        ref var precision = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_precisions, rule, out var known);
        if (!known) precision = _figures.HeadlinePrecision(rule);
        return precision;
    }

    private string AddressText(uint address)
    {
        ref var text = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_addressTexts, address, out var known);
        if (!known) text = _index.AddressString(address);
        return text!;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public TraceResult Run(IReadOnlyList<uint> seeds)
    {
        long seedAmount = 0;
        foreach (var seed in seeds)
        {
            var number = OutputNumber(seed); // first: it may grow the array
            _outputs[number].IsSeed = true;
            seedAmount += _index.Value(seed);
        }
        foreach (var seed in seeds) Settle(seed, _index.Value(seed), 0, NoTransaction);
        while (_queue.TryDequeue(out var tx))
        {
            if (_visited >= _request.MaxTransactions)
            {
                _queue.Enqueue(tx);
                break;
            }
            if (_forward) ProcessForward(tx);
            else ProcessBackward(tx);
            _visited++;
        }
        var waiting = new List<int>();
        for (var number = 0; number < _outputIds.Count; number++)
            if (_outputs[number].HasPending) waiting.Add(number);
        waiting.Sort((a, b) => _outputs[a].Output.CompareTo(_outputs[b].Output));
        foreach (var number in waiting) _stops.Add(new TraceStop(number, _outputs[number].Pending, StopReason.WorkLimit));
        var seedNumbers = new int[seeds.Count];
        for (var i = 0; i < seedNumbers.Length; i++) seedNumbers[i] = _outputIds.Find(seeds[i]);
        _outputCount = _outputIds.Count;
        _workspace.Scratch = _scratch; // it may have grown
        TraceWorkspace.Return(_workspace);
        (_outputIds, _queue, _scratch) = (null!, null!, null!); // the next trace on this thread owns them now
        return BuildResult(seedNumbers, seedAmount);
    }

    /// <summary>Forward: inputs are the sources, outputs then the fee the destinations.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
        var contributorStart = _contributorCount;
        var hops = 0;
        long sourceTotal = 0, sourceTaintTotal = 0;
        for (var i = 0; i < inputCount; i++)
        {
            var spent = _index.SpentOutputOf(firstInput + (uint)i);
            sourceValues[i] = _index.Value(spent);
            sourceTotal += sourceValues[i];
            if (!TakePending(spent, out var number, out var taint)) continue;
            sourceTaint[i] = taint;
            sourceTaintTotal += taint;
            AddContributor(number);
            hops = Math.Max(hops, _outputs[number].Hops + 1);
        }
        MarkProcessed(tx, contributorStart);
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
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
        var contributorStart = _contributorCount;
        var hops = 0;
        long sourceTotal = 0, sourceTaintTotal = 0;
        for (var o = 0; o < outputCount; o++)
        {
            var output = firstOutput + (uint)o;
            sourceValues[o] = _index.Value(output);
            sourceTotal += sourceValues[o];
            if (!TakePending(output, out var number, out var taint)) continue;
            sourceTaint[o] = taint;
            sourceTaintTotal += taint;
            AddContributor(number);
            hops = Math.Max(hops, _outputs[number].Hops + 1);
        }
        MarkProcessed(tx, contributorStart);
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

    /// <summary>Takes the taint waiting at <paramref name="output"/> (false when none waits there).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TakePending(uint output, out int number, out long taint)
    {
        number = _outputIds.Find(output);
        taint = 0;
        if (number < 0 || !_outputs[number].HasPending) return false;
        ref var state = ref _outputs[number];
        taint = state.Pending;
        state.Pending = 0;
        state.HasPending = false;
        return true;
    }

    private void AddContributor(int number)
    {
        if (_contributorCount == _contributors.Length) Array.Resize(ref _contributors, 2 * _contributors.Length);
        _contributors[_contributorCount++] = number;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void MarkProcessed(uint tx, int contributorStart)
    {
        var number = TransactionNumber(tx); // first: it may grow the array
        ref var state = ref _transactions[number];
        state.Processed = true;
        state.ContributorStart = contributorStart;
        state.ContributorCount = _contributorCount - contributorStart;
        _processedOrder.Add(tx);
    }

    /// <summary>The output's number, giving it one (and a cleared state) when first met.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int OutputNumber(uint output)
    {
        var number = _outputIds.GetOrAdd(output, out var added);
        if (!added) return number;
        if (number == _outputs.Length) Array.Resize(ref _outputs, 2 * _outputs.Length);
        _outputs[number] = new OutputState { Output = output, Transaction = NoTransaction, ContributorsAt = OutputState.Unresolved };
        return number;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int TransactionNumber(uint tx)
    {
        var number = _transactionIds.GetOrAdd(tx, out var added);
        if (!added) return number;
        if (number == _transactions.Length) Array.Resize(ref _transactions, 2 * _transactions.Length);
        _transactions[number] = default;
        return number;
    }

    /// <summary>
    /// A cleared span from one buffer kept for the whole run (no arrays per transaction), laid out as
    /// source values and taint (<paramref name="sources"/> each), then destination values and taint.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Span<long> Scratch(int sources, int destinations)
    {
        var needed = 2 * (sources + destinations);
        if (_scratch.Length < needed) _scratch = new long[Math.Max(needed, 2 * _scratch.Length)];
        var span = _scratch.AsSpan(0, needed);
        span.Clear();
        return span;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Settle(uint output, long taint, int hops, uint transaction)
    {
        var number = OutputNumber(output);
        _outputs[number].Hops = hops;
        _outputs[number].Transaction = transaction;
        var address = _index.AddressOf(output);
        if (hops > 0 && address != uint.MaxValue)
        {
            if (_attribution?.Lookup(address) is { } attribution && _request.StopCategories.Contains(attribution.Category))
            {
                Stop(number, taint, StopReason.Attributed);
                return;
            }
            if (_checkClusterSize && _clusters!.SizeOf(_clusters.ClusterOf(address)) > _request.LargeClusterSize
                && _attribution?.Lookup(address) is null)
            {
                Stop(number, taint, StopReason.UnattributedLargeCluster);
                return;
            }
        }
        uint next;
        if (_forward)
        {
            if (_index.SpenderOf(output) is not { } spender)
            {
                Stop(number, taint, StopReason.Unspent);
                return;
            }
            next = spender;
        }
        else
        {
            next = _index.TransactionOfOutput(output);
            if (_index.TransactionFlags(next).HasFlag(TxFlags.Coinbase))
            {
                Stop(number, taint, StopReason.Coinbase);
                return;
            }
        }
        if (taint < _request.MinAmountSat) Stop(number, taint, StopReason.BelowMin);
        else if (hops >= _request.MaxHops) Stop(number, taint, StopReason.MaxHops);
        else if (OutsideTimeWindow(next)) Stop(number, taint, StopReason.TimeWindow);
        else if (_index.TransactionFlags(next).HasFlag(TxFlags.MwebHogEx)) Stop(number, taint, StopReason.Mweb);
        else
        {
            var transactionNumber = TransactionNumber(next); // first: it may grow the array
            ref var state = ref _transactions[transactionNumber];
            if (IsCoinJoinStop(next, ref state)) Stop(number, taint, StopReason.Coinjoin);
            else
            {
                _outputs[number].Pending += taint;
                _outputs[number].HasPending = true;
                if (!state.Queued)
                {
                    state.Queued = true;
                    _queue.Enqueue(next);
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool OutsideTimeWindow(uint tx)
    {
        if (_timeLimit is not { } limit) return false;
        var time = _index.BlockTimeOf(_index.HeightOf(tx));
        return _forward ? time > limit : time < limit;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool IsCoinJoinStop(uint tx, ref TransactionState state)
    {
        if (state.CoinJoinChecked) return state.CoinJoinStop;
        // IsCoinJoin says whether Detect names a CoinJoin without building the verdict, which waits for the result to be read.
        var isCoinJoin = CoinJoinDetector.IsCoinJoin(_index, tx);
        if (isCoinJoin) _coinJoinTransactions.Add(tx);
        state.CoinJoinChecked = true;
        state.CoinJoinStop = isCoinJoin && !_request.ThroughCoinJoin;
        _coinJoinChecks++;
        return state.CoinJoinStop;
    }

    private void Stop(int number, long taint, StopReason reason) => _stops.Add(new TraceStop(number, taint, reason));
}
