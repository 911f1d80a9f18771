using Cairn.Index.Bitcoin;
using Cairn.Tracing.Heuristics;
using FsCheck;
using FsCheck.Fluent;

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

    [Fact]
    public void MayBeCoinJoin_RejectsOnlyTransactionsDetectFindsNothingIn()
    {
        // Values drawn from a pool of five so that equal outputs (every rule's trigger) are common;
        // up to 70 outputs and 80 inputs so the wasabi2 branch (≥ 50 each) and the > 32-output fallback are reached.
        var pool = Gen.Elements(100_000L, 1_000_000L, 5_000_000L, 10_000_000L, 16_777_216L);
        var cases =
            from inputs in Gen.Choose(0, 80)
            from count in Gen.Frequency((4, Gen.Choose(0, 8)), (1, Gen.Choose(9, 70)))
            from distinct in Gen.Elements(false, true)
            from values in Gen.ArrayOf(distinct ? Gen.Choose(1, int.MaxValue).Select(v => (long)v) : pool, count)
            select (inputs, values);
        var property = Prop.ForAll(cases.ToArbitrary(), pair =>
            CoinJoinDetector.MayBeCoinJoin(pair.inputs, pair.values) || CoinJoinDetector.Detect(pair.inputs, pair.values) is null);
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(2_000), property);
    }

    [Fact]
    public void MayBeCoinJoin_TwoOutputPaymentsAndDistinctValues_AreRejected()
    {
        Assert.False(CoinJoinDetector.MayBeCoinJoin(3, [1_000_000, 2_345_678]));
        Assert.False(CoinJoinDetector.MayBeCoinJoin(10, [1_000_000, 1_000_000, 2_345_678, 7]));
        Assert.True(CoinJoinDetector.MayBeCoinJoin(4, [2_000_000, 123_456, 2_000_000, 2_000_000]));
        // WabiSabi rounds need no equal outputs: ≥ 50 inputs and outputs always go to the full rules.
        Assert.True(CoinJoinDetector.MayBeCoinJoin(50, [.. Enumerable.Range(1, 50).Select(i => (long)i << 20)]));
    }

    [Fact]
    public void Detect_WithPrefilter_AgreesWithTheFullRulesOnEveryGeneratedTransaction()
    {
        var index = GeneratedChain.Instance.Index;
        var coinJoins = 0;
        for (uint tx = 0; tx < index.TransactionCount; tx++)
        {
            var full = CoinJoinDetector.DetectUnfiltered(index, tx);
            Assert.Equal(full, CoinJoinDetector.Detect(index, tx));
            if (full is not null) coinJoins++;
        }
        Assert.True(coinJoins > 0);
    }

    [Fact]
    public void IsCoinJoin_AgreesWithDetect_OnEveryGeneratedTransaction()
    {
        var index = GeneratedChain.Instance.Index;
        var coinJoins = 0;
        for (uint tx = 0; tx < index.TransactionCount; tx++)
        {
            var named = CoinJoinDetector.DetectUnfiltered(index, tx) is not null;
            Assert.Equal(named, CoinJoinDetector.IsCoinJoin(index, tx));
            if (named) coinJoins++;
        }
        Assert.True(coinJoins > 0);
    }

    [Fact]
    public void IsCoinJoin_AgreesWithDetect_OnRandomTransactions()
    {
        // Values drawn from a few denominations (pools, Wasabi 2 standard values, 0.1 BTC) and odd
        // amounts, so that every rule and the near misses around its thresholds come up.
        long[] denominations = [100_000, 1_000_000, 5_000_000, 50_000_000, 10_000_000, 8_388_608, 5_000, 6_561, 123_457, 99_999];
        var random = new Random(19);
        var named = 0;
        for (var round = 0; round < 20_000; round++)
        {
            var outputs = random.Next(0, 4) switch { 0 => random.Next(0, 8), 1 => random.Next(3, 33), 2 => random.Next(30, 70), _ => random.Next(45, 300) };
            var inputs = random.Next(0, 3) == 0 ? random.Next(0, 8) : random.Next(1, 120);
            var values = new long[outputs];
            var spread = random.Next(1, denominations.Length + 1);
            for (var o = 0; o < outputs; o++)
                values[o] = random.Next(0, 3) == 0 ? random.NextInt64(1, 200_000_000) : denominations[random.Next(spread)];
            var expected = CoinJoinDetector.Detect(inputs, values) is not null;
            Assert.Equal(expected, CoinJoinDetector.IsCoinJoin(inputs, values));
            if (expected) named++;
        }
        Assert.InRange(named, 1_000, 19_000);
    }
    [Theory]
    [InlineData(33, 3, 123_457L)]
    [InlineData(64, 17, 0L)]
    [InlineData(129, 40, 5_000_000L)]
    [InlineData(1_000, 49, 1L)]
    [InlineData(5_000, 12, long.MaxValue)]
    public void IsCoinJoin_CountsTheMostCommonValueExactly_OnLargeTransactions(int outputs, int equal, long value)
    {
        // Session 12 counts the most common value of a large transaction in a hash table instead of sorting: the
        // verdict turns on that count against the inputs (fewer than 50 here, so no Wasabi 2 rule), so it must be exact.
        var values = new long[outputs];
        var random = new Random(outputs);
        for (var o = 0; o < outputs; o++) values[o] = 1_000_000_007L + 7L * o; // all different
        foreach (var at in Enumerable.Range(0, outputs).OrderBy(_ => random.Next()).Take(equal)) values[at] = value;
        for (var inputs = equal - 1; inputs <= equal + 1; inputs++)
        {
            var expected = CoinJoinDetector.Detect(inputs, values) is not null;
            Assert.Equal(inputs >= equal, expected);
            Assert.Equal(expected, CoinJoinDetector.IsCoinJoin(inputs, values));
        }
    }
}
