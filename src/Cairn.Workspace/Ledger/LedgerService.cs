using System.Globalization;
using System.Numerics;
using Cairn.Cases.Agencies;
using Cairn.Cases.Ledger;
using Cairn.Core;
using Cairn.Valuation.Rates;
using Cairn.Workspace.Valuation;

namespace Cairn.Workspace.Ledger;

/// <summary>
/// The asset-recovery ledger of a case: recording an event (refused, with nothing written, when it
/// breaks an invariant such as seizing more than is frozen; the refusal names the field it is about)
/// and the ledger with its balances per asset and totals per State, its events valued in a fiat currency on
/// request (<see cref="ViewAsync"/>).
/// </summary>
public sealed class LedgerService
{
    private readonly ILedgerStore _ledger;
    private readonly TimeProvider _time;
    private readonly RateService _rates;
    private readonly IAccountStore _accounts;
    private readonly Cases.CasePrivacy _privacy;

    public LedgerService(ILedgerStore ledger, RateService rates, TimeProvider time, IAccountStore accounts, Cases.CasePrivacy privacy)
    {
        _privacy = privacy;
        _ledger = ledger;
        _rates = rates;
        _time = time;
        _accounts = accounts;
    }

    public Task<LedgerEvent> AddAsync(Actor actor, string caseReference, LedgerEventRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var kind = LedgerEventKinds.Parse(ValidationException.Required(request.Event, "event"));
        var asset = new AssetKey(ValidationException.Required(request.Chain, "chain").ToLowerInvariant(), ValidationException.Required(request.Token, "token"),
            ValidationException.Required(request.Location, "location"));
        if (request.Decimals is < 0 or > 36) throw new ValidationException("decimals", $"decimals {request.Decimals} is out of range 0–36");
        // BTC and ETH the domain knows; other coins and tokens the chain registry lists (USDT on eth: 6) are kept with the event.
        var decimals = request.Decimals ?? Decimals(asset);
        var amount = Amount(request.Amount, request.AmountUnits, asset, decimals);
        var now = _time.GetUtcNow();
        if (request.OccurredAt is { } occurred && occurred > now)
            throw new ValidationException("occurred_at", $"the date it happened ({occurred.UtcDateTime:yyyy-MM-dd HH:mm} UTC) is in the future: record an event once it has happened");
        var newEvent = new NewLedgerEvent(kind, asset, amount,
            ValidationException.Required(request.LegalBasis, "legal_basis"), ValidationException.Required(request.Authority, "authority"),
            ValidationException.Required(request.Jurisdiction, "jurisdiction").ToUpperInvariant(),
            string.IsNullOrWhiteSpace(request.TargetLocation) ? null : request.TargetLocation.Trim(),
            string.IsNullOrWhiteSpace(request.Recipient) ? null : request.Recipient.Trim(), request.EvidenceIds ?? [])
        {
            OccurredAt = request.OccurredAt,
            Decimals = request.Decimals ?? (AssetDecimals.Native(asset) is null ? decimals : null),
            VictimId = string.IsNullOrWhiteSpace(request.VictimId) ? null : request.VictimId.Trim(),
        };
        if (newEvent.VictimId is not null && kind != LedgerEventKind.ReturnToVictim)
            throw new ValidationException("victim_id", $"only a return to a victim points to a victim, not a {LedgerEventKinds.Name(kind)}");
        return _ledger.AddAsync(actor, caseReference, newEvent, cancellationToken);
    }

    /// <summary>
    /// Approves a pending disposal (liquidation, return, sharing): the actor must hold an active account of their agency with the
    /// asset-recovery officer or prosecutor role and must not have recorded it (four eyes; logged as ledger.approve).
    /// </summary>
    public async Task<LedgerEvent> ApproveAsync(Actor actor, string caseReference, string eventId, CancellationToken cancellationToken = default)
    {
        var role = await ApproverRoleAsync(actor, eventId, cancellationToken).ConfigureAwait(false);
        return await _ledger.DecideAsync(actor, caseReference, ValidationException.Required(eventId, "event_id"),
            new LedgerDecision(LedgerApproval.Approved, actor.User, actor.Agency, role, _time.GetUtcNow(), null), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Rejects a pending disposal with the reason (required); the event stays on record and never counts (logged as ledger.reject).</summary>
    public async Task<LedgerEvent> RejectAsync(Actor actor, string caseReference, string eventId, string? reason, CancellationToken cancellationToken = default)
    {
        var why = ValidationException.Required(reason, "reason").Trim();
        if (why.Length > 2000) throw new ValidationException("reason", "the reason is longer than 2000 characters");
        var role = await ApproverRoleAsync(actor, eventId, cancellationToken).ConfigureAwait(false);
        return await _ledger.DecideAsync(actor, caseReference, ValidationException.Required(eventId, "event_id"),
            new LedgerDecision(LedgerApproval.Rejected, actor.User, actor.Agency, role, _time.GetUtcNow(), why), cancellationToken).ConfigureAwait(false);
    }

    private async Task<string> ApproverRoleAsync(Actor actor, string eventId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var account = await _accounts.FindAsync(actor.User, cancellationToken).ConfigureAwait(false);
        var needs = string.Join(" or ", LedgerApprovals.ApproverRoles);
        if (account is null || account.Disabled || account.Agency != actor.Agency)
            throw new ForbiddenException($"{actor.User} has no active account of agency {actor.Agency}: deciding on ledger event {eventId} needs one with the {needs} role");
        return LedgerApprovals.ApproverRoles.FirstOrDefault(r => account.Roles.Any(held => string.Equals(held.ToString(), r, StringComparison.OrdinalIgnoreCase)))
            ?? throw new ForbiddenException($"deciding on ledger event {eventId} needs the {needs} role; {actor.User} holds {string.Join(", ", account.Roles)}");
    }

    /// <summary>The case's events, balances per asset and totals per State (logged as "ledger.read").</summary>
    public async Task<LedgerReport> GetAsync(Actor actor, string caseReference, CancellationToken cancellationToken = default) =>
        await _privacy.ApplyAsync(actor, caseReference, await _ledger.GetAsync(actor, caseReference, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// The ledger as shown (logged as "ledger.read"); with <paramref name="fiat"/> (an ISO 4217 code Cairn values in) every
    /// event is valued at the date it happened (else the date it was recorded) from the imported rate tables, or says "no rate".
    /// </summary>
    public async Task<LedgerView> ViewAsync(Actor actor, string caseReference, string? fiat, CancellationToken cancellationToken = default)
    {
        // The currency is checked before the read, so a bad one reads (and logs) nothing.
        var currency = string.IsNullOrWhiteSpace(fiat) ? null : RateService.Currency(fiat, "fiat");
        var report = await GetAsync(actor, caseReference, cancellationToken).ConfigureAwait(false);
        var view = new LedgerView(report.CaseReference, report.Events, report.Balances, report.States);
        if (currency is null) return view;
        var valuator = await _rates.ValuatorAsync(cancellationToken).ConfigureAwait(false);
        // A token keeps the decimals it was first recorded with in the case (AssetLedger), so later events may not repeat them.
        var known = new Dictionary<(string, string), int>();
        var values = new List<LedgerFiat.EventValue>(report.Events.Count);
        foreach (var e in report.Events)
        {
            var key = (e.Details.Asset.Chain, e.Details.Asset.Token);
            if (e.Details.Decimals is { } given) known.TryAdd(key, given);
            values.Add(Value(e, known.TryGetValue(key, out var d) ? d : Decimals(e.Details.Asset), currency, valuator));
        }
        return view with { Fiat = new LedgerFiat(currency, values) };
    }

    private static LedgerFiat.EventValue Value(LedgerEvent e, int? knownDecimals, string currency, Valuator valuator)
    {
        var asset = e.Details.Asset;
        var day = DateOnly.FromDateTime((e.Details.OccurredAt ?? e.RecordedAt).UtcDateTime);
        var date = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (knownDecimals is not { } decimals)
            return new LedgerFiat.EventValue(e.Sequence, date, null, $"no rate: the decimals of {asset.Token} on {asset.Chain} are not known, so its amount cannot be valued");
        return valuator.Value([asset.Token], decimals, e.Details.Amount, day, currency) is { } value
            ? new LedgerFiat.EventValue(e.Sequence, date, value, null)
            : new LedgerFiat.EventValue(e.Sequence, date, null, $"no rate for {asset.Token} in {currency} on {date} or the {Valuator.MaxStaleDays} days before");
    }

    /// <summary>Decimals of a chain's native coin or of a token the registry lists for it, for the human amount printed next to the exact one.</summary>
    public static int? Decimals(AssetKey asset)
    {
        ArgumentNullException.ThrowIfNull(asset);
        if (Cairn.Chains.ChainRegistry.Find(asset.Chain) is not { } chain) return null;
        if (string.Equals(asset.Token, chain.Symbol, StringComparison.OrdinalIgnoreCase)) return chain.Decimals;
        return chain.Tokens.FirstOrDefault(t => string.Equals(t.Symbol, asset.Token, StringComparison.OrdinalIgnoreCase))?.Decimals;
    }

    /// <summary>The exact amount: given in base units, or in units converted with the asset's decimals; both given, they must agree.</summary>
    internal static BigInteger Amount(string? amount, string? amountUnits, AssetKey asset, int? decimals)
    {
        BigInteger? exact = null;
        if (!string.IsNullOrWhiteSpace(amount))
        {
            try { exact = BaseUnits.ParseInteger(amount.Trim(), "amount"); }
            catch (CairnException ex) { throw new ValidationException("amount", ex.Message, ex); }
        }
        if (!string.IsNullOrWhiteSpace(amountUnits))
        {
            if (decimals is not { } d)
                throw new ValidationException("decimals", $"give the decimals of {asset.Token} on {asset.Chain} to enter its amount in units (the chain registry does not list it)");
            BigInteger converted;
            try { converted = BaseUnits.ParseDecimal(amountUnits.Trim(), d, "amount_units"); }
            catch (CairnException ex) { throw new ValidationException("amount_units", ex.Message, ex); }
            if (exact is { } e && e != converted)
                throw new ValidationException("amount_units", $"{amountUnits} {asset.Token} is {converted} base units, not {e}");
            exact = converted;
        }
        return exact ?? throw new ValidationException("amount_units", "give the amount (in units, or exactly in base units)");
    }
}
