using System.Numerics;
using Cairn.Tracing.Attribution;
using Cairn.Tracing.Watching;

namespace Cairn.Tracing.Tests.Watching;

/// <summary>The rules that turn new transactions into alerts, on hand-made transactions (addresses are labels: the evaluator compares them, never decodes them).</summary>
public sealed class WatchEvaluatorTests
{
    private static readonly ActorAttribution Exchange = new("northwind", "Northwind Exchange", "exchange", ["DE"], 0.9, "test-pack");
    private static readonly ActorAttribution Wallet = new("someone", "A private wallet", "wallet", ["FR"], 0.5, "test-pack");

    private static readonly WatchEvaluator Evaluator = new(
        address => address switch { "deposit" => Exchange, "private" => Wallet, _ => null },
        address => address == "sanctioned");

    private static ObservedTransaction Tx(string id, long height, (string, long)[] inputs, (string, long)[] outputs) =>
        new("btc", id, height, null, "BTC", [.. inputs.Select(i => (i.Item1, (BigInteger)i.Item2))], [.. outputs.Select(o => (o.Item1, (BigInteger)o.Item2))]);

    [Fact]
    public void Evaluate_SpendFromWatchedAddressToExchange_RaisesFundsLeftAndReachedServiceWithTheExactAmount()
    {
        var (hits, followed) = Evaluator.Evaluate([Tx("t1", 10, [("ransom", 100_000)], [("deposit", 60_000), ("ransom", 39_000)])],
            [new WatchTarget("w1", "address", "ransom", null, null, 0)]);

        Assert.Equal(["funds_left", "reached_service"], hits.Select(h => h.Kind));
        Assert.Equal(100_000, hits[0].Amount);
        Assert.Equal(("deposit", (BigInteger)60_000, "northwind"), (hits[1].To, hits[1].Amount, hits[1].Service!.ActorId));
        Assert.Empty(followed); // the change went back to the watch itself
    }

    [Fact]
    public void Evaluate_FundsMovingOnThroughUnknownAddresses_AreFollowedHopByHopUntilTheyReachAService()
    {
        var (hits, followed) = Evaluator.Evaluate(
            [
                Tx("t1", 10, [("ransom", 100_000)], [("hop1", 99_000)]),
                Tx("t2", 11, [("hop1", 99_000)], [("hop2", 98_000)]),
                Tx("t3", 12, [("hop2", 98_000)], [("deposit", 97_000)]),
            ],
            [new WatchTarget("w1", "address", "ransom", null, null, 0)]);

        Assert.Equal(["hop1", "hop2"], followed.Select(f => f.Value));
        Assert.Equal([1, 2], followed.Select(f => f.Hops));
        Assert.All(followed, f => Assert.Equal("w1", f.Origin));
        // funds_left only for the watched address itself; the service reached three hops on counts for the original watch.
        Assert.Equal(["funds_left", "reached_service"], hits.Select(h => h.Kind));
        Assert.Equal(("w1", "t3", (BigInteger)97_000), (hits[1].WatchId, hits[1].Transaction.TxId, hits[1].Amount));
        Assert.Contains("3 hop(s)", hits[1].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_OutputToAWalletThatIsNoService_IsFollowedNotAlerted_AndSanctionedAddressesAlert()
    {
        var (hits, followed) = Evaluator.Evaluate([Tx("t1", 10, [("ransom", 50)], [("private", 20), ("sanctioned", 30)])],
            [new WatchTarget("w1", "address", "ransom", null, null, 0)]);

        Assert.Equal(["funds_left", "reached_sanctioned"], hits.Select(h => h.Kind));
        Assert.Equal("private", Assert.Single(followed).Value);
    }

    [Fact]
    public void Evaluate_Threshold_AlertsOnlyWhenThatMuchLeavesAtOnce()
    {
        WatchTarget[] watches = [new WatchTarget("w1", "address", "a", 1_000, null, 0)];

        var small = Evaluator.Evaluate([Tx("t1", 1, [("a", 999)], [("x", 999)])], watches).Hits;
        var large = Evaluator.Evaluate([Tx("t2", 2, [("a", 600), ("a", 400)], [("x", 1_000)])], watches).Hits;

        Assert.DoesNotContain(small, h => h.Kind == "threshold");
        Assert.Equal((BigInteger)1_000, Assert.Single(large, h => h.Kind == "threshold").Amount);
    }

    [Fact]
    public void Evaluate_ActorWatch_MatchesEveryAddressAttributedToTheActor_AndCapsWhatReachesAnOutputAtWhatLeft()
    {
        var (hits, _) = Evaluator.Evaluate([Tx("t1", 5, [("private", 10), ("other-payer", 1_000)], [("sanctioned", 900)])],
            [new WatchTarget("w1", "actor", "someone", null, null, 0)]);

        Assert.Equal(["funds_left", "reached_sanctioned"], hits.Select(h => h.Kind));
        Assert.Equal((BigInteger)10, hits[1].Amount); // only 10 of the 900 can have come from the watched actor
    }

    [Fact]
    public void Evaluate_FollowingStopsAfterTheHopLimit()
    {
        var chain = Enumerable.Range(0, WatchEvaluator.MaxFollowHops + 2)
            .Select(i => Tx($"t{i}", i, [(i == 0 ? "start" : $"h{i}", 10)], [($"h{i + 1}", 10)])).ToList();

        var (_, followed) = Evaluator.Evaluate(chain, [new WatchTarget("w1", "address", "start", null, null, 0)]);

        Assert.Equal(WatchEvaluator.MaxFollowHops, followed.Count);
        Assert.Equal(WatchEvaluator.MaxFollowHops, followed.Max(f => f.Hops));
    }

    [Fact]
    public void Evaluate_TransactionsNotTouchingAWatch_RaiseNothing()
    {
        var (hits, followed) = Evaluator.Evaluate([Tx("t1", 1, [("x", 5)], [("deposit", 5)])], [new WatchTarget("w1", "address", "ransom", null, null, 0)]);

        Assert.Empty(hits);
        Assert.Empty(followed);
    }
}
