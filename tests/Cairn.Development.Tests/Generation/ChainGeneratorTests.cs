using Cairn.Chains.Bitcoin;
using Cairn.Development.Generation;
using Cairn.Index.Bitcoin;

namespace Cairn.Development.Tests.Generation;

/// <summary>The synthetic chain generator: determinism, value conservation, the planted ransomware case.</summary>
public sealed class ChainGeneratorTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Generate(string name, ulong seed, long txs = 3000, bool xor = false)
    {
        var directory = _temp.Sub(name);
        ChainGenerator.Generate(new ChainGeneratorOptions { Transactions = txs, Seed = seed, OutputDirectory = directory, Xor = xor, TransactionsPerBlock = 50 });
        return directory;
    }

    private string Ingest(string blocks, string name)
    {
        var directory = Path.Combine(_temp.Path, name);
        using var writer = BitcoinIndexWriter.Open(directory, Network.RegTest);
        new BitcoinIngest(writer).FromBlockFiles(blocks);
        return directory;
    }

    [Fact]
    public void Generate_SameSeed_GivesTheSameBytes_AndAnotherSeedDoesNot()
    {
        var a = File.ReadAllBytes(Path.Combine(Generate("a", 11), "blk00000.dat"));
        var b = File.ReadAllBytes(Path.Combine(Generate("b", 11), "blk00000.dat"));
        var c = File.ReadAllBytes(Path.Combine(Generate("c", 12), "blk00000.dat"));
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Generate_WithoutTheAnswerKey_WritesTheSameBytesAndManifestAsWithIt()
    {
        var without = Generate("without", 21);
        var withDirectory = _temp.Sub("with");
        var (manifest, truth) = ChainGenerator.GenerateWithTruth(new ChainGeneratorOptions { Transactions = 3000, Seed = 21, OutputDirectory = withDirectory, TransactionsPerBlock = 50 });
        Assert.True(truth.TransactionCount > 3000);
        Assert.Equal(File.ReadAllBytes(Path.Combine(withDirectory, "blk00000.dat")), File.ReadAllBytes(Path.Combine(without, "blk00000.dat")));
        Assert.Equal(File.ReadAllText(Path.Combine(withDirectory, ScenarioManifest.FileName)), File.ReadAllText(Path.Combine(without, ScenarioManifest.FileName)));
        Assert.True(manifest.Actors.Count > 0);
    }

    [Fact]
    public void GeneratedChain_ConservesValue_CoinbasesPayExactlySubsidyPlusFees()
    {
        var index = BitcoinIndex.OpenRead(Ingest(Generate("chain", 5), "index"));
        using (index)
        {
            for (uint height = 1; height < index.BlockCount; height++)
            {
                var (first, end) = index.TransactionsOfBlock(height);
                long fees = 0;
                for (var tx = first + 1; tx < end; tx++)
                {
                    Assert.True(index.FeeOf(tx) >= 0);
                    fees += index.FeeOf(tx);
                }
                Assert.Equal(50_0000_0000 + fees, index.OutputTotal(first));
            }
        }
    }

    [Fact]
    public void GeneratedChain_PlantsTheRansomwareCase_AsTheScenarioDescribesIt()
    {
        var blocks = Generate("chain", 5);
        var scenario = ScenarioManifest.Load(Path.Combine(blocks, ScenarioManifest.FileName));
        using var index = BitcoinIndex.OpenRead(Ingest(blocks, "index"));
        var ransomware = scenario.Ransomware!;
        Assert.True(index.TryFindTransaction(Hash256.Parse(ransomware.RansomTxId), out var ransomTx));
        var (first, _) = index.OutputsOf(ransomTx);
        Assert.Equal(ransomware.RansomAmountSat, index.Value(first));
        Assert.Equal(ransomware.RansomAddress, index.AddressString(index.AddressOf(first)));
        Assert.Equal(["DE", "FR", "SG"], scenario.Actors.Where(a => ransomware.Deposits.Any(d => d.Actor == a.Id)).SelectMany(a => a.Jurisdictions).Order().ToArray());
        foreach (var deposit in ransomware.Deposits)
        {
            Assert.True(index.TryFindAddress(AddressKey.Parse(deposit.Address, Network.RegTest), out var address));
            Assert.Contains(index.OutputsOfAddress(address), o => index.Value(o) == deposit.AmountSat);
        }
    }
}
