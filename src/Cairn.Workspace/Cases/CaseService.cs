using Cairn.Cases.Agencies;
using Cairn.Cases.Cases;
using Cairn.Core;
using Cairn.Core.Paging;

namespace Cairn.Workspace.Cases;

/// <summary>
/// Cases: open, list, read, edit (title and offence, wallets, subjects, notes, status with its
/// reason), share at a level and revoke. The store decides visibility and access by agency and
/// logs every read and write in the custody log; changes are checked against the version the
/// caller read, so two editors never overwrite each other.
/// </summary>
public sealed class CaseService
{
    private readonly ICaseStore _cases;
    private readonly TimeProvider _time;
    private readonly Cairn.Cases.Deconfliction.IAddressDeconfliction _deconfliction;
    private readonly Cairn.Workspace.Deconfliction.ClusterDeconfliction _clusters;
    private readonly Custody.CustodyService _custody;

    public CaseService(ICaseStore cases, TimeProvider time, Cairn.Cases.Deconfliction.IAddressDeconfliction deconfliction, Cairn.Workspace.Deconfliction.ClusterDeconfliction clusters,
        Custody.CustodyService custody)
    {
        _custody = custody;
        _cases = cases;
        _time = time;
        _deconfliction = deconfliction;
        _clusters = clusters;
    }

    public Task<Case> CreateAsync(Actor actor, NewCaseRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var reference = ValidationException.Required(request.Reference, "reference");
        var title = ValidationException.Required(request.Title, "title");
        var (offence, detail) = OffenceTypes.Parse(request.OffenceType, request.OffenceDetail);
        return _cases.CreateAsync(actor, new NewCase(reference, title, offence, detail), cancellationToken);
    }

    /// <summary>One page of the cases the actor's agency sees; the titles of cases shared with it pseudonymised carry pseudonyms (<see cref="CasePrivacy"/>).</summary>
    public async Task<Page<CaseSummary>> ListAsync(Actor actor, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return (await _cases.ListAsync(actor, page, cancellationToken).ConfigureAwait(false)).Map(c => CaseSummary.Of(c, actor.Agency));
    }

    /// <summary>
    /// Reads a case (logged as "case.read"); not found when the actor's agency may not see it, with the same message as for a case that does not exist.
    /// An agency the case is shared with pseudonymised gets it with pseudonyms for the subjects' personal data; that read is also logged as
    /// "case.read-pseudonymised" with the hash of what it was handed.
    /// </summary>
    public async Task<Case> GetAsync(Actor actor, string reference, CancellationToken cancellationToken = default)
    {
        // The store masks it (PseudonymisingCaseStore); this says in the log what the agency was handed.
        var found = await _cases.GetAsync(actor, reference, cancellationToken).ConfigureAwait(false);
        if (CasePrivacy.IsMasked(actor, found))
            await _custody.RecordAsync(actor, "case.read-pseudonymised", "case", found.Id, Cairn.Cases.Custody.CustodyRecord.HashOf(Cairn.Core.Json.CairnJson.Serialize(found)), cancellationToken).ConfigureAwait(false);
        return found;
    }

    public Task<Case> UpdateAsync(Actor actor, string reference, CaseUpdateRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var title = ValidationException.Required(request.Title, "title");
        if (title.Length > 200) throw new ValidationException("title", "the title is longer than 200 characters");
        var (offence, detail) = OffenceTypes.Parse(request.OffenceType, request.OffenceDetail);
        return ChangeAsync(actor, reference, request.Version, c => c with { Title = title, OffenceType = offence, OffenceDetail = detail }, cancellationToken);
    }

    public Task<Case> ShareAsync(Actor actor, string reference, ShareRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _cases.ShareAsync(actor, reference, ValidationException.Required(request.Agency, "agency"), ParseLevel(request.Level), request.Pseudonymise ?? false, cancellationToken);
    }

    public Task<Case> RevokeAsync(Actor actor, string reference, string agency, CancellationToken cancellationToken = default) =>
        _cases.RevokeAsync(actor, reference, ValidationException.Required(agency, "agency"), cancellationToken);

    /// <summary>
    /// Records a wallet on the case; when another agency's case holds the same address, or an address in the same multi-input cluster,
    /// both agencies get a hit notice with no case details (deconfliction, issue 18; docs/deconfliction.md).
    /// </summary>
    public async Task<Case> AddWalletAsync(Actor actor, string reference, WalletRequest request, CancellationToken cancellationToken = default)
    {
        var changed = await AddWalletOnlyAsync(actor, reference, request, cancellationToken).ConfigureAwait(false);
        var wallet = changed.Wallets.Last();
        await _deconfliction.NotifyHitsAsync(actor, wallet.Chain, wallet.Address, cancellationToken).ConfigureAwait(false);
        await _clusters.NotifyHitsAsync(actor, wallet.Chain, wallet.Address, cancellationToken).ConfigureAwait(false);
        return changed;
    }

    private Task<Case> AddWalletOnlyAsync(Actor actor, string reference, WalletRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var role = ParseEnum<WalletRole>(request.Role ?? "unknown", "role", "wallet role");
        var address = ValidationException.Required(request.Address, "address");
        if (address.Length > 200 || address.Any(char.IsWhiteSpace)) throw new ValidationException("address", $"'{address}' is not an address: no spaces, at most 200 characters");
        var label = request.Label?.Trim() ?? "";
        if (label.Length > 200) throw new ValidationException("label", "the label is longer than 200 characters");
        var wallet = new CaseWallet(WalletChains.Parse(request.Chain), address, role, label);
        return ChangeAsync(actor, reference, request.Version, c => c with
        {
            Wallets = [.. c.Wallets.Where(w => !(w.Chain == wallet.Chain && w.Address == wallet.Address)), wallet],
        }, cancellationToken);
    }

    public Task<Case> RemoveWalletAsync(Actor actor, string reference, string chain, string address, long? version, CancellationToken cancellationToken = default) =>
        ChangeAsync(actor, reference, version, c => c.Wallets.Any(w => w.Chain == chain && w.Address == address)
            ? c with { Wallets = [.. c.Wallets.Where(w => !(w.Chain == chain && w.Address == address))] }
            : throw new NotFoundException($"case '{reference}' has no wallet {address} on {chain}"), cancellationToken);

    public Task<Case> AddSubjectAsync(Actor actor, string reference, SubjectRequest request, CancellationToken cancellationToken = default)
    {
        var subject = Subject(request) with { Id = Storage.CairnIds.New(_time) };
        return ChangeAsync(actor, reference, request.Version, c => c with { Subjects = [.. c.Subjects, subject] }, cancellationToken);
    }

    public Task<Case> UpdateSubjectAsync(Actor actor, string reference, string subjectId, SubjectRequest request, CancellationToken cancellationToken = default)
    {
        var subject = Subject(request) with { Id = subjectId };
        return ChangeAsync(actor, reference, request.Version, c => c.Subjects.Any(s => s.Id == subjectId)
            ? c with { Subjects = [.. c.Subjects.Select(s => s.Id == subjectId ? subject : s)] }
            : throw new NotFoundException($"case '{reference}' has no subject '{subjectId}'"), cancellationToken);
    }

    public Task<Case> RemoveSubjectAsync(Actor actor, string reference, string subjectId, long? version, CancellationToken cancellationToken = default) =>
        ChangeAsync(actor, reference, version, c => c.Subjects.Any(s => s.Id == subjectId)
            ? c with { Subjects = [.. c.Subjects.Where(s => s.Id != subjectId)] }
            : throw new NotFoundException($"case '{reference}' has no subject '{subjectId}'"), cancellationToken);

    public Task<Case> AddNoteAsync(Actor actor, string reference, NoteRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        var text = ValidationException.Required(request.Text, "text");
        if (text.Length > 20_000) throw new ValidationException("text", "the note is longer than 20,000 characters");
        return ChangeAsync(actor, reference, request.Version, c => c with { Notes = [.. c.Notes, new CaseNote(actor.User, actor.Agency, _time.GetUtcNow(), text)] }, cancellationToken);
    }

    /// <summary>Opens, suspends or closes a case with the reason why; each change joins the case's status history.</summary>
    public Task<Case> SetStatusAsync(Actor actor, string reference, CaseStatusRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        var status = ParseEnum<CaseStatus>(ValidationException.Required(request.Status, "status"), "status", "case status");
        var reason = ValidationException.Required(request.Reason, "reason");
        var now = _time.GetUtcNow();
        return ChangeAsync(actor, reference, request.Version, c =>
        {
            if (c.Status == status) throw new ValidationException("status", $"case '{reference}' is already {status.ToString().ToLowerInvariant()}");
            var changed = status == CaseStatus.Closed ? c.Close(now) : c with { Status = status, ClosedAt = null };
            return changed with { StatusReason = reason, StatusChanges = [.. c.StatusChanges, new CaseStatusChange(status, reason, now, actor.User, actor.Agency)] };
        }, cancellationToken);
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

    /// <summary>The grant level named <paramref name="text"/> (read when not given).</summary>
    public static GrantLevel ParseLevel(string? text) => ParseEnum<GrantLevel>(string.IsNullOrWhiteSpace(text) ? "read" : text, "level", "share level");

    private static CaseSubject Subject(SubjectRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var kind = ParseEnum<SubjectKind>(ValidationException.Required(request.Kind, "kind"), "kind", "subject kind");
        var role = ParseEnum<SubjectRole>(string.IsNullOrWhiteSpace(request.Role) ? "other" : request.Role, "role", "subject role");
        var name = ValidationException.Required(request.Name, "name");
        if (name.Length > 300) throw new ValidationException("name", "the name is longer than 300 characters");
        // "identifiers": [null] is refused on one line, as null list items elsewhere (issue 17: the API fuzz pass found them as 500s).
        var nullAt = (request.Identifiers ?? []).Select((i, n) => i is null ? n : -1).FirstOrDefault(n => n >= 0, -1);
        if (nullAt >= 0) throw new ValidationException($"identifiers[{nullAt}]", $"item {nullAt + 1} of 'identifiers' is null, not an identifier");
        var identifiers = (request.Identifiers ?? []).Where(i => !string.IsNullOrWhiteSpace(i.Value)).Select((i, n) =>
        {
            var value = i.Value!.Trim();
            if (value.Length > 300) throw new ValidationException($"identifiers[{n}].value", "the identifier is longer than 300 characters");
            return new SubjectIdentifier(IdentifierKinds.Parse(i.Kind, $"identifiers[{n}].kind"), value);
        }).ToList();
        return new CaseSubject(kind, name, request.Details?.Trim() ?? "") { Role = role, Identifiers = identifiers };
    }

    private static T ParseEnum<T>(string text, string field, string what) where T : struct, Enum =>
        Enum.TryParse<T>(text.Replace("_", "", StringComparison.Ordinal), ignoreCase: true, out var parsed) && !int.TryParse(text, out _) ? parsed
            : throw new ValidationException(field, $"{what} '{text}' is not one of {string.Join(", ", Enum.GetNames<T>()).ToLowerInvariant()}");
}
