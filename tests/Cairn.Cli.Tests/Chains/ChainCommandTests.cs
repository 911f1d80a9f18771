using System.Text.Json;
using Cairn.Cli.Tests.Cases;
using Cairn.TestSupport;

namespace Cairn.Cli.Tests.Chains;

/// <summary>
/// The chain seam from the command line: `cairn chains`, and the per-chain groups the registry builds
/// (`cairn ltc …`, `cairn bch …`, `cairn doge …`) and `--chain` on trace, cluster and screen, run on
/// real blocks of those chains (tests/data/chains).
/// </summary>
public sealed class ChainCommandTests : IDisposable
{
    private readonly TempDataDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public void Chains_AsJson_ListsEveryChainWithWhatItSupports()
    {
        var result = _data.Run("chains", "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var chains = json.RootElement.EnumerateArray().ToDictionary(c => c.GetProperty("id").GetString()!);
        Assert.Equal(["btc", "ltc", "bch", "doge", "eth", "bsc", "polygon", "arbitrum", "base", "trx"], chains.Keys);
        Assert.True(chains["ltc"].GetProperty("support").GetProperty("ingest_block_files").GetBoolean());
        Assert.True(chains["ltc"].GetProperty("network").GetProperty("mweb").GetBoolean());
        Assert.Equal("fbc0b6db", chains["ltc"].GetProperty("network").GetProperty("magic").GetString());
        Assert.Equal(56, chains["bsc"].GetProperty("evm_chain_id").GetInt64());
        Assert.False(chains["trx"].GetProperty("support").GetProperty("trace").GetBoolean());
        Assert.True(chains["trx"].GetProperty("support").GetProperty("screen").GetBoolean());
        Assert.Contains("screening only", chains["trx"].GetProperty("limitation").GetString(), StringComparison.Ordinal);
        Assert.False(chains["ltc"].GetProperty("indexed").GetBoolean());
    }

    [Fact]
    public void LitecoinBlockFiles_IngestIntoLtcIndex_ThenStatsTxAddressTraceAndCluster()
    {
        var blocks = Directory.CreateDirectory(Path.Combine(_data.Path, "ltc-blocks")).FullName;
        File.Copy(SharedData.ChainData("ltc", "mainnet-blk-0-to-4.dat"), Path.Combine(blocks, "blk00000.dat"));

        var ingest = _data.Run("ltc", "ingest", "--blocks", blocks, "--json");
        Assert.Equal(0, ingest.ExitCode);
        Assert.True(Directory.Exists(Path.Combine(_data.Path, "ltc-index")));
        Assert.False(Directory.Exists(Path.Combine(_data.Path, "btc-index")));

        var stats = _data.Run("ltc", "stats", "--json");
        Assert.Equal(0, stats.ExitCode);
        using (var json = JsonDocument.Parse(stats.Output))
        {
            Assert.Equal("ltc-main", json.RootElement.GetProperty("network").GetString());
            Assert.Equal(4, json.RootElement.GetProperty("height").GetInt64());
        }

        // Block 1's coinbase, paid to a key: shown under its Litecoin key-hash address.
        var tx = _data.Run("ltc", "tx", "--json", TxOfBlock(1));
        Assert.Equal(0, tx.ExitCode);
        using var txJson = JsonDocument.Parse(tx.Output);
        var address = txJson.RootElement.GetProperty("outputs")[0].GetProperty("address").GetString()!;
        Assert.StartsWith("L", address, StringComparison.Ordinal);

        Assert.Equal(0, _data.Run("ltc", "address", address, "--json").ExitCode);
        var trace = _data.Run("trace", "--chain", "ltc", "--from", address, "--json", "--no-intel");
        Assert.Equal(0, trace.ExitCode);
        var schemaErrors = Cairn.TestSupport.Schemas.SchemaCheck.Errors(Cairn.TestSupport.Schemas.SchemaCheck.RepositoryFile("docs", "schemas", "trace-report.schema.json"),
            System.Text.Json.Nodes.JsonNode.Parse(trace.Output));
        Assert.True(schemaErrors.Count == 0, string.Join("; ", schemaErrors));
        using (var json = JsonDocument.Parse(trace.Output))
        {
            Assert.Equal("ltc", json.RootElement.GetProperty("chain").GetString());
            Assert.Equal("unspent", json.RootElement.GetProperty("endpoints")[0].GetProperty("reason").GetString());
        }
        var cluster = _data.Run("cluster", "--chain", "ltc", address, "--json", "--no-intel");
        Assert.Equal(0, cluster.ExitCode);
        // Bitcoin's commands do not see Litecoin's index.
        var btc = _data.Run("btc", "stats");
        Assert.Equal(1, btc.ExitCode);
        Assert.Contains("no Bitcoin index", btc.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void BitcoinCashAddress_DecodesFromCashAddrOrLegacy_ToTheSameScript()
    {
        var cash = _data.Run("bch", "decode-address", "bitcoincash:qpf2cphc5dkuclkqur7lhj2yuqq9pk3hmukle77vhq", "--json");
        var legacy = _data.Run("bch", "decode-address", "18M8bJWMzWHDBMxoLqjHHAffdRy4SrzkfB", "--json");

        Assert.Equal(0, cash.ExitCode);
        Assert.Equal(0, legacy.ExitCode);
        using var json = JsonDocument.Parse(cash.Output);
        Assert.Equal("bch-main", json.RootElement.GetProperty("network").GetString());
        Assert.Equal("p2pkh", json.RootElement.GetProperty("type").GetString());
    }

    [Fact]
    public void DogecoinAuxPowBlock_IsShownWithItsParentBlock()
    {
        var result = _data.Run("doge", "block", SharedData.ChainData("doge", "dogecoin_block371337.bin"), "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal("60323982f9c5ff1b5a954eac9dc1269352835f47c2c5222691d80f0d50dcf053", json.RootElement.GetProperty("hash").GetString());
        Assert.Equal("45df41e40aba5b2a03d08bd1202a1c02ef3954d8aa22ea6c5ae62fd00f290ea9", json.RootElement.GetProperty("aux_pow").GetProperty("parent_block_hash").GetString());
        var addresses = json.RootElement.GetProperty("transactions").EnumerateArray().SelectMany(t => t.GetProperty("outputs").EnumerateArray())
            .Select(o => o.GetProperty("address").GetString()).OfType<string>().ToList();
        Assert.NotEmpty(addresses);
        Assert.All(addresses, a => Assert.StartsWith("D", a, StringComparison.Ordinal));
    }

    [Fact]
    public void LitecoinMwebBlock_ShowsItsExtension_AndAsBitcoinIsAOneLineError()
    {
        var file = SharedData.ChainData("ltc", "testnet4Block2215584.dat");
        var ltc = _data.Run("ltc", "block", file, "--network", "testnet4", "--json");
        var btc = _data.Run("btc", "block", file);

        Assert.Equal(0, ltc.ExitCode);
        using var json = JsonDocument.Parse(ltc.Output);
        Assert.Equal(2215584, json.RootElement.GetProperty("mweb").GetProperty("height").GetInt32());
        Assert.Equal(1, btc.ExitCode);
        Assert.Single(btc.Error.Trim().Split('\n'));
        Assert.Contains("unknown segwit flag 0x08", btc.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Screen_WithChainBch_HitsTheOfacCashAddrInItsPrefixedForm()
    {
        Assert.Equal(0, _data.Run("intel", "import", "ofac", SharedData.OfacLists).ExitCode);

        var result = _data.Run("screen", "--chain", "bch", "bitcoincash:qpf2cphc5dkuclkqur7lhj2yuqq9pk3hmukle77vhq", "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal("hit", json.RootElement[0].GetProperty("status").GetString());
    }

    [Fact]
    public void TraceOnTron_SaysItIsAddressesAndScreeningOnly()
    {
        var result = _data.Run("trace", "--chain", "trx", "--from", "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("addresses and screening only", result.Error, StringComparison.Ordinal);
    }

    /// <summary>The coinbase txid of Litecoin mainnet block <paramref name="height"/> in the test file.</summary>
    private static string TxOfBlock(int height)
    {
        var directory = Directory.CreateTempSubdirectory("cairn-ltc-");
        try
        {
            File.Copy(SharedData.ChainData("ltc", "mainnet-blk-0-to-4.dat"), Path.Combine(directory.FullName, "blk00000.dat"));
            var reader = new Cairn.Chains.Bitcoin.BlockFileReader(directory.FullName, Cairn.Chains.Bitcoin.Network.LitecoinMain);
            var record = reader.ReadAll().ElementAt(height);
            return Cairn.Chains.Bitcoin.Block.Parse(record.RawBlock.Span, Cairn.Chains.Bitcoin.Network.LitecoinMain).Transactions[0].TxId.ToString();
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
