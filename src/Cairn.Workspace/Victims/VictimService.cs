using System.Text.RegularExpressions;
using Cairn.Cases.Agencies;
using Cairn.Cases.Ledger;
using Cairn.Cases.Victims;
using Cairn.Core;
using Cairn.Workspace.Ledger;

namespace Cairn.Workspace.Victims;

/// <summary>
/// Victims of a case and their losses (issue 18): each loss names the transactions that prove it; returns to a victim in the
/// ledger point to them and, once approved, count against what they lost (docs/ledger.md, "Victims").
/// </summary>
public sealed partial class VictimService
{
    private readonly IVictimStore _store;
    private readonly Cases.CasePrivacy _privacy;

    public VictimService(IVictimStore store, Cases.CasePrivacy privacy)
    {
        _privacy = privacy;
        _store = store;
    }

    public Task<Victim> AddAsync(Actor actor, string caseReference, VictimRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var name = ValidationException.Required(request.Name, "name").Trim();
        if (name.Length > 200) throw new ValidationException("name", "the victim's name is longer than 200 characters");
        var details = request.Details?.Trim() ?? "";
        if (details.Length > 4000) throw new ValidationException("details", "the details are longer than 4000 characters");
        return _store.AddAsync(actor, caseReference, name, details, cancellationToken);
    }

    public Task<VictimLoss> AddLossAsync(Actor actor, string caseReference, string victimId, VictimLossRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var asset = new AssetKey(ValidationException.Required(request.Chain, "chain").Trim().ToLowerInvariant(), ValidationException.Required(request.Token, "token").Trim(), "");
        if (request.Decimals is < 0 or > 36) throw new ValidationException("decimals", $"decimals {request.Decimals} is out of range 0–36");
        var decimals = request.Decimals ?? LedgerService.Decimals(asset);
        var amount = LedgerService.Amount(request.Amount, request.AmountUnits, asset, decimals);
        if (amount.Sign <= 0) throw new ValidationException("amount_units", "a loss is a positive amount");
        // A JSON body can hold null in the list ("transaction_ids": [null]): refused on one line, not a 500 (found by the API fuzz pass, issue 17).
        var transactions = (request.TransactionIds ?? []).Select((t, n) => t?.Trim()
                ?? throw new ValidationException($"transaction_ids[{n}]", $"item {n + 1} of 'transaction_ids' is null, not a transaction id")).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (transactions.Count == 0) throw new ValidationException("transaction_ids", "name at least one transaction that proves the loss (the victim's payment)");
        for (var n = 0; n < transactions.Count; n++)
            if (!TransactionId().IsMatch(transactions[n]))
                throw new ValidationException($"transaction_ids[{n}]", $"'{transactions[n]}' is not a transaction id (64 hexadecimal digits, 0x-prefixed on account chains)");
        return _store.AddLossAsync(actor, caseReference, ValidationException.Required(victimId, "victim_id"),
            new VictimLoss("", victimId, asset.Chain, asset.Token, amount, AssetDecimals.Native(asset) is null ? decimals : null, transactions, request.Description?.Trim() ?? "", default, ""),
            cancellationToken);
    }

    /// <summary>The case's victims with what each lost, received (approved returns) and awaits (pending returns), per asset.</summary>
    public async Task<IReadOnlyList<VictimAccount>> ListAsync(Actor actor, string caseReference, CancellationToken cancellationToken = default) =>
        await _privacy.ApplyAsync(actor, caseReference, await _store.ListAsync(actor, caseReference, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);

    // Bitcoin-style txids are 32 bytes in hex (BIP 14 display order); account chains (Ethereum, EIP-155 and after) prefix 0x.
    [GeneratedRegex("^(0x)?[0-9a-fA-F]{64}$")]
    private static partial Regex TransactionId();
}
