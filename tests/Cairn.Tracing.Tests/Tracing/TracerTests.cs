using Cairn.Tracing.Taint;
using Cairn.Tracing.Tracing;
using FsCheck;
using FsCheck.Fluent;

namespace Cairn.Tracing.Tests.Tracing;

public sealed class TracerTests
{
    private static readonly GeneratedChain Chain = GeneratedChain.Instance;
    private static Tracer NewTracer() => new(Chain.Index, Chain.Clusters, Chain.Attribution);

    private static string OutputReference(uint output) =>
        $"{Chain.Index.TransactionHash(Chain.Index.TransactionOfOutput(output))}:{Chain.Index.VoutOf(output)}";

    [Theory]
    [InlineData(TaintModel.Haircut, TraceDirection.Forward)]
    [InlineData(TaintModel.Fifo, TraceDirection.Forward)]
    [InlineData(TaintModel.Lifo, TraceDirection.Forward)]
    [InlineData(TaintModel.Tiho, TraceDirection.Forward)]
    [InlineData(TaintModel.Poison, TraceDirection.Forward)]
    [InlineData(TaintModel.Haircut, TraceDirection.Backward)]
    [InlineData(TaintModel.Fifo, TraceDirection.Backward)]
    [InlineData(TaintModel.Tiho, TraceDirection.Backward)]
    [InlineData(TaintModel.Poison, TraceDirection.Backward)]
    public void Trace_EndpointsPlusFees_EqualTheTracedAmountExactly(TaintModel model, TraceDirection direction)
    {
        var property = Prop.ForAll((uint pick, bool throughCoinJoin) =>
        {
            var output = (uint)(pick % Chain.Index.OutputCount);
            if (Chain.Index.Value(output) == 0) return true;
            var result = NewTracer().Trace(new TraceRequest
            {
                From = [OutputReference(output)], Model = model, Direction = direction, MaxHops = 6,
                ThroughCoinJoin = throughCoinJoin, MaxTransactions = 2_000,
            });
            var accounted = result.EndpointTotalSat + result.FeesSat;
            var expected = result.SeedAmountSat + (model == TaintModel.Poison ? result.PoisonInflowSat : 0);
            return accounted == expected && (model == TaintModel.Poison || result.PoisonInflowSat == 0);
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(25), property);
    }

    [Fact]
    public void Trace_RansomForwardWithHaircut_ReachesEachDepositsExchange()
    {
        var ransomware = Chain.Scenario.Ransomware!;
        var result = NewTracer().Trace(new TraceRequest { From = [ransomware.RansomAddress], ThroughCoinJoin = true, MaxHops = 12 });
        Assert.Equal(ransomware.RansomAmountSat, result.SeedAmountSat);
        foreach (var deposit in ransomware.Deposits)
        {
            // A deposit is either still unspent at the deposit address or swept into the exchange's tagged hot wallet.
            var depositOutput = OutputReference(Chain.Index.OutputsOfAddress(Chain.AddressId(deposit.Address))
                .Single(o => Chain.Index.TransactionHash(Chain.Index.TransactionOfOutput(o)).ToString() == deposit.TxId));
            var reached = result.Endpoints.Where(e => e.Paths.Any(p => p.Contains(depositOutput))).ToList();
            Assert.NotEmpty(reached);
            Assert.All(reached, e => Assert.True(e.Attribution?.ActorId == deposit.Actor || (e.Reason == StopReason.Unspent && e.Address == deposit.Address),
                $"{e.Output} {e.Reason} {e.Attribution?.ActorId}"));
        }
        Assert.Equal(result.SeedAmountSat, result.EndpointTotalSat + result.FeesSat);
    }

    [Fact]
    public void Trace_StopsAtTheCoinJoin_ByDefault_AndSaysWhichRuleFired()
    {
        var ransomware = Chain.Scenario.Ransomware!;
        var result = NewTracer().Trace(new TraceRequest { From = [ransomware.RansomAddress], MaxHops = 12 });
        Assert.Contains(result.Endpoints, e => e.Reason == StopReason.Coinjoin);
        var coinJoin = Assert.Single(result.CoinJoins, c => c.TxId == ransomware.CoinJoinTxId);
        Assert.False(coinJoin.FollowedWithHaircut);
        Assert.Contains(result.Bounds, b => b.Bound == StopReason.Coinjoin && b.AmountSat > 0);
    }

    [Fact]
    public void Trace_MaxHopsOne_StopsEveryOutputAfterTheFirstTransaction()
    {
        var ransomware = Chain.Scenario.Ransomware!;
        var result = NewTracer().Trace(new TraceRequest { From = [ransomware.RansomAddress], MaxHops = 1 });
        Assert.All(result.Endpoints, e => Assert.True(e.Hops <= 1));
        Assert.Contains(result.Bounds, b => b.Bound == StopReason.MaxHops);
    }

    [Fact]
    public void Trace_BackwardFromRansom_LeadsToTheVictimsFunding()
    {
        var ransomware = Chain.Scenario.Ransomware!;
        var result = NewTracer().Trace(new TraceRequest { From = [ransomware.RansomTxId + ":0"], Direction = TraceDirection.Backward, MaxHops = 2 });
        Assert.Equal(result.SeedAmountSat, result.EndpointTotalSat);
        Assert.Equal(0, result.FeesSat);
        Assert.All(result.Endpoints, e => Assert.EndsWith(e.Paths[0][^1].Split(':')[1], ":0"));
    }

    [Fact]
    public void Trace_UnknownAddress_FailsWithOneLineNamingIt()
    {
        var error = Assert.ThrowsAny<Cairn.Core.CairnException>(() => NewTracer().Trace(new TraceRequest { From = ["bcrt1qw508d6qejxtdg4y5r3zarvary0c5xw7kygt080"] }));
        Assert.Contains("bcrt1qw508d6qejxtdg4y5r3zarvary0c5xw7kygt080", error.Message);
    }

    [Fact]
    public void Trace_RansomForward_FlagsThePlantedPeelChain_WithItsTransactionsAndRule()
    {
        var ransomware = Chain.Scenario.Ransomware!;
        var result = NewTracer().Trace(new TraceRequest { From = [ransomware.RansomAddress], ThroughCoinJoin = true, MaxHops = 12 });

        var chain = Assert.Single(result.PeelChains, c => c.TxIds[0] == ransomware.PeelChainTxIds[0]);
        Assert.Equal(ransomware.PeelChainTxIds, chain.TxIds);
        Assert.Equal(ransomware.PeelChainTxIds.Count, chain.Length);
        Assert.Equal("swept", chain.EndReason);
        // The split's peel to the CoinJoin branch, then every deposit but the last (which sweeps the rest).
        Assert.Equal(ransomware.Deposits.Count(d => ransomware.PeelChainTxIds.Contains(d.TxId)), chain.Peels);
        Assert.Contains("power_of_ten_payment", chain.Rule.Split('+'));
        Assert.InRange(chain.Confidence, 0.3, 1.0);
        Assert.All(result.PeelChains, c => Assert.True(c.Peels >= Cairn.Tracing.Heuristics.PeelChainDetector.MinimumPeels));
    }

    [Fact]
    public void Trace_StoppingInsideThePeelChain_ReportsTheFollowedPartAsCut_OrNothingBelowThreePeels()
    {
        var planted = Chain.Scenario.Ransomware!.PeelChainTxIds;
        Assert.True(Chain.Index.TryFindTransaction(Cairn.Chains.Bitcoin.Hash256.Parse(planted[0]), out var split));
        var (firstInput, _) = Chain.Index.InputsOf(split);
        var intoSplit = OutputReference(Chain.Index.SpentOutputOf(firstInput));

        var four = NewTracer().Trace(new TraceRequest { From = [intoSplit], MaxHops = 4 });
        var cut = Assert.Single(four.PeelChains);
        Assert.Equal(planted.Take(4), cut.TxIds);
        Assert.Equal(4, cut.Peels);
        Assert.Equal("trace_bound", cut.EndReason);

        var two = NewTracer().Trace(new TraceRequest { From = [intoSplit], MaxHops = 2 });
        Assert.Empty(two.PeelChains);
    }
}
