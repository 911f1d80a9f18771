using System.Text.Json;
using Cairn.Chains.Ethereum.Encoding;
using Cairn.Chains.Ethereum.Model;
using Cairn.Chains.Ethereum.Rpc;
using Cairn.Chains.Ethereum.Traces;
using Cairn.Chains.Ethereum.Transfers;
using Cairn.Core;

namespace Cairn.Chains.Ethereum.Ingest;

/// <summary>
/// Fetches ranges of blocks over JSON-RPC with all their value transfers: full blocks and
/// receipts in batches, then internal transfers from the best trace method the node offers
/// (<see cref="TraceMode"/>): <c>debug_traceBlockByNumber</c> with callTracer, else
/// <c>debug_traceTransaction</c> with callTracer, else its struct logs, else none (and
/// <see cref="TraceNote"/> says so).
/// </summary>
public sealed class EthBlockFetcher(EthJsonRpcClient client)
{
    private static readonly Dictionary<string, object> CallTracer = new() { ["tracer"] = "callTracer" };
    private static readonly Dictionary<string, object> StructLogOptions = new() { ["disableMemory"] = true, ["disableStorage"] = true };

    public TraceMode TraceMode { get; private set; } = TraceMode.Unknown;

    /// <summary>A sentence for the user when internal transfers are incomplete; null when traces are available.</summary>
    public string? TraceNote => TraceMode == TraceMode.None
        ? $"the node at {client.DisplayEndpoint} offers neither debug_traceBlockByNumber nor debug_traceTransaction: internal (contract) ETH transfers are not indexed"
        : null;

    public async Task<long> LatestBlockNumberAsync(CancellationToken cancellationToken = default) =>
        Hex.ToInt64((await client.CallAsync("eth_blockNumber", [], cancellationToken).ConfigureAwait(false)).GetString() ?? "0x0", "block number");

    /// <summary>Block hashes for the given numbers (for re-checking the tip after a reorganisation); null where the node has no such block.</summary>
    public async Task<IReadOnlyList<string?>> BlockHashesAsync(IReadOnlyList<long> numbers, CancellationToken cancellationToken = default)
    {
        var responses = await client.BatchAsync(numbers.Select(n => new JsonRpcRequest("eth_getBlockByNumber", Hex.FromQuantity(n), false)).ToList(), cancellationToken).ConfigureAwait(false);
        return responses.Select((r, i) => r.IsError
            ? throw new CairnException($"eth_getBlockByNumber({numbers[i]}) at {client.DisplayEndpoint} failed: {r.Error!.Message}")
            : r.IsNull ? null : EthJson.String(r.Result, "hash").ToLowerInvariant()).ToList();
    }

    /// <summary>Fetches blocks [<paramref name="first"/>, <paramref name="last"/>] with receipts and transfers.</summary>
    public async Task<IReadOnlyList<EthBlockBundle>> FetchAsync(long first, long last, CancellationToken cancellationToken = default)
    {
        var numbers = Enumerable.Range(0, checked((int)(last - first + 1))).Select(i => first + i).ToList();
        var blockResponses = await client.BatchAsync(numbers.Select(n => new JsonRpcRequest("eth_getBlockByNumber", Hex.FromQuantity(n), true)).ToList(), cancellationToken).ConfigureAwait(false);
        var blocks = blockResponses.Select((r, i) => r.IsError || r.IsNull
            ? throw new CairnException($"eth_getBlockByNumber({numbers[i]}) at {client.DisplayEndpoint} failed: {(r.IsError ? r.Error!.Message : "no such block")}")
            : EthJson.ParseBlock(r.Result)).ToList();
        var transactions = blocks.SelectMany(b => b.Transactions).ToList();
        var receiptResponses = await client.BatchAsync(transactions.Select(t => new JsonRpcRequest("eth_getTransactionReceipt", t.Hash)).ToList(), cancellationToken).ConfigureAwait(false);
        var receipts = receiptResponses.Select((r, i) => r.IsError || r.IsNull
            ? throw new CairnException($"eth_getTransactionReceipt({transactions[i].Hash}) at {client.DisplayEndpoint} failed: {(r.IsError ? r.Error!.Message : "no receipt")}")
            : EthJson.ParseReceipt(r.Result)).ToDictionary(r => r.TransactionHash);
        var frames = await TraceAsync(blocks, receipts, cancellationToken).ConfigureAwait(false);
        return blocks.Select(block => Bundle(block, receipts, frames)).ToList();
    }

    private static EthBlockBundle Bundle(EthBlock block, Dictionary<string, EthReceipt> receipts, Dictionary<string, List<CallFrame>> frames)
    {
        var transfers = new List<ValueTransfer>();
        var blockReceipts = new List<EthReceipt>();
        foreach (var tx in block.Transactions)
        {
            var receipt = receipts[tx.Hash];
            blockReceipts.Add(receipt);
            if (receipt.Succeeded == false) continue;
            var to = tx.To ?? receipt.ContractAddress;
            if (tx.Value.Sign > 0 && to is not null)
                transfers.Add(new ValueTransfer(TransferKind.Native, tx.From, to, null, tx.Value, null, tx.Hash, block.Number, 0));
            if (frames.TryGetValue(tx.Hash, out var txFrames))
                transfers.AddRange(InternalTransfers.FromFrames(txFrames, tx.Hash, block.Number));
            transfers.AddRange(TokenTransferDecoder.DecodeAll(receipt.Logs));
        }
        return new EthBlockBundle(block, blockReceipts, transfers);
    }

    private async Task<Dictionary<string, List<CallFrame>>> TraceAsync(List<EthBlock> blocks, Dictionary<string, EthReceipt> receipts, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, List<CallFrame>>();
        var withTransactions = blocks.Where(b => b.Transactions.Count > 0).ToList();
        if (withTransactions.Count == 0) return result;
        if (TraceMode == TraceMode.Unknown) TraceMode = await DetectAsync(withTransactions[0], cancellationToken).ConfigureAwait(false);
        switch (TraceMode)
        {
            case TraceMode.CallTracerBlock:
                var blockTraces = await client.BatchAsync(withTransactions.Select(b => new JsonRpcRequest("debug_traceBlockByNumber", Hex.FromQuantity(b.Number), CallTracer)).ToList(), cancellationToken).ConfigureAwait(false);
                for (var i = 0; i < withTransactions.Count; i++)
                {
                    var perTransaction = CallTracerFrames.FlattenBlock(Require(blockTraces[i], "debug_traceBlockByNumber", withTransactions[i].Number.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                    for (var t = 0; t < perTransaction.Count && t < withTransactions[i].Transactions.Count; t++)
                        result[withTransactions[i].Transactions[t].Hash] = perTransaction[t];
                }
                break;
            case TraceMode.CallTracerTransaction:
            case TraceMode.StructLogs:
                var transactions = withTransactions.SelectMany(b => b.Transactions).Where(t => receipts[t.Hash].Succeeded != false).ToList();
                var options = TraceMode == TraceMode.StructLogs ? StructLogOptions : CallTracer;
                var traces = await client.BatchAsync(transactions.Select(t => new JsonRpcRequest("debug_traceTransaction", t.Hash, options)).ToList(), cancellationToken).ConfigureAwait(false);
                for (var i = 0; i < transactions.Count; i++)
                {
                    var tx = transactions[i];
                    var trace = Require(traces[i], "debug_traceTransaction", tx.Hash);
                    var receipt = receipts[tx.Hash];
                    result[tx.Hash] = TraceMode == TraceMode.StructLogs
                        ? StructLogFrames.Rebuild(trace, tx.TransactionIndex, tx.From, tx.To, receipt.ContractAddress, tx.Value, receipt.Succeeded != false)
                        : CallTracerFrames.Flatten(trace, tx.TransactionIndex);
                }
                break;
        }
        return result;
    }

    private async Task<TraceMode> DetectAsync(EthBlock block, CancellationToken cancellationToken)
    {
        var probe = await client.BatchAsync(
            [
                new JsonRpcRequest("debug_traceBlockByNumber", Hex.FromQuantity(block.Number), CallTracer),
                new JsonRpcRequest("debug_traceTransaction", block.Transactions[0].Hash, CallTracer),
            ], cancellationToken).ConfigureAwait(false);
        if (!probe[0].IsError && probe[0].Result.ValueKind == JsonValueKind.Array) return TraceMode.CallTracerBlock;
        if (probe[1].IsError) return TraceMode.None;
        // Ganache accepts the tracer option but ignores it and answers with struct logs.
        return probe[1].Result.TryGetProperty("structLogs", out _) ? TraceMode.StructLogs : TraceMode.CallTracerTransaction;
    }

    private JsonElement Require(JsonRpcResponse response, string method, string subject) =>
        response.IsError
            ? throw new CairnException($"{method}({subject}) at {client.DisplayEndpoint} failed: {response.Error!.Message}")
            : response.Result;
}
