using Cairn.Tracing.Heuristics;
using Cairn.Tracing.Heuristics.ErrorRates;
using Cairn.Tracing.Tracing;

namespace Cairn.Tracing.Tests.Tracing;

/// <summary>Every heuristic step of a trace is named with its rule and the rule's measured error rates (issue 18: "state the error rate in court").</summary>
public sealed class TraceHeuristicsTests
{
    private static readonly GeneratedChain Chain = GeneratedChain.Instance;

    private static TraceResult RansomTrace(bool throughCoinJoin) =>
        new Tracer(Chain.Index, Chain.Clusters, Chain.Attribution).Trace(new TraceRequest { From = [Chain.Scenario.Ransomware!.RansomAddress], ThroughCoinJoin = throughCoinJoin, MaxHops = 12 });

    [Fact]
    public void Trace_MeetingACoinJoin_QuotesTheRulesMeasuredPrecision()
    {
        var result = RansomTrace(throughCoinJoin: false);
        var coinJoin = Assert.Single(result.CoinJoins, c => c.TxId == Chain.Scenario.Ransomware!.CoinJoinTxId);
        var measured = Assert.IsType<MeasuredRate>(coinJoin.MeasuredPrecision);
        Assert.Equal(coinJoin.Rule, measured.Rule);
        Assert.Equal(HeuristicFigures.Embedded.HeadlinePrecision(coinJoin.Rule), measured);
        Assert.NotNull(measured.Precision);
        Assert.NotNull(HeuristicFigures.Embedded.DataSet(measured.DataSet));
        var step = Assert.Single(result.Heuristics, h => h.Rule == coinJoin.Rule);
        Assert.Equal(HeuristicKind.CoinJoin, step.Kind);
        Assert.Contains("stopped at", step.UsedFor, StringComparison.Ordinal);
        Assert.Equal(HeuristicFigures.Embedded.RatesFor(coinJoin.Rule), step.Measured);
    }

    [Fact]
    public void Trace_EveryTransactionReached_IsCountedUnderTheCoinJoinFilter()
    {
        var result = RansomTrace(throughCoinJoin: true);
        var filter = Assert.Single(result.Heuristics, h => h.Rule == HeuristicCatalogue.CoinJoinAny);
        Assert.True(filter.Times >= result.TransactionsVisited, $"{filter.Times} checked, {result.TransactionsVisited} visited");
        Assert.Contains(filter.Measured, m => m.Evidence is EvidenceKind.IndependentReal or EvidenceKind.IndependentEmulated);
    }

    [Fact]
    public void Trace_ThroughAPeelChain_QuotesTheDetectorAndEveryChangeRuleItUsed()
    {
        var result = RansomTrace(throughCoinJoin: true);
        var chain = Assert.Single(result.PeelChains, c => c.TxIds[0] == Chain.Scenario.Ransomware!.PeelChainTxIds[0]);
        var quoted = chain.MeasuredPrecision.Select(m => m.Rule).ToList();
        Assert.Contains(HeuristicCatalogue.PeelChain, quoted);
        foreach (var rule in chain.Rule.Split('+')) Assert.Contains(rule, quoted);
        Assert.Contains(result.Heuristics, h => h.Rule == HeuristicCatalogue.PeelChain && h.Times == result.PeelChains.Count);
        foreach (var rule in chain.Rule.Split('+'))
            Assert.Contains(result.Heuristics, h => h.Rule == rule && h.Measured.Count > 0);
    }

    [Fact]
    public void Trace_EndpointAttributedThroughItsCluster_NamesTheMultiInputHeuristic()
    {
        var result = RansomTrace(throughCoinJoin: true);
        var viaCluster = result.Endpoints.Count(e => e.Attribution?.Source.EndsWith(Cairn.Tracing.Attribution.ClusterAttribution.ViaCluster, StringComparison.Ordinal) == true);
        var step = result.Heuristics.SingleOrDefault(h => h.Rule == HeuristicCatalogue.MultiInput && h.UsedFor.StartsWith("attributed", StringComparison.Ordinal));
        Assert.Equal(viaCluster, step?.Times ?? 0);
    }

    [Fact]
    public void Tracer_GivenOtherFigures_QuotesThem()
    {
        var figures = HeuristicFigures.Embedded with { MeasuredAt = "1999-12-31" };
        var result = new Tracer(Chain.Index, Chain.Clusters, Chain.Attribution, figures)
            .Trace(new TraceRequest { From = [Chain.Scenario.Ransomware!.RansomAddress], MaxHops = 12 });
        Assert.All(result.Heuristics.SelectMany(h => h.Measured), m => Assert.Equal("1999-12-31", m.FiguresMeasuredAt));
    }
}
