using Cairn.Cases.Agencies;
using Cairn.Core.Paging;

namespace Cairn.Cases.Cases;

/// <summary>
/// Cases, each call one transaction whose custody-log entry names <c>actor</c>. Cases the
/// actor's agency neither owns nor was granted are reported as not found, with the same message as
/// a case that does not exist; a change the agency's access does not allow is forbidden.
/// </summary>
public interface ICaseStore
{
    Task<Case> CreateAsync(Actor actor, NewCase newCase, CancellationToken cancellationToken = default);

    /// <summary>Reads a case by reference and logs the read ("case.read").</summary>
    Task<Case> GetAsync(Actor actor, string reference, CancellationToken cancellationToken = default);

    /// <summary>Cases visible to the actor's agency (without subjects, wallets, notes), logged as "case.list".</summary>
    Task<IReadOnlyList<Case>> ListAsync(Actor actor, CancellationToken cancellationToken = default);

    /// <summary>One page of the cases visible to the actor's agency (paged by the database), logged as "case.list".</summary>
    Task<Page<Case>> ListAsync(Actor actor, PageRequest page, CancellationToken cancellationToken = default);

    /// <summary>Saves <paramref name="changed"/> (owner only) if the stored case is still at <c>changed.Version</c>; returns it at the next version. Otherwise throws (lost update prevented).</summary>
    Task<Case> UpdateAsync(Actor actor, Case changed, CancellationToken cancellationToken = default);

    /// <summary>
    /// Grants a registered <paramref name="agency"/> access to the case at <paramref name="level"/> (owner only; changes the
    /// level of an existing grant), logged as "case.share"; the agency is notified.
    /// </summary>
    Task<Case> ShareAsync(Actor actor, string reference, string agency, GrantLevel level, CancellationToken cancellationToken = default);

    /// <summary>
    /// As <see cref="ShareAsync(Actor, string, string, GrantLevel, CancellationToken)"/>; with <paramref name="pseudonymise"/> the agency sees the
    /// subjects' personal data only as pseudonyms (<see cref="SharingGrant.Pseudonymised"/>). Changing only this also changes the grant.
    /// </summary>
    Task<Case> ShareAsync(Actor actor, string reference, string agency, GrantLevel level, bool pseudonymise, CancellationToken cancellationToken = default);

    /// <summary>Removes <paramref name="agency"/>'s grant (owner only), logged as "case.revoke"; the agency is notified.</summary>
    Task<Case> RevokeAsync(Actor actor, string reference, string agency, CancellationToken cancellationToken = default);
}
