using Cairn.Chains.Bitcoin;
using Cairn.Development.Generation;
using Cairn.Index.Bitcoin;

namespace Cairn.Development.Tests.Generation;

/// <summary>The generator's answer key agrees with the chain it wrote (what the heuristics are measured against).</summary>
public sealed class GenerationTruthTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly GenerationTruth _truth;
    private readonly BitcoinIndex _index;

    public GenerationTruthTests()
    {
        var blocks = _temp.Sub("blocks");
        (_, _truth) = ChainGenerator.GenerateWithTruth(new ChainGeneratorOptions { Transactions = 3_000, Seed = 5, OutputDirectory = blocks });
        var indexDirectory = Path.Combine(_temp.Path, "index");
        using (var writer = BitcoinIndexWriter.Open(indexDirectory, Network.RegTest))
            new BitcoinIngest(writer).FromBlockFiles(blocks);
        _index = BitcoinIndex.OpenRead(indexDirectory);
    }

    public void Dispose()
    {
        _index.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public void Truth_KnowsEveryTransactionAndEveryAddressOfTheChain()
    {
        Assert.Equal(_index.TransactionCount, _truth.TransactionCount + 1); // the genesis coinbase is not the generator's
        for (uint tx = 1; tx < _index.TransactionCount; tx++) Assert.NotNull(_truth.Of(_index.TransactionHash(tx)));
        for (uint address = 0; address < _index.AddressCount; address++)
        {
            var text = _index.AddressString(address);
            if (_index.OutputsOfAddress(address).Any(o => _index.TransactionOfOutput(o) != 0)) Assert.NotNull(_truth.EntityOf(text));
        }
    }

    [Fact]
    public void Truth_ChangeOutputIsPaidToTheSpender_AndEveryInputIsTheSpenders()
    {
        var withChange = 0;
        for (uint tx = 1; tx < _index.TransactionCount; tx++)
        {
            var truth = _truth.Of(_index.TransactionHash(tx))!.Value;
            if (truth.Kind == GeneratedTransactionKind.Coinbase) continue;
            var (firstInput, endInput) = _index.InputsOf(tx);
            var owners = Enumerable.Range((int)firstInput, (int)(endInput - firstInput))
                .Select(i => _truth.EntityOf(_index.AddressString(_index.AddressOf(_index.SpentOutputOf((uint)i))))).Distinct().ToList();
            if (truth.IsCollaborative) Assert.True(owners.Count > 1, $"{truth.Kind} with one owner");
            else Assert.Equal([truth.Sender], owners.Select(o => o!.Value));
            if (truth.ChangeOutput is not { } change) continue;
            withChange++;
            var (first, _) = _index.OutputsOf(tx);
            Assert.Equal(truth.Sender, _truth.EntityOf(_index.AddressString(_index.AddressOf(first + (uint)change))));
        }
        Assert.True(withChange > 1_000, $"{withChange} transactions with change");
    }

    [Fact]
    public void Truth_PlantedPeelChains_SpendOneAnothersChange()
    {
        Assert.NotEmpty(_truth.PeelChains);
        foreach (var chain in _truth.PeelChains.Where(c => c.Count > 1))
            for (var hop = 1; hop < chain.Count; hop++)
            {
                Assert.True(_index.TryFindTransaction(chain[hop - 1], out var previous));
                Assert.True(_index.TryFindTransaction(chain[hop], out var next));
                var (firstInput, endInput) = _index.InputsOf(next);
                Assert.Equal(1u, endInput - firstInput);
                var change = _truth.Of(chain[hop - 1])!.Value.ChangeOutput!.Value;
                Assert.Equal(_index.OutputsOf(previous).First + (uint)change, _index.SpentOutputOf(firstInput));
            }
    }

    [Fact]
    public void Truth_CoinJoinsAndWhirlpoolMixes_AreCollaborative_AndTx0sAreNot()
    {
        var kinds = Enumerable.Range(1, (int)_index.TransactionCount - 1).Select(t => _truth.Of(_index.TransactionHash((uint)t))!.Value).ToList();
        Assert.Contains(kinds, k => k.Kind == GeneratedTransactionKind.CoinJoin);
        Assert.Contains(kinds, k => k.Kind == GeneratedTransactionKind.WhirlpoolTx0);
        Assert.All(kinds.Where(k => k.Kind is GeneratedTransactionKind.CoinJoin or GeneratedTransactionKind.WhirlpoolMix), k => Assert.True(k.IsCollaborative));
        Assert.All(kinds.Where(k => k.Kind == GeneratedTransactionKind.WhirlpoolTx0), k => Assert.False(k.IsCollaborative));
    }
}
