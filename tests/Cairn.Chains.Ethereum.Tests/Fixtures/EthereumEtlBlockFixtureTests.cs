using System.Globalization;
using System.Text.Json;
using Cairn.Chains.Ethereum.Model;
using Cairn.Chains.Ethereum.Transfers;
using Cairn.TestSupport;

namespace Cairn.Chains.Ethereum.Tests.Fixtures;

/// <summary>
/// Real mainnet JSON-RPC responses recorded by ethereum-etl (../shared/data/ethereum-etl) parse
/// into the blocks, transactions, logs and token transfers its expected exports list.
/// </summary>
public class EthereumEtlBlockFixtureTests
{
    public static TheoryData<string> BlockResponses() => new(
        Directory.GetFiles(SharedData.EthereumEtl("test_export_blocks_job"), "web3_response.eth_getBlockByNumber_*_true.json", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(SharedData.EthereumEtl(), p)).Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(BlockResponses))]
    public void ParseBlock_MainnetResponse_YieldsTheExpectedTransactions(string relativePath)
    {
        var block = EthJson.ParseBlock(Result(SharedData.EthereumEtl(relativePath)));
        var expectedBlocks = Csv.Read(Path.Combine(Path.GetDirectoryName(SharedData.EthereumEtl(relativePath))!, "expected_blocks.csv"));
        var expectedBlock = expectedBlocks.Single(b => long.Parse(b["number"], CultureInfo.InvariantCulture) == block.Number);
        Assert.Equal(expectedBlock["hash"], block.Hash);
        Assert.Equal(expectedBlock["parent_hash"], block.ParentHash);
        Assert.Equal(expectedBlock["timestamp"], block.Timestamp.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(int.Parse(expectedBlock["transaction_count"], CultureInfo.InvariantCulture), block.Transactions.Count);
        var expected = Csv.Read(Path.Combine(Path.GetDirectoryName(SharedData.EthereumEtl(relativePath))!, "expected_transactions.csv"))
            .Where(t => long.Parse(t["block_number"], CultureInfo.InvariantCulture) == block.Number)
            .Select(t => (t["hash"], t["from_address"], t["to_address"], t["value"], t["transaction_index"]));
        var actual = block.Transactions.Select(t => (t.Hash, t.From, t.To ?? "", t.Value.ToString(CultureInfo.InvariantCulture), t.TransactionIndex.ToString(CultureInfo.InvariantCulture)));
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void ParseReceipt_MainnetReceipts_YieldTheExpectedLogsAndStatus()
    {
        var directory = SharedData.EthereumEtl("test_export_receipts_job", "receipts_with_logs");
        var receipts = Directory.GetFiles(directory, "web3_response.eth_getTransactionReceipt_*.json").Select(p => EthJson.ParseReceipt(Result(p))).ToList();
        var expectedReceipts = Csv.Read(Path.Combine(directory, "expected_receipts.csv"));
        Assert.Equal(expectedReceipts.Count, receipts.Count);
        foreach (var expected in expectedReceipts)
        {
            var receipt = receipts.Single(r => r.TransactionHash == expected["transaction_hash"]);
            Assert.Equal(expected["gas_used"], receipt.GasUsed.ToString(CultureInfo.InvariantCulture));
            Assert.Equal(expected["cumulative_gas_used"], receipt.CumulativeGasUsed.ToString(CultureInfo.InvariantCulture));
            Assert.Equal(expected["root"], receipt.Root);
            Assert.Null(receipt.Succeeded); // pre-Byzantium: a state root, no status
        }
        var expectedLogs = Csv.Read(Path.Combine(directory, "expected_logs.csv"))
            .Select(l => (l["log_index"], l["transaction_hash"], l["address"], l["data"], l["topics"]));
        var actualLogs = receipts.SelectMany(r => r.Logs).OrderBy(l => l.LogIndex)
            .Select(l => (l.LogIndex.ToString(CultureInfo.InvariantCulture), l.TransactionHash, l.Address, l.Data, string.Join(',', l.Topics)));
        Assert.Equal(expectedLogs, actualLogs);
    }

    [Fact]
    public void DecodeAll_FilterLogsOfBlock483920_YieldsTheExpectedTokenTransfers()
    {
        var directory = SharedData.EthereumEtl("test_export_token_transfers_job", "block_with_transfers");
        var logs = Result(Path.Combine(directory, "web3_response.eth_getFilterLogs_0x0.json")).EnumerateArray().Select(EthJson.ParseLog);
        AssertTransfers(Csv.Read(Path.Combine(directory, "expected_token_transfers.csv")), TokenTransferDecoder.DecodeAll(logs));
    }

    [Fact]
    public void DecodeAll_LogsCsvWithANonTransferEvent_YieldsOnlyTheTransfers()
    {
        var directory = SharedData.EthereumEtl("test_extract_token_transfers_job", "logs");
        var logs = Csv.Read(Path.Combine(directory, "logs.csv")).Select(l => new EthLog(
            l["address"], l["topics"].Split(','), l["data"], int.Parse(l["log_index"], CultureInfo.InvariantCulture),
            l["transaction_hash"], int.Parse(l["transaction_index"], CultureInfo.InvariantCulture), long.Parse(l["block_number"], CultureInfo.InvariantCulture)));
        AssertTransfers(Csv.Read(Path.Combine(directory, "expected_token_transfers.csv")), TokenTransferDecoder.DecodeAll(logs));
    }

    [Theory]
    [InlineData("blocks_1755634_1755635")]
    [InlineData("blocks_17173049_17173050")]
    public void DecodeAll_StreamedMainnetLogs_YieldTheExpectedTokenTransfers(string folder)
    {
        var directory = SharedData.EthereumEtl("test_stream", folder);
        // ethereum-etl's export schema (snake_case, plain numbers), not the JSON-RPC one.
        var logs = JsonLines(Path.Combine(directory, "expected_logs.json")).Select(l => new EthLog(
            l.GetProperty("address").GetString()!, l.GetProperty("topics").EnumerateArray().Select(t => t.GetString()!).ToList(),
            l.GetProperty("data").GetString()!, l.GetProperty("log_index").GetInt32(), l.GetProperty("transaction_hash").GetString()!,
            l.GetProperty("transaction_index").GetInt32(), l.GetProperty("block_number").GetInt64())).ToList();
        var expected = JsonLines(Path.Combine(directory, "expected_token_transfers.json")).Select(t => new Dictionary<string, string>
        {
            ["token_address"] = t.GetProperty("token_address").GetString()!,
            ["from_address"] = t.GetProperty("from_address").GetString()!,
            ["to_address"] = t.GetProperty("to_address").GetString()!,
            ["value"] = t.GetProperty("value").GetRawText(),
            ["transaction_hash"] = t.GetProperty("transaction_hash").GetString()!,
            ["log_index"] = t.GetProperty("log_index").GetRawText(),
        }).ToList();
        Assert.True(expected.Count > 0);
        AssertTransfers(expected, TokenTransferDecoder.DecodeAll(logs));
    }

    private static void AssertTransfers(List<Dictionary<string, string>> expected, IEnumerable<ValueTransfer> actual)
    {
        var expectedRows = expected.Select(t => (t["token_address"], t["from_address"], t["to_address"], t["value"], t["transaction_hash"], t["log_index"]))
            .OrderBy(t => t.Item5, StringComparer.Ordinal).ThenBy(t => int.Parse(t.Item6, CultureInfo.InvariantCulture)).ToList();
        var actualRows = actual.Select(t => (t.Token!, t.From, t.To, (t.TokenId ?? t.Value).ToString(CultureInfo.InvariantCulture), t.TransactionHash, t.Ordinal.ToString(CultureInfo.InvariantCulture)))
            .OrderBy(t => t.TransactionHash, StringComparer.Ordinal).ThenBy(t => int.Parse(t.Item6, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(expectedRows, actualRows);
    }

    internal static JsonElement Result(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.GetProperty("result").Clone();
    }

    private static IEnumerable<JsonElement> JsonLines(string path) =>
        File.ReadLines(path).Where(l => l.Trim().Length > 0).Select(l =>
        {
            using var document = JsonDocument.Parse(l);
            return document.RootElement.Clone();
        });
}
