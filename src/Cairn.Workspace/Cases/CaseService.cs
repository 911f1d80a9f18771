using Cairn.Cases.Agencies;
using Cairn.Cases.Cases;
using Cairn.Core;
using Cairn.Core.Paging;

namespace Cairn.Workspace.Cases;

/// <summary>
/// Cases: open, list, read, share, and change (wallets, notes, status). The store decides
/// visibility by agency and logs every read and write in the custody log; changes are checked
/// against the version the caller read, so two editors never overwrite each other.
/// </summary>
public sealed class CaseService
{
    private readonly ICaseStore _cases;
    private readonly TimeProvider _time;

    public CaseService(ICaseStore cases, TimeProvider time)
    {
        _cases = cases;
        _time = time;
    }

    public Task<Case> CreateAsync(Actor actor, NewCaseRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var newCase = new NewCase(ValidationException.Required(request.Reference, "reference"), ValidationException.Required(request.Title, "title"),
            ValidationException.Required(request.OffenceType, "offence_type"));
        return _cases.CreateAsync(actor, newCase, cancellationToken);
    }

    public async Task<Page<CaseSummary>> ListAsync(Actor actor, PageRequest page, CancellationToken cancellationToken = default) =>
        (await _cases.ListAsync(actor, page, cancellationToken).ConfigureAwait(false)).Map(CaseSummary.Of);

    /// <summary>Reads a case (logged as "case.read"); not found when the actor's agency may not see it.</summary>
    public Task<Case> GetAsync(Actor actor, string reference, CancellationToken cancellationToken = default) => _cases.GetAsync(actor, reference, cancellationToken);

    public Task<Case> ShareAsync(Actor actor, string reference, ShareRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _cases.ShareAsync(actor, reference, ValidationException.Required(request.Agency, "agency"), cancellationToken);
    }

    public Task<Case> AddWalletAsync(Actor actor, string reference, WalletRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var role = Enum.TryParse<WalletRole>(request.Role ?? "unknown", ignoreCase: true, out var parsed) && !int.TryParse(request.Role, out _) ? parsed
            : throw new ValidationException("role", $"wallet role '{request.Role}' is not one of {string.Join(", ", Enum.GetNames<WalletRole>()).ToLowerInvariant()}");
        var wallet = new CaseWallet(ValidationException.Required(request.Chain, "chain").ToLowerInvariant(), ValidationException.Required(request.Address, "address"), role, request.Label?.Trim() ?? "");
        return ChangeAsync(actor, reference, request.Version, c => c with
        {
            Wallets = [.. c.Wallets.Where(w => !(w.Chain == wallet.Chain && w.Address == wallet.Address)), wallet],
        }, cancellationToken);
    }

    public Task<Case> AddNoteAsync(Actor actor, string reference, NoteRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        var text = ValidationException.Required(request.Text, "text");
        return ChangeAsync(actor, reference, request.Version, c => c with { Notes = [.. c.Notes, new CaseNote(actor.User, actor.Agency, _time.GetUtcNow(), text)] }, cancellationToken);
    }

    public Task<Case> SetStatusAsync(Actor actor, string reference, CaseStatusRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var text = ValidationException.Required(request.Status, "status");
        var status = Enum.TryParse<CaseStatus>(text, ignoreCase: true, out var parsed) && !int.TryParse(text, out _) ? parsed
            : throw new ValidationException("status", $"case status '{request.Status}' is not one of open, suspended, closed");
        return ChangeAsync(actor, reference, request.Version, c => status == CaseStatus.Closed ? c.Close(_time.GetUtcNow()) : c with { Status = status, ClosedAt = null }, cancellationToken);
    }

    /// <summary>Reads, changes and saves a case; a stale <paramref name="version"/> from the client is a conflict, as a concurrent save is.</summary>
    public async Task<Case> ChangeAsync(Actor actor, string reference, long? version, Func<Case, Case> change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        var current = await _cases.GetAsync(actor, reference, cancellationToken).ConfigureAwait(false);
        if (version is { } expected && expected != current.Version)
            throw new ConcurrencyException($"case '{reference}' is at version {current.Version}, not {expected}: reload and retry");
        return await _cases.UpdateAsync(actor, change(current), cancellationToken).ConfigureAwait(false);
    }
}
