using Cairn.Index.Bitcoin;
using Cairn.Tracing.Heuristics;

namespace Cairn.Tracing.Tests.Heuristics;

public sealed class CoinJoinDetectorTests
{
    [Fact]
    public void Detect_FiveByFivePoolDenomination_IsWhirlpool() =>
        Assert.Equal("whirlpool", CoinJoinDetector.Detect(5, [5_000_000, 5_000_000, 5_000_000, 5_000_000, 5_000_000])?.Rule);

    [Fact]
    public void Detect_TenEqualTenthBitcoinOutputs_IsWasabi1()
    {
        long[] outputs = [.. Enumerable.Repeat(10_000_000L, 12), 3_456_789, 7_654_321];
        Assert.Equal("wasabi1", CoinJoinDetector.Detect(12, outputs)?.Rule);
    }

    [Fact]
    public void Detect_FewEqualOutputsWithChange_IsJoinMarket() =>
        Assert.Equal("joinmarket", CoinJoinDetector.Detect(4, [2_000_000, 2_000_000, 2_000_000, 123_456, 654_321])?.Rule);

    [Fact]
    public void Detect_OrdinaryPaymentWithChange_IsNotACoinJoin() =>
        Assert.Null(CoinJoinDetector.Detect(3, [1_000_000, 2_345_678]));

    [Fact]
    public void Detect_EqualOutputsFromOneInput_IsNotACoinJoin() =>
        Assert.Null(CoinJoinDetector.Detect(1, [1_000_000, 1_000_000, 1_000_000]));

    [Fact]
    public void Detect_PlantedRansomwareCoinJoin_IsWasabiStyle()
    {
        var chain = GeneratedChain.Instance;
        Assert.True(chain.Index.TryFindTransaction(Cairn.Chains.Bitcoin.Hash256.Parse(chain.Scenario.Ransomware!.CoinJoinTxId), out var tx));
        var verdict = CoinJoinDetector.Detect(chain.Index, tx);
        Assert.NotNull(verdict);
        Assert.Contains(verdict.Rule, new[] { "wasabi1", "joinmarket", "generic_equal_output" });
    }

    [Fact]
    public void Detect_OnGeneratedChain_FindsWhirlpoolMixes()
    {
        var index = GeneratedChain.Instance.Index;
        var whirlpools = 0;
        for (uint tx = 0; tx < index.TransactionCount; tx++)
            if (CoinJoinDetector.Detect(index, tx)?.Rule == "whirlpool") whirlpools++;
        Assert.True(whirlpools > 0, "the generator makes Whirlpool 5x5 mixes");
        Assert.True(index.TransactionFlags(0).HasFlag(TxFlags.Coinbase));
    }
}
