using Cairn.Cases.Agencies;
using Cairn.Cases.Ledger;
using Cairn.Core;

namespace Cairn.Workspace.Ledger;

/// <summary>
/// The asset-recovery ledger of a case: recording an event (refused, with nothing written, when it
/// breaks an invariant such as seizing more than is frozen) and the ledger with its balances per
/// asset and totals per State.
/// </summary>
public sealed class LedgerService
{
    private readonly ILedgerStore _ledger;

    public LedgerService(ILedgerStore ledger) => _ledger = ledger;

    public Task<LedgerEvent> AddAsync(Actor actor, string caseReference, LedgerEventRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var asset = new AssetKey(ValidationException.Required(request.Chain, "chain").ToLowerInvariant(), ValidationException.Required(request.Token, "token"),
            ValidationException.Required(request.Location, "location"));
        var amountText = ValidationException.Required(request.Amount, "amount");
        System.Numerics.BigInteger amount;
        try { amount = BaseUnits.ParseInteger(amountText, "amount"); }
        catch (CairnException ex) { throw new ValidationException("amount", ex.Message, ex); }
        var newEvent = new NewLedgerEvent(LedgerEventKinds.Parse(ValidationException.Required(request.Event, "event")), asset, amount,
            ValidationException.Required(request.LegalBasis, "legal_basis"), ValidationException.Required(request.Authority, "authority"),
            ValidationException.Required(request.Jurisdiction, "jurisdiction").ToUpperInvariant(),
            string.IsNullOrWhiteSpace(request.TargetLocation) ? null : request.TargetLocation.Trim(),
            string.IsNullOrWhiteSpace(request.Recipient) ? null : request.Recipient.Trim(), request.EvidenceIds ?? []);
        return _ledger.AddAsync(actor, caseReference, newEvent, cancellationToken);
    }

    /// <summary>The case's events, balances per asset and totals per State (logged as "ledger.read").</summary>
    public Task<LedgerReport> GetAsync(Actor actor, string caseReference, CancellationToken cancellationToken = default) => _ledger.GetAsync(actor, caseReference, cancellationToken);

    /// <summary>Decimals of a chain's native coin or of a token the registry lists for it, for the human amount printed next to the exact one.</summary>
    public static int? Decimals(AssetKey asset)
    {
        ArgumentNullException.ThrowIfNull(asset);
        if (Cairn.Chains.ChainRegistry.Find(asset.Chain) is not { } chain) return null;
        if (string.Equals(asset.Token, chain.Symbol, StringComparison.OrdinalIgnoreCase)) return chain.Decimals;
        return chain.Tokens.FirstOrDefault(t => string.Equals(t.Symbol, asset.Token, StringComparison.OrdinalIgnoreCase))?.Decimals;
    }
}
