using Cairn.Tracing.Ethereum;

namespace Cairn.Tracing.Tests.Ethereum;

public class EthereumTracerTests
{
    private const int Seed = 1, Mixer = 2, Clean = 3, Bob = 4, Exchange = 5;

    // Clean sends 5 to Mixer first, then Seed sends 10; Mixer sends 6 to Bob, then 9 to Exchange.
    private static readonly (int, int, long)[] Graph = [(Clean, Mixer, 5), (Seed, Mixer, 10), (Mixer, Bob, 6), (Mixer, Exchange, 9)];

    private sealed class ExchangeLookup : IEthAttributionLookup
    {
        public EthAttribution? Lookup(string lowerCaseAddress) =>
            lowerCaseAddress == SyntheticChain.Address(Exchange) ? new EthAttribution("Example Exchange", "exchange", ["DE", "FR"], 0.9) : null;
    }

    [Fact]
    public void Trace_Fifo_SpendsTheOldestValueFirst()
    {
        var result = Run(EthTaintModel.Fifo);
        Assert.Equal("10", result.SeedAmount);
        Assert.Equal(("1", "unspent", 2), Endpoint(result, Bob));
        Assert.Equal(("9", "attributed_service", 2), Endpoint(result, Exchange));
    }

    [Fact]
    public void Trace_Haircut_SplitsTaintProRataToTheBalance()
    {
        var result = Run(EthTaintModel.Haircut);
        Assert.Equal(("4", "unspent", 2), Endpoint(result, Bob));
        Assert.Equal(("6", "attributed_service", 2), Endpoint(result, Exchange));
    }

    [Fact]
    public void Trace_Poison_TaintsEveryLaterTransferInFull()
    {
        var result = Run(EthTaintModel.Poison);
        Assert.Equal(("6", "unspent", 2), Endpoint(result, Bob));
        Assert.Equal(("9", "attributed_service", 2), Endpoint(result, Exchange));
    }

    [Fact]
    public void Trace_AttributedEndpoint_CountsTowardsEachOfItsJurisdictions()
    {
        var result = Run(EthTaintModel.Fifo);
        Assert.Equal(["DE", "FR"], result.JurisdictionTotals.Select(j => j.Jurisdiction));
        Assert.All(result.JurisdictionTotals, j => Assert.Equal(("9", 0.9), (j.Amount, j.Share)));
        var exchange = result.Endpoints.Single(e => e.Reason == "attributed_service");
        Assert.Equal(("Example Exchange", "exchange"), (exchange.Actor, exchange.Category));
        Assert.Equal(2, exchange.Paths.Single().Count);
    }

    [Fact]
    public void Trace_MaxHopsOne_StopsAtTheFirstRecipientAndReportsTheBound()
    {
        using var chain = new SyntheticChain();
        using var index = chain.Build(Graph);
        var result = EthereumTracer.Trace(index, new EthTraceRequest(SyntheticChain.Address(Seed)) { MaxHops = 1 }, new ExchangeLookup());
        Assert.Equal(("10", "max_hops", 1), Endpoint(result, Mixer));
        Assert.Equal("max_hops", Assert.Single(result.BoundsHit).Bound);
    }

    [Fact]
    public void Trace_TimeWindowEndingBeforeTheSpends_LeavesTheTaintUnspent()
    {
        using var chain = new SyntheticChain();
        using var index = chain.Build(Graph);
        var result = EthereumTracer.Trace(index, new EthTraceRequest(SyntheticChain.Address(Seed)) { ToTime = 1001 }, new ExchangeLookup());
        Assert.Equal(("10", "unspent", 1), Endpoint(result, Mixer));
        Assert.Contains(result.BoundsHit, b => b.Bound == "time_window");
    }

    [Fact]
    public void Trace_Fifo_ConservesTheSeedAmountOnAnyChainOfTransfers()
    {
        var property = FsCheck.Fluent.Prop.ForAll(FsCheck.Fluent.ArbMap.Default.ArbFor<byte[]>(), bytes =>
        {
            var transfers = bytes.Take(24).Select((b, i) => (From: 1 + (b % 4), To: 1 + ((b / 4) % 5), Value: 1L + (b % 7) + i)).Where(t => t.From != t.To).ToArray();
            if (!transfers.Any(t => t.From == Seed)) return true;
            using var chain = new SyntheticChain();
            using var index = chain.Build(transfers);
            var result = EthereumTracer.Trace(index, new EthTraceRequest(SyntheticChain.Address(Seed)) { MaxHops = 100 });
            var reached = result.Endpoints.Sum(e => long.Parse(e.Amount, System.Globalization.CultureInfo.InvariantCulture));
            return reached <= long.Parse(result.SeedAmount, System.Globalization.CultureInfo.InvariantCulture);
        });
        // Each case writes a small index to disk; 25 cases keep the suite fast.
        FsCheck.Check.One(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(25), property);
    }

    private static EthTraceResult Run(EthTaintModel model)
    {
        using var chain = new SyntheticChain();
        using var index = chain.Build(Graph);
        return EthereumTracer.Trace(index, new EthTraceRequest(SyntheticChain.Address(Seed)) { Model = model }, new ExchangeLookup());
    }

    private static (string, string, int) Endpoint(EthTraceResult result, int address)
    {
        var endpoint = result.Endpoints.Single(e => e.Address.Equals(SyntheticChain.Address(address), StringComparison.OrdinalIgnoreCase));
        return (endpoint.Amount, endpoint.Reason, endpoint.Hops);
    }
}
