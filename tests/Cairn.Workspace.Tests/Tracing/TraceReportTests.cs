using Cairn.Tracing.Attribution;
using Cairn.Tracing.Tracing;
using Cairn.Workspace.Tracing;

namespace Cairn.Workspace.Tests.Tracing;

public sealed class TraceReportTests
{
    private static readonly ActorAttribution Exchange = new("northwind", "Northwind Exchange", "exchange", ["DE"], 0.9, "demo");
    private static readonly ActorAttribution TwoCountries = new("kestrel", "Kestrel Markets", "exchange", ["FR", "BE"], 1.0, "demo");

    private static string Tx(char c) => new(c, 64);

    private static TraceResult Result() => new()
    {
        Request = new TraceRequest { From = [Tx('a')] },
        TipHeight = 10,
        TipHash = Tx('f'),
        SeedOutputs = [Tx('a') + ":0"],
        SeedAmountSat = 1_000,
        FeesSat = 7,
        PoisonInflowSat = 0,
        TransactionsVisited = 3,
        Endpoints =
        [
            // 500 sat along two paths: 250 each, through b then c, and through b then d.
            new TraceEndpoint(Tx('c') + ":0", "addr-de", 1, Exchange, 500, 0.5, 2, StopReason.Attributed,
                [[Tx('a') + ":0", Tx('b') + ":0", Tx('c') + ":0"], [Tx('a') + ":0", Tx('b') + ":1", Tx('d') + ":0"]], false),
            new TraceEndpoint(Tx('d') + ":1", "addr-fr", 2, TwoCountries, 333, 0.333, 2, StopReason.Attributed, [[Tx('a') + ":0", Tx('b') + ":1", Tx('d') + ":1"]], false),
            new TraceEndpoint(Tx('e') + ":0", "addr-x", 3, null, 160, 0.16, 1, StopReason.Unspent, [[Tx('a') + ":0", Tx('e') + ":0"]], false),
        ],
        Jurisdictions = [],
        Bounds = [],
        CoinJoins = [],
    };

    [Fact]
    public void Graph_EdgesIntoEndpointsAddUpToEachEndpointAmount()
    {
        var report = TraceReport.From(Result());
        foreach (var endpoint in report.Endpoints)
        {
            var into = report.Graph.Edges.Where(e => e.To == "ep:" + endpoint.Output).Sum(e => long.Parse(e.AmountSat, System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(long.Parse(endpoint.AmountSat, System.Globalization.CultureInfo.InvariantCulture), into);
        }
    }

    [Fact]
    public void Graph_EdgeCarriesTheSumOfThePathsCrossingIt()
    {
        var report = TraceReport.From(Result());
        var ab = report.Graph.Edges.Single(e => e.From == Tx('a') && e.To == Tx('b'));
        Assert.Equal("833", ab.AmountSat); // 250 + 250 of the DE endpoint, 333 of the FR one
        Assert.Equal("0.00000833", ab.AmountBtc);
        var endpointNodes = report.Graph.Nodes.Where(n => n.Kind == "endpoint").ToDictionary(n => n.Id);
        Assert.Equal("DE", endpointNodes["ep:" + Tx('c') + ":0"].Jurisdiction);
        Assert.Equal("exchange", endpointNodes["ep:" + Tx('c') + ":0"].Category);
        Assert.Equal("seed", report.Graph.Nodes.Single(n => n.Id == Tx('a')).Kind);
    }

    [Fact]
    public void Report_RoundTripsThroughItsJson()
    {
        var report = TraceReport.From(Result() with { Request = new TraceRequest { From = [Tx('a')], Model = Cairn.Tracing.Taint.TaintModel.Fifo, MaxHops = 4 } });
        var json = TraceJson.Serialize(report);
        Assert.Equal(json, TraceJson.Serialize(TraceJson.DeserializeReport(json)));
        Assert.Contains("\"amount_sat\":\"500\"", json, StringComparison.Ordinal);
        Assert.Equal("fifo", report.Request.Model);
        Assert.Equal(4, report.Request.MaxHops);
    }

    [Fact]
    public void Findings_OnePerCountryAndService_OnlyAttributedEndpoints_WithExactAmounts()
    {
        var findings = TraceFindings.From(TraceReport.From(Result()));
        Assert.Equal(["BE", "DE", "FR"], findings.Select(f => f.Jurisdiction));
        var de = findings.Single(f => f.Jurisdiction == "DE");
        Assert.Equal("Northwind Exchange", de.ActorName);
        Assert.Equal(["addr-de"], de.Addresses);
        Assert.Equal([Tx('a'), Tx('b'), Tx('c'), Tx('d')], de.TransactionIds.Order());
        Assert.Equal(500, (long)de.Amounts.Single().BaseUnits);
        Assert.Equal(333, (long)findings.Single(f => f.Jurisdiction == "BE").Amounts.Single().BaseUnits);
    }

    [Theory]
    [InlineData("xmr", "chain 'xmr' is not one of btc, ltc, bch, doge, eth, bsc, polygon, arbitrum, base, trx")]
    [InlineData("btc", "model 'taint' is not one of")]
    public void Parameters_BadInput_IsAOneLineError(string chain, string message)
    {
        var parameters = new TraceParameters { Chain = chain, From = [Tx('a')], Model = "taint" };
        var error = Assert.Throws<Core.CairnException>(parameters.ToRequest);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_CarriesTheHeuristicStepsWithTheirErrorRates_AndStripsThemForComparison()
    {
        var rates = Cairn.Tracing.Heuristics.ErrorRates.HeuristicFigures.Embedded.RatesFor("whirlpool");
        var result = Result() with
        {
            CoinJoins = [new CoinJoinSeen(Tx('b'), "whirlpool", 0.95, "5x5", false) { MeasuredPrecision = rates.FirstOrDefault(r => r.Precision is not null) }],
            Heuristics = [new Cairn.Tracing.Heuristics.ErrorRates.HeuristicStep("whirlpool", Cairn.Tracing.Heuristics.HeuristicKind.CoinJoin, "named a CoinJoin the trace stopped at", 1, rates)],
        };
        var report = TraceReport.From(result);
        var json = TraceJson.Serialize(report);
        Assert.Contains("\"heuristics\":[{\"rule\":\"whirlpool\"", json, StringComparison.Ordinal);
        Assert.Contains("\"measured_precision\":{\"rule\":\"whirlpool\"", json, StringComparison.Ordinal);
        var bare = report.WithoutErrorRates();
        Assert.Null(bare.Coinjoins[0].MeasuredPrecision);
        Assert.Empty(bare.Heuristics[0].Measured);
        Assert.Equal(TraceJson.Serialize(bare), TraceJson.Serialize(TraceReport.From(Result() with { CoinJoins = [new CoinJoinSeen(Tx('b'), "whirlpool", 0.95, "5x5", false)], Heuristics = [result.Heuristics[0] with { Measured = [] }] })));
    }

    [Fact]
    public void SavedReportWithoutHeuristics_StillReads()
    {
        var json = TraceJson.Serialize(TraceReport.From(Result()));
        var old = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
        old.Remove("heuristics");
        var read = TraceJson.DeserializeReport(old.ToJsonString());
        Assert.Empty(read.Heuristics);
    }
}
