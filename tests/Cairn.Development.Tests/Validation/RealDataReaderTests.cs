using System.IO.Compression;
using System.Text.Json;
using Cairn.Chains.Bitcoin;
using Cairn.Core;
using Cairn.Development.Validation.Real;
using Cairn.TestSupport;
using Cairn.Tracing.Heuristics;

namespace Cairn.Development.Tests.Validation;

/// <summary>The readers of the real data sets, on verbatim extracts (tests/Cairn.Development.Tests/data/heuristics/README.md) and the shared mainnet blocks.</summary>
public sealed class RealDataReaderTests : IDisposable
{
    private static readonly string Data = Path.Combine(SharedData.RepositoryRoot, "tests", "Cairn.Development.Tests", "data", "heuristics");
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static List<ObservedTransaction> Sample()
    {
        using var reader = new StreamReader(Path.Combine(Data, "dumplings-sample.txt"));
        return [.. DumplingsFile.Read(reader, "dumplings-sample.txt")];
    }

    [Fact]
    public void Dumplings_WasabiCoinJoinLine_GivesFullInputsAndOutputs()
    {
        var wasabi = Sample()[0];
        Assert.Equal("6084543ea63d4dc0cb7eba54eb32af177c5d1f065294f4b0af0c52cc0a1f9fc7", wasabi.TxId);
        Assert.Equal(1629500530, wasabi.Time);
        Assert.All(wasabi.Shape.Inputs, i => Assert.True(i.Value > 0 && i.Type == ScriptType.P2WPKH && i.Address!.StartsWith("bc1q", StringComparison.Ordinal)));
        Assert.Equal(374_406, wasabi.Shape.Inputs[0].Value);
        // Inputs pay outputs and the fee: a reading that mixed up fields could not balance.
        Assert.True(wasabi.Shape.Inputs.Sum(i => i.Value!.Value) > wasabi.Shape.Outputs.Sum(o => o.Value));
        Assert.Equal("wasabi1", ShapeRules.CoinJoin(wasabi.Shape)?.Rule);
    }

    [Fact]
    public void Dumplings_Tx0AndMix_AreToldApartByTheDetector()
    {
        var sample = Sample();
        Assert.Equal(7, sample.Count);
        Assert.Null(ShapeRules.CoinJoin(sample[2].Shape));
        Assert.Null(ShapeRules.CoinJoin(sample[3].Shape));
        Assert.Equal("whirlpool", ShapeRules.CoinJoin(sample[4].Shape)?.Rule);
    }

    [Fact]
    public void Dumplings_MalformedLine_NamesTheFileAndLine()
    {
        using var reader = new StringReader(File.ReadLines(Path.Combine(Data, "dumplings-sample.txt")).First() + "\nnot:::a line\n");
        var error = Assert.Throws<CairnException>(() => DumplingsFile.Read(reader, "x.txt").ToList());
        Assert.StartsWith("x.txt line 2:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EmulatedRun_JoinMarketBlock_ReadsEveryTransactionAsBitcoinCoreListsIt()
    {
        var zip = Path.Combine(_temp.Path, "run.zip");
        ZipFile.CreateFromDirectory(Path.Combine(Data, "emucoinjoin"), zip, CompressionLevel.Fastest, includeBaseDirectory: true);
        var run = Assert.Single(EmulatedRun.ReadZip(zip));
        Assert.False(run.FromGenesis);
        using var block = JsonDocument.Parse(File.ReadAllText(Path.Combine(Data, "emucoinjoin", "run", "data", "btc-node", "block_225.json")));
        // Bitcoin Core computed these txids from the same bytes: the peer check of the parse.
        Assert.Equal(block.RootElement.GetProperty("tx").EnumerateArray().Select(t => t.GetProperty("txid").GetString()), run.Transactions.Select(t => t.TxId));
        var coinJoin = Assert.Single(run.Transactions, t => t.TxId == "74e063f4df238439d0797b71d20335ad63a7d79f8935544f666e846f5d13337a");
        var owners = coinJoin.Shape.Inputs.Select(i => run.OwnerOf(i.Address!)).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(["jcs-000", "jcs-014", "jcs-027", "jcs-028", "jcs-038"], owners);
        Assert.Equal("joinmarket", ShapeRules.CoinJoin(coinJoin.Shape)?.Rule);
        Assert.Equal(EmulatedRun.NodeWallet, run.OwnerOf("bcrt1qw508d6qejxtdg4y5r3zarvary0c5xw7kygt080"));
        Assert.Equal(ChangeVerdict.None, ShapeRules.Change(coinJoin.Shape));
    }

    [Fact]
    public void BlockchainInfoBlock_2014Block_ReadsEveryTransaction()
    {
        var transactions = BlockchainInfoBlock.Read(SharedData.PathOf("nbitcoin", "blocks", "Block1.json"));
        Assert.Equal(996, transactions.Count);
        var coinbase = transactions[0];
        Assert.True(coinbase.Shape.IsCoinbase);
        Assert.Equal(2_515_573_498, coinbase.Shape.Outputs[0].Value);
        Assert.Equal("8df58d0ebf57b5c5dabe66f29f5fc4ac0161912ff80f329a4d5a51ab8f08eaa2", transactions[1].TxId);
        Assert.Equal([703_990_000L, 336_000_000L], transactions[1].Shape.Outputs.Select(o => o.Value));
        Assert.All(transactions[1].Shape.Outputs, o => Assert.StartsWith("1", o.Address, StringComparison.Ordinal));
        Assert.StartsWith("1", transactions[1].Shape.Inputs[0].Address, StringComparison.Ordinal);
    }
}
