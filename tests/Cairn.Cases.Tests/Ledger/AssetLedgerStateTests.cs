using System.Numerics;
using Cairn.Cases.Ledger;
using Cairn.Core;
using FsCheck;
using FsCheck.Fluent;

namespace Cairn.Cases.Tests.Ledger;

/// <summary>
/// A store keeps a case's running balances instead of replaying its ledger for each new event (issue 17): the state restored
/// must decide every next event as the replay does, and taking back a rejected disposal must give what a replay without it gives.
/// </summary>
public class AssetLedgerStateTests
{
    private static readonly AssetKey Exchange = new("btc", "BTC", "exchange-mt");
    private static readonly AssetKey Token = new("eth", "XT", "exchange-mt");

    private static NewLedgerEvent Event(LedgerEventKind kind, BigInteger amount, AssetKey? asset = null, int? decimals = null) =>
        new(kind, asset ?? Exchange, amount, "Budapest Convention Art. 29", "Malta Police", "MT", "custody", "GB", []) { Decimals = decimals };

    private static readonly Gen<NewLedgerEvent> Events =
        from kind in Gen.Elements(Enum.GetValues<LedgerEventKind>())
        from amount in Gen.Choose(1, 400)
        from token in Gen.Elements(false, true)
        from decimals in Gen.Elements<int?>(null, 6, 8)
        select Event(kind, amount, token ? Token : Exchange, token ? decimals : null);

    /// <summary>Applies and answers the refusal's message, or null when accepted.</summary>
    private static string? Outcome(AssetLedger ledger, NewLedgerEvent e)
    {
        try
        {
            ledger.Apply(e);
            return null;
        }
        catch (CairnException ex)
        {
            return ex.Message;
        }
    }

    [Fact]
    public void FromState_DecidesEveryNextEvent_AsTheReplayItWasTakenFrom()
    {
        var property = Prop.ForAll(Gen.ListOf(Events).ToArbitrary(), Gen.ListOf(Events).ToArbitrary(), (before, after) =>
        {
            var replayed = new AssetLedger();
            foreach (var e in before) Outcome(replayed, e);
            var restored = AssetLedger.FromState(replayed.State());
            return after.All(e => Outcome(replayed, e) == Outcome(restored, e)) && Same(replayed.State(), restored.State());
        });
        Check.QuickThrowOnFailure(property);
    }

    [Fact]
    public void TryWithdraw_OfAnAcceptedDisposal_LeavesWhatAReplayWithoutItGives_AndDecidesTheNextEventsAsIt()
    {
        var property = Prop.ForAll(Gen.ListOf(Events).ToArbitrary(), Gen.Choose(0, 1000).ToArbitrary(), Gen.ListOf(Events).ToArbitrary(), (events, pick, after) =>
        {
            var ledger = new AssetLedger();
            var accepted = events.Where(e => Outcome(ledger, e) is null).ToList();
            var disposals = accepted.Select((e, i) => (e, i)).Where(x => LedgerApprovals.NeedsApproval(x.e.Kind)).ToList();
            if (disposals.Count == 0) return true;
            var (withdrawn, index) = disposals[pick % disposals.Count];
            var withoutIt = AssetLedger.Replay(accepted.Where((_, i) => i != index));
            if (!ledger.TryWithdraw(withdrawn)) return withdrawn.Decimals is not null && withdrawn.Asset == Token;
            return Same(ledger.State(), withoutIt.State()) && after.All(e => Outcome(ledger, e) == Outcome(withoutIt, e));
        });
        Check.QuickThrowOnFailure(property);
    }

    [Fact]
    public void TryWithdraw_OfADisposalThatGaveATokensDecimals_IsLeftToAReplay_AndChangesNothing()
    {
        var ledger = new AssetLedger();
        foreach (var kind in new[] { LedgerEventKind.Freeze, LedgerEventKind.Seize, LedgerEventKind.Confiscate }) ledger.Apply(Event(kind, 100, Token));
        // The return is the first event to give XT's decimals: without it, the case has none recorded, which only a replay can tell.
        var giving = Event(LedgerEventKind.ReturnToState, 40, Token, decimals: 6);
        ledger.Apply(giving);
        var before = ledger.State();

        Assert.False(ledger.TryWithdraw(giving));
        Assert.True(Same(before, ledger.State()));
        Assert.Equal(6, ledger.DecimalsOf("eth", "XT"));
    }

    [Fact]
    public void TryWithdraw_OfARejectedReturn_MakesItsAmountAvailableAgain_ForTheDisposalItHeldBack()
    {
        var ledger = new AssetLedger();
        foreach (var kind in new[] { LedgerEventKind.Freeze, LedgerEventKind.Seize, LedgerEventKind.Confiscate }) ledger.Apply(Event(kind, 100));
        var pending = Event(LedgerEventKind.ReturnToState, 60);
        ledger.Apply(pending);
        Assert.Throws<CairnException>(() => ledger.Apply(Event(LedgerEventKind.Liquidate, 41)));

        Assert.True(ledger.TryWithdraw(pending));

        ledger.Apply(Event(LedgerEventKind.Liquidate, 100));
        var balance = Assert.Single(ledger.Balances());
        Assert.Equal((BigInteger.Zero, new BigInteger(100), BigInteger.Zero), (balance.Confiscated, balance.Liquidated, balance.Returned));
        Assert.Throws<CairnException>(() => ledger.Apply(Event(LedgerEventKind.Share, 1)));
    }

    /// <summary>The same balances, totals and decimals, leaving out rows that are all zero (a withdrawal leaves the row it emptied).</summary>
    internal static bool Same(AssetLedgerState a, AssetLedgerState b)
    {
        static IEnumerable<AssetBalance> Balances(AssetLedgerState s) => s.Balances.Where(x => !(x.Frozen.IsZero && x.Seized.IsZero && x.Confiscated.IsZero && x.Liquidated.IsZero && x.Returned.IsZero && x.Shared.IsZero));
        static IEnumerable<StateTotals> States(AssetLedgerState s) => s.States.Where(x => !(x.Frozen.IsZero && x.Seized.IsZero && x.Confiscated.IsZero && x.Received.IsZero && x.Returned.IsZero));
        return Balances(a).SequenceEqual(Balances(b)) && States(a).SequenceEqual(States(b)) && a.Decimals.SequenceEqual(b.Decimals);
    }
}
