using System.Numerics;
using Cairn.Cases.Ledger;
using Cairn.Core;
using FsCheck;
using FsCheck.Fluent;

namespace Cairn.Cases.Tests.Ledger;

public class AssetLedgerTests
{
    private static readonly AssetKey Exchange = new("btc", "BTC", "exchange-mt");

    private static NewLedgerEvent Event(LedgerEventKind kind, BigInteger amount, string? target = null, string? recipient = null, string jurisdiction = "MT") =>
        new(kind, Exchange, amount, "Budapest Convention Art. 29", "Malta Police", jurisdiction, target, recipient, []);

    [Fact]
    public void FullRecovery_FreezeToReturnAndShare_EndsWithExactBalances()
    {
        var ledger = AssetLedger.Replay(
        [
            Event(LedgerEventKind.Freeze, 500_000_000),
            Event(LedgerEventKind.Seize, 400_000_000),
            Event(LedgerEventKind.TransferToCustody, 400_000_000, target: "state-custody-mt"),
        ]);
        var custody = Exchange with { Location = "state-custody-mt" };
        ledger.Apply(Event(LedgerEventKind.Confiscate, 400_000_000) with { Asset = custody });
        ledger.Apply(Event(LedgerEventKind.ReturnToState, 300_000_000, recipient: "GB") with { Asset = custody });
        ledger.Apply(Event(LedgerEventKind.Share, 100_000_000, recipient: "MT") with { Asset = custody });

        var atExchange = ledger.Balances().Single(b => b.Asset == Exchange);
        var inCustody = ledger.Balances().Single(b => b.Asset == custody);
        Assert.Equal((new BigInteger(100_000_000), BigInteger.Zero), (atExchange.Frozen, atExchange.Seized));
        Assert.Equal((BigInteger.Zero, BigInteger.Zero, new BigInteger(300_000_000), new BigInteger(100_000_000)), (inCustody.Seized, inCustody.Confiscated, inCustody.Returned, inCustody.Shared));
        Assert.Equal(new BigInteger(300_000_000), ledger.States().Single(s => s.State == "GB").Received);
        var malta = ledger.States().Single(s => s.State == "MT");
        Assert.Equal((new BigInteger(500_000_000), new BigInteger(400_000_000), new BigInteger(100_000_000)), (malta.Frozen, malta.Seized, malta.Received));
    }

    [Theory]
    [InlineData(LedgerEventKind.Seize, "only 0.000001 BTC (100 base units) is frozen")]
    [InlineData(LedgerEventKind.Unfreeze, "only 0.000001 BTC (100 base units) is frozen")]
    [InlineData(LedgerEventKind.Confiscate, "only 0 BTC (0 base units) is seized")]
    [InlineData(LedgerEventKind.ReturnToVictim, "only 0 BTC (0 base units) is confiscated")]
    public void Apply_BeyondWhatIsAvailable_IsRefusedWithTheRuleNamed(LedgerEventKind kind, string message)
    {
        var ledger = AssetLedger.Replay([Event(LedgerEventKind.Freeze, 100)]);
        var error = Assert.Throws<CairnException>(() => ledger.Apply(Event(kind, 101, recipient: "victim")));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(new BigInteger(100), ledger.Balances().Single(b => b.Asset == Exchange).Frozen);
    }

    [Fact]
    public void Apply_TokenWithOtherDecimalsThanFirstRecorded_IsRefusedAndChangesNothing()
    {
        var usdt = new AssetKey("eth", "USDT", "exchange-mt");
        var ledger = AssetLedger.Replay([Event(LedgerEventKind.Freeze, 1_000_000) with { Asset = usdt, Decimals = 6 }]);

        var error = Assert.Throws<CairnException>(() => ledger.Apply(Event(LedgerEventKind.Freeze, 5) with { Asset = usdt, Decimals = 18 }));

        Assert.Equal("decimals", error.Field);
        Assert.Equal(6, ledger.DecimalsOf("eth", "USDT"));
        Assert.Equal(new BigInteger(1_000_000), ledger.Balances().Single(b => b.Asset == usdt).Frozen);
        var beyond = Assert.Throws<CairnException>(() => ledger.Apply(Event(LedgerEventKind.Seize, 2_000_000) with { Asset = usdt }));
        Assert.Contains("only 1 USDT (1000000 base units) is frozen", beyond.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void States_CountWhatTheActingStateReturned_ForTheRecoveryFunnel()
    {
        var ledger = AssetLedger.Replay(
        [
            Event(LedgerEventKind.Freeze, 300),
            Event(LedgerEventKind.Seize, 300),
            Event(LedgerEventKind.Confiscate, 300),
            Event(LedgerEventKind.ReturnToVictim, 200, recipient: "victim A"),
        ]);

        var malta = ledger.States().Single(s => s.State == "MT");
        Assert.Equal((new BigInteger(300), new BigInteger(200)), (malta.Confiscated, malta.Returned));
        Assert.Equal(new BigInteger(200), ledger.States().Single(s => s.State == "victim A").Received);
    }

    [Fact]
    public void Apply_ZeroAmountOrMissingRecipient_IsRefused()
    {
        var ledger = new AssetLedger();
        Assert.Throws<CairnException>(() => ledger.Apply(Event(LedgerEventKind.Freeze, 0)));
        Assert.Throws<CairnException>(() => ledger.Apply(Event(LedgerEventKind.Share, 1)));
        Assert.Throws<CairnException>(() => ledger.Apply(Event(LedgerEventKind.TransferToCustody, 1)));
    }

    [Fact]
    public void AnySequenceOfEvents_NeverLeavesANegativeBalance_AndConservesValue()
    {
        var kinds = Enum.GetValues<LedgerEventKind>();
        var events = Gen.ListOf(
            from kind in Gen.Elements(kinds)
            from amount in Gen.Choose(1, 1000)
            select Event(kind, amount, target: "custody", recipient: "GB"));
        var property = Prop.ForAll(events.ToArbitrary(), list =>
        {
            var ledger = new AssetLedger();
            BigInteger frozenIn = 0, unfrozen = 0;
            foreach (var e in list)
            {
                try
                {
                    ledger.Apply(e);
                    if (e.Kind == LedgerEventKind.Freeze) frozenIn += e.Amount;
                    if (e.Kind == LedgerEventKind.Unfreeze) unfrozen += e.Amount;
                }
                catch (CairnException)
                {
                    // refused events change nothing; checked by the conservation below
                }
            }
            var balances = ledger.Balances();
            var nonNegative = balances.All(b => b.Frozen >= 0 && b.Seized >= 0 && b.Confiscated >= 0);
            var accounted = balances.Aggregate(BigInteger.Zero, (sum, b) => sum + b.Frozen + b.Seized + b.Confiscated + b.Liquidated + b.Returned + b.Shared);
            return nonNegative && accounted == frozenIn - unfrozen;
        });
        Check.QuickThrowOnFailure(property);
    }
}
