using Cairn.Chains.Bitcoin;
using Cairn.Chains.Ethereum.Encoding;
using Cairn.Chains.Ethereum.Model;
using Cairn.Chains.Ethereum.Traces;

namespace Cairn.Development.Fuzzing;

public static partial class FuzzCatalogue
{
    private static IEnumerable<FuzzTarget> Bitcoin(FuzzSeeds seeds)
    {
        var blocks = seeds.SharedHex("nbitcoin/block169482.txt", "rust-bitcoin/p2p/tests/data/block_13b8a.hex")
            .Concat(seeds.Shared("rust-bitcoin/bitcoin/tests/data", "testnet_block_*.raw")).ToList();
        yield return new FuzzTarget("btc-block", "Bitcoin block (header, transactions, witnesses, scripts, addresses)", FuzzInputKind.Binary, blocks, input =>
        {
            var block = Block.Parse(input);
            foreach (var output in block.Transactions.SelectMany(t => t.Outputs)) _ = (output.ScriptType, AddressCodec.FromScript(output.ScriptPubKey, Network.Main));
            _ = block.MerkleRootMatches;
            _ = block.WitnessCommitmentMatches;
        });

        // tx_valid.json rows are [[prevouts…], "serialized transaction hex", "flags"].
        var transactions = seeds.SharedJsonStrings("nbitcoin/tx_valid.json",
            root => root.EnumerateArray().Where(r => r.GetArrayLength() == 3).Select(r => r[1].GetString()), 150)
            .Select(hex => Convert.FromHexString(System.Text.Encoding.ASCII.GetString(hex))).ToList();
        yield return new FuzzTarget("btc-transaction", "Bitcoin transaction (legacy and segwit serialisation)", FuzzInputKind.Binary, transactions, input =>
        {
            var transaction = Transaction.Parse(input);
            _ = (transaction.TxId, transaction.WitnessTxId, transaction.Weight);
        });

        var blockFiles = seeds.Shared("nbitcoin/blocks", "blk*.dat");
        var scratch = Directory.CreateTempSubdirectory("cairn-fuzz-blk-").FullName;
        yield return new FuzzTarget("btc-block-file", "Bitcoin Core block file (blkNNNNN.dat: magic, length, block)", FuzzInputKind.Binary, blockFiles, input =>
        {
            File.WriteAllBytes(Path.Combine(scratch, "blk00000.dat"), input);
            foreach (var record in new BlockFileReader(scratch, Network.Main).ReadAll()) _ = Block.Parse(record.RawBlock.Span);
        });

        var addresses = seeds.SharedJsonStrings("bitcoin-core/src/test/data/key_io_valid.json", root => root.EnumerateArray().Select(r => r[0].GetString()))
            .Concat(seeds.SharedJsonStrings("bitcoin-core/src/test/data/key_io_invalid.json", root => root.EnumerateArray().Select(r => r[0].GetString())))
            .Concat(seeds.SharedJsonStrings("nbitcoin/base58_keys_valid.json", root => root.EnumerateArray().Select(r => r[0].GetString()), 50)).ToList();
        yield return new FuzzTarget("btc-address", "Bitcoin addresses of every format (Base58Check P2PKH/P2SH, Bech32 v0, Bech32m v1+, every network)", FuzzInputKind.Text, addresses, input =>
        {
            var text = Text(input);
            _ = AddressCodec.Decode(text);
            foreach (var network in Network.All) _ = AddressCodec.TryDecode(text, network, out _, out _);
        });
    }

    private static IEnumerable<FuzzTarget> Ethereum(FuzzSeeds seeds)
    {
        var rlp = seeds.Shared("ethereum-tests", "*.json").SelectMany(file =>
        {
            using var document = System.Text.Json.JsonDocument.Parse(file);
            return document.RootElement.EnumerateObject()
                .Select(t => t.Value.TryGetProperty("out", out var hex) ? hex.GetString() : null).OfType<string>()
                .Where(h => h.Length % 2 == 0 && h.All(c => Uri.IsHexDigit(c) || c is 'x'))
                .Select(h => Convert.FromHexString(h.StartsWith("0x", StringComparison.Ordinal) ? h[2..] : h)).ToList();
        }).ToList();
        yield return new FuzzTarget("eth-rlp", "Ethereum RLP (Yellow Paper appendix B)", FuzzInputKind.Binary, rlp, input => _ = Rlp.Decode(input));

        var addresses = seeds.Shared("ofac-sanctioned-digital-currency-addresses", "sanctioned_addresses_ETH.txt")
            .SelectMany(f => Text(f).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Take(40)
            .SelectMany(a => new[] { a, a.ToLowerInvariant(), EthAddress.ToChecksum(a.ToLowerInvariant()) }).Select(Utf8).ToList();
        yield return new FuzzTarget("eth-address", "Ethereum addresses (hex, EIP-55 checksums)", FuzzInputKind.Text, addresses, input => _ = EthAddress.Normalize(Text(input)));

        var blocks = seeds.Shared("ethereum-etl", "web3_response.eth_getBlockByNumber_*.json");
        yield return new FuzzTarget("eth-block-json", "Ethereum node answer: eth_getBlockByNumber with transactions", FuzzInputKind.Json, blocks, input =>
        {
            using var document = ParseJson(input, "eth_getBlockByNumber");
            _ = EthJson.ParseBlock(ResultOf(document.RootElement));
        });
        var receipts = seeds.Shared("ethereum-etl", "web3_response.eth_getTransactionReceipt_*.json");
        yield return new FuzzTarget("eth-receipt-json", "Ethereum node answer: eth_getTransactionReceipt with logs", FuzzInputKind.Json, receipts, input =>
        {
            using var document = ParseJson(input, "eth_getTransactionReceipt");
            _ = EthJson.ParseReceipt(ResultOf(document.RootElement));
        });
        var traces = seeds.Shared("ethereum-etl", "web3_response.trace_block_*.json");
        if (traces.Count > 0)
            yield return new FuzzTarget("eth-trace-json", "Ethereum node answer: trace_block (Parity/OpenEthereum call frames)", FuzzInputKind.Json, traces, input =>
            {
                using var document = ParseJson(input, "trace_block");
                _ = ParityTraceFrames.Parse(ResultOf(document.RootElement));
            });
    }

    /// <summary>The JSON-RPC "result" member when there is one (recorded answers carry it), else the document.</summary>
    private static System.Text.Json.JsonElement ResultOf(System.Text.Json.JsonElement root) =>
        root.ValueKind == System.Text.Json.JsonValueKind.Object && root.TryGetProperty("result", out var result) ? result : root;
}
