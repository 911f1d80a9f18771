using System.Numerics;
using Cairn.Core;

namespace Cairn.Cases.Ledger;

/// <summary>
/// Replays a case's ledger events and enforces the recovery invariants before an event is
/// accepted: amounts are positive integers of base units; nothing is unfrozen or seized beyond
/// what is frozen at that location; nothing transferred or confiscated beyond what is seized
/// there; nothing liquidated, returned or shared beyond what is confiscated and not yet disposed of.
/// A token keeps the decimals it was first recorded with (a native coin its own), so one amount in
/// units cannot mean two different numbers of base units in the same case.
/// </summary>
public sealed class AssetLedger
{
    private readonly Dictionary<AssetKey, Balance> _balances = [];
    private readonly Dictionary<(string State, string Chain, string Token), StateBalance> _states = [];
    private readonly Dictionary<(string Chain, string Token), int> _decimals = [];

    public static AssetLedger Replay(IEnumerable<NewLedgerEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var ledger = new AssetLedger();
        foreach (var e in events) ledger.Apply(e);
        return ledger;
    }

    /// <summary>
    /// The ledger as it stood when <paramref name="state"/> was taken (<see cref="State"/>): applying an event to it decides as
    /// applying it after a replay of the events the state was taken from, since every check reads only the running balances
    /// and the decimals already recorded, never an earlier event itself.
    /// </summary>
    public static AssetLedger FromState(AssetLedgerState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var ledger = new AssetLedger();
        foreach (var b in state.Balances)
            ledger._balances[b.Asset] = new Balance { Frozen = b.Frozen, Seized = b.Seized, Confiscated = b.Confiscated, Liquidated = b.Liquidated, Returned = b.Returned, Shared = b.Shared };
        foreach (var t in state.States)
            ledger._states[(t.State, t.Chain, t.Token)] = new StateBalance { Frozen = t.Frozen, Seized = t.Seized, Confiscated = t.Confiscated, Received = t.Received, Returned = t.Returned };
        foreach (var d in state.Decimals) ledger._decimals[(d.Chain, d.Token)] = d.Decimals;
        return ledger;
    }

    /// <summary>What this ledger holds, to be kept and restored with <see cref="FromState"/>.</summary>
    public AssetLedgerState State() => new(Balances(), States(),
        [.. _decimals.OrderBy(kv => kv.Key.Chain, StringComparer.Ordinal).ThenBy(kv => kv.Key.Token, StringComparer.Ordinal).Select(kv => new TokenDecimals(kv.Key.Chain, kv.Key.Token, kv.Value))]);

    /// <summary>
    /// Takes back a disposal applied earlier (a pending one that is rejected): the ledger is then what a replay without it would
    /// give, since a disposal only moves an amount out of what is confiscated at its location into the disposed totals and the
    /// States' totals, and nothing applied after it can have depended on its being there (taking it out only leaves more
    /// confiscated). False, and nothing changed, when that does not hold exactly: it is not a disposal, or it gave a token's
    /// decimals (it may have been the event that first recorded them, which only a replay can tell); replay then.
    /// </summary>
    public bool TryWithdraw(NewLedgerEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (!LedgerApprovals.NeedsApproval(e.Kind)) return false;
        if (e.Decimals is not null && AssetDecimals.Native(e.Asset) is null) return false;
        if (!_balances.TryGetValue(e.Asset, out var balance)) return false;
        var disposed = e.Kind switch
        {
            LedgerEventKind.Liquidate => balance.Liquidated,
            LedgerEventKind.Share => balance.Shared,
            _ => balance.Returned,
        };
        if (disposed < e.Amount || string.IsNullOrWhiteSpace(e.Recipient) && e.Kind != LedgerEventKind.Liquidate) return false;
        balance.Confiscated += e.Amount;
        switch (e.Kind)
        {
            case LedgerEventKind.Liquidate:
                balance.Liquidated -= e.Amount;
                return true;
            case LedgerEventKind.Share:
                balance.Shared -= e.Amount;
                break;
            default:
                balance.Returned -= e.Amount;
                break;
        }
        StateOf(e.Recipient!, e.Asset).Received -= e.Amount;
        StateOf(e.Jurisdiction, e.Asset).Returned -= e.Amount;
        return true;
    }

    /// <summary>Applies <paramref name="e"/>, or throws <see cref="CairnException"/> naming the broken rule and changes nothing.</summary>
    public void Apply(NewLedgerEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e.Amount.Sign <= 0) throw CairnException.Invalid("amount", $"ledger amount must be a positive integer of base units, not {e.Amount}");
        if (string.IsNullOrWhiteSpace(e.LegalBasis)) throw CairnException.Invalid("legal_basis", $"a {Name(e.Kind)} needs its legal basis");
        if (string.IsNullOrWhiteSpace(e.Authority)) throw CairnException.Invalid("authority", $"a {Name(e.Kind)} needs the authority that ordered it");
        var known = DecimalsOf(e.Asset.Chain, e.Asset.Token);
        if (e.Decimals is { } given && known is { } recorded && given != recorded)
            throw CairnException.Invalid("decimals", $"{e.Asset.Token} on {e.Asset.Chain} has {recorded} decimals in this case, not {given}");
        var firstDecimals = known is null ? e.Decimals : null;
        e = e with { Decimals = e.Decimals ?? known };
        var balance = BalanceOf(e.Asset);
        switch (e.Kind)
        {
            case LedgerEventKind.Freeze:
                balance.Frozen += e.Amount;
                break;
            case LedgerEventKind.Unfreeze:
                Require(e, balance.Frozen, "frozen");
                balance.Frozen -= e.Amount;
                break;
            case LedgerEventKind.Seize:
                Require(e, balance.Frozen, "frozen");
                balance.Frozen -= e.Amount;
                balance.Seized += e.Amount;
                break;
            case LedgerEventKind.TransferToCustody:
                if (string.IsNullOrWhiteSpace(e.TargetLocation)) throw CairnException.Invalid("target_location", "a transfer to custody needs the target custody location");
                Require(e, balance.Seized, "seized");
                balance.Seized -= e.Amount;
                BalanceOf(e.Asset with { Location = e.TargetLocation }).Seized += e.Amount;
                break;
            case LedgerEventKind.Confiscate:
                Require(e, balance.Seized, "seized");
                balance.Seized -= e.Amount;
                balance.Confiscated += e.Amount;
                break;
            case LedgerEventKind.Liquidate:
                Require(e, balance.Confiscated, "confiscated and not yet disposed of");
                balance.Confiscated -= e.Amount;
                balance.Liquidated += e.Amount;
                break;
            default:
                if (string.IsNullOrWhiteSpace(e.Recipient)) throw CairnException.Invalid("recipient", $"a {Name(e.Kind)} needs the recipient (victim or state)");
                Require(e, balance.Confiscated, "confiscated and not yet disposed of");
                balance.Confiscated -= e.Amount;
                if (e.Kind == LedgerEventKind.Share) balance.Shared += e.Amount;
                else balance.Returned += e.Amount;
                StateOf(e.Recipient, e.Asset).Received += e.Amount;
                StateOf(e.Jurisdiction, e.Asset).Returned += e.Amount;
                break;
        }
        var acting = StateOf(e.Jurisdiction, e.Asset);
        if (e.Kind == LedgerEventKind.Freeze) acting.Frozen += e.Amount;
        if (e.Kind == LedgerEventKind.Seize) acting.Seized += e.Amount;
        if (e.Kind == LedgerEventKind.Confiscate) acting.Confiscated += e.Amount;
        if (firstDecimals is { } first) _decimals[(e.Asset.Chain, e.Asset.Token)] = first;
    }

    public IReadOnlyList<AssetBalance> Balances() => _balances
        .OrderBy(kv => kv.Key.Chain, StringComparer.Ordinal).ThenBy(kv => kv.Key.Token, StringComparer.Ordinal).ThenBy(kv => kv.Key.Location, StringComparer.Ordinal)
        .Select(kv => new AssetBalance(kv.Key, kv.Value.Frozen, kv.Value.Seized, kv.Value.Confiscated, kv.Value.Liquidated, kv.Value.Returned, kv.Value.Shared))
        .ToList();

    public IReadOnlyList<StateTotals> States() => _states
        .OrderBy(kv => kv.Key.State, StringComparer.Ordinal).ThenBy(kv => kv.Key.Chain, StringComparer.Ordinal).ThenBy(kv => kv.Key.Token, StringComparer.Ordinal)
        .Select(kv => new StateTotals(kv.Key.State, kv.Key.Chain, kv.Key.Token, kv.Value.Frozen, kv.Value.Seized, kv.Value.Confiscated, kv.Value.Received) { Returned = kv.Value.Returned })
        .ToList();

    /// <summary>The decimals of a token on a chain: the native coin's, or those it was first recorded with; null when never given.</summary>
    public int? DecimalsOf(string chain, string token) =>
        AssetDecimals.Native(new AssetKey(chain, token, "")) ?? (_decimals.TryGetValue((chain, token), out var d) ? d : null);

    private static void Require(NewLedgerEvent e, BigInteger available, string what)
    {
        if (e.Amount > available)
            throw CairnException.Invalid("amount",
                $"cannot {Name(e.Kind)} {AssetDecimals.Describe(e.Amount, e.Asset, e.Decimals)} on {e.Asset.Chain} at {e.Asset.Location}: only {AssetDecimals.Describe(available, e.Asset, e.Decimals)} is {what} there");
    }

    private static string Name(LedgerEventKind kind) => kind switch
    {
        LedgerEventKind.TransferToCustody => "transfer to custody",
        LedgerEventKind.ReturnToVictim => "return to victim",
        LedgerEventKind.ReturnToState => "return to state",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private Balance BalanceOf(AssetKey asset)
    {
        if (!_balances.TryGetValue(asset, out var balance)) _balances[asset] = balance = new Balance();
        return balance;
    }

    private StateBalance StateOf(string state, AssetKey asset)
    {
        var key = (state.Trim(), asset.Chain, asset.Token);
        if (!_states.TryGetValue(key, out var balance)) _states[key] = balance = new StateBalance();
        return balance;
    }

    private sealed class Balance
    {
        public BigInteger Frozen { get; set; }

        public BigInteger Seized { get; set; }

        public BigInteger Confiscated { get; set; }

        public BigInteger Liquidated { get; set; }

        public BigInteger Returned { get; set; }

        public BigInteger Shared { get; set; }
    }

    private sealed class StateBalance
    {
        public BigInteger Frozen { get; set; }

        public BigInteger Seized { get; set; }

        public BigInteger Confiscated { get; set; }

        public BigInteger Received { get; set; }

        public BigInteger Returned { get; set; }
    }
}
