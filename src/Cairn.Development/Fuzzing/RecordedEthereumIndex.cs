using System.Text.Json;
using Cairn.Chains.Ethereum.Ingest;
using Cairn.Chains.Ethereum.Model;
using Cairn.Chains.Ethereum.Transfers;
using Cairn.Index.Ethereum;

namespace Cairn.Development.Fuzzing;

/// <summary>
/// A small Ethereum index built without a node, from the node answers ethereum-etl records for its own tests
/// (<c>ethereum-etl/tests/resources/test_stream/blocks_1755634_1755635</c> in the shared data: two mainnet blocks and the receipts
/// of their transactions), so that the API fuzz pass can send the Ethereum lookups real addresses and transactions. The blocks go
/// through the same parsers and transfer decoding as an ingest (native value, ERC-20 logs); internal transfers need a trace
/// answer, which the recording does not hold, so there are none.
/// </summary>
public static class RecordedEthereumIndex
{
    private const string Recording = "ethereum-etl/tests/resources/test_stream/blocks_1755634_1755635";

    /// <summary>
    /// Writes <c>&lt;data&gt;/eth-index</c> from the recording under <paramref name="sharedData"/> and answers a transaction of it and
    /// its sender; null (and nothing written) when the shared data lacks the recording.
    /// </summary>
    public static (string Address, string Transaction)? WriteInto(string dataDirectory, string sharedData)
    {
        var directory = Path.Combine(sharedData, Recording);
        if (!Directory.Exists(directory)) return null;
        var blocks = Directory.GetFiles(directory, "web3_response.eth_getBlockByNumber_0x*_true.json").Select(f => EthJson.ParseBlock(Result(f))).OrderBy(b => b.Number).ToList();
        var receipts = Directory.GetFiles(directory, "web3_response.eth_getTransactionReceipt_*.json").Select(f => EthJson.ParseReceipt(Result(f))).ToDictionary(r => r.TransactionHash, StringComparer.OrdinalIgnoreCase);
        var first = blocks.SelectMany(b => b.Transactions).FirstOrDefault(t => t.Value.Sign > 0);
        if (blocks.Count == 0 || first is null) return null;
        using (var writer = EthereumIndexWriter.Open(Path.Combine(dataDirectory, "eth-index")))
        {
            foreach (var block in blocks) writer.Append(Bundle(block, receipts));
            writer.Commit();
            writer.RebuildAdjacency();
        }
        return (first.From, first.Hash);
    }

    /// <summary>The block with its receipts and value transfers, as an ingest bundles them (EthBlockFetcher), without internal transfers.</summary>
    private static EthBlockBundle Bundle(EthBlock block, Dictionary<string, EthReceipt> receipts)
    {
        var blockReceipts = new List<EthReceipt>();
        var transfers = new List<ValueTransfer>();
        // The writer pairs receipts with transactions by position: they stop at the first transaction the recording has none for.
        var aligned = true;
        foreach (var tx in block.Transactions)
        {
            var receipt = receipts.GetValueOrDefault(tx.Hash);
            aligned &= receipt is not null;
            if (aligned) blockReceipts.Add(receipt!);
            if (receipt?.Succeeded == false) continue;
            var to = tx.To ?? receipt?.ContractAddress;
            if (tx.Value.Sign > 0 && to is not null) transfers.Add(new ValueTransfer(TransferKind.Native, tx.From, to, null, tx.Value, null, tx.Hash, block.Number, 0));
            if (receipt is not null) transfers.AddRange(TokenTransferDecoder.DecodeAll(receipt.Logs));
        }
        return new EthBlockBundle(block, blockReceipts, transfers);
    }

    private static JsonElement Result(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(file));
        var root = document.RootElement;
        return (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("result", out var result) ? result : root).Clone();
    }
}
