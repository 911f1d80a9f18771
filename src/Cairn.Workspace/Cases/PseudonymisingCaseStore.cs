using Cairn.Cases.Agencies;
using Cairn.Cases.Cases;
using Cairn.Core.Paging;
using Cairn.Storage.Cases;

namespace Cairn.Workspace.Cases;

/// <summary>
/// The case store every service sees (<see cref="ICaseStore"/>): the SQL store, with each case read by an agency it is shared
/// with pseudonymised handed out masked (<see cref="CasePrivacy"/>), so what a service builds from the case for that agency
/// (request drafts, alert drafts, goAML reports, dashboards) carries pseudonyms too. Writes go through unchanged: only the
/// owner writes a case, and the owner always reads it as it is, so a masked case is never saved.
/// </summary>
public sealed class PseudonymisingCaseStore : ICaseStore
{
    private readonly SqlCaseStore _inner;
    private readonly CasePrivacy _privacy;

    public PseudonymisingCaseStore(SqlCaseStore inner, CasePrivacy privacy)
    {
        _inner = inner;
        _privacy = privacy;
    }

    public Task<Case> CreateAsync(Actor actor, NewCase newCase, CancellationToken cancellationToken = default) => _inner.CreateAsync(actor, newCase, cancellationToken);

    public async Task<Case> GetAsync(Actor actor, string reference, CancellationToken cancellationToken = default)
    {
        var found = await _inner.GetAsync(actor, reference, cancellationToken).ConfigureAwait(false);
        return CasePrivacy.IsMasked(actor, found) ? await _privacy.ApplyAsync(actor, found.Reference, found, cancellationToken).ConfigureAwait(false) : found;
    }

    public async Task<IReadOnlyList<Case>> ListAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        var listed = await _inner.ListAsync(actor, cancellationToken).ConfigureAwait(false);
        return listed.Any(c => CasePrivacy.IsMasked(actor, c)) ? await _privacy.ApplyEachAsync(actor, listed, c => c.Reference, cancellationToken).ConfigureAwait(false) : listed;
    }

    public async Task<Page<Case>> ListAsync(Actor actor, PageRequest page, CancellationToken cancellationToken = default)
    {
        var listed = await _inner.ListAsync(actor, page, cancellationToken).ConfigureAwait(false);
        if (!listed.Items.Any(c => CasePrivacy.IsMasked(actor, c))) return listed;
        var masked = await _privacy.ApplyEachAsync(actor, listed.Items, c => c.Reference, cancellationToken).ConfigureAwait(false);
        return new Page<Case>(masked, listed.Offset, listed.Limit, listed.Total, listed.NextOffset);
    }

    public Task<Case> UpdateAsync(Actor actor, Case changed, CancellationToken cancellationToken = default) => _inner.UpdateAsync(actor, changed, cancellationToken);

    public Task<Case> ShareAsync(Actor actor, string reference, string agency, GrantLevel level, CancellationToken cancellationToken = default) =>
        _inner.ShareAsync(actor, reference, agency, level, cancellationToken);

    public Task<Case> ShareAsync(Actor actor, string reference, string agency, GrantLevel level, bool pseudonymise, CancellationToken cancellationToken = default) =>
        _inner.ShareAsync(actor, reference, agency, level, pseudonymise, cancellationToken);

    public Task<Case> RevokeAsync(Actor actor, string reference, string agency, CancellationToken cancellationToken = default) => _inner.RevokeAsync(actor, reference, agency, cancellationToken);
}
