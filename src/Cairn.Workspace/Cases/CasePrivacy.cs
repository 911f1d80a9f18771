using Cairn.Cases.Agencies;
using Cairn.Cases.Cases;
using Cairn.Storage;
using Cairn.Storage.Cases;

namespace Cairn.Workspace.Cases;

/// <summary>
/// Pseudonymised shares (issue 17; docs/security.md): when the owner shares a case pseudonymised, the receiving agency's every
/// read of it (the case, the lists, the dashboard, exports, request drafts, notifications, and through the API every route
/// under the case) carries pseudonyms instead of the subjects' and victims' names, identifiers and details. A pseudonym is
/// HMAC-SHA256 (RFC 2104) under a key derived from the installation secret for this case and this agency: the agency sees
/// the same person under the same pseudonym on every page and every day (flows between subjects stay readable), another
/// agency sees other pseudonyms (two recipients cannot join their views), and only this installation could recompute them.
/// The owner, and any agency whose grant is not pseudonymised, sees the case as it is. Masks apply per case: a name from one
/// case is never searched for in another case's data, which would tell the reader that the two share a person.
/// </summary>
public sealed class CasePrivacy
{
    private const string KeyPurpose = "case share pseudonyms";

    private readonly SqlCaseStore _cases;
    private readonly CairnDatabase _database;

    public CasePrivacy(SqlCaseStore cases, CairnDatabase database)
    {
        _cases = cases;
        _database = database;
    }

    /// <summary>Whether the actor's agency reads <paramref name="found"/> through a pseudonymised grant.</summary>
    public static bool IsMasked(Actor actor, Case found)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(found);
        return found.OwningAgency != actor.Agency && found.Grants.Any(g => g.Agency == actor.Agency && g.Pseudonymised);
    }

    /// <summary>The mask of case <paramref name="reference"/> for the actor's agency, or null when it sees the case as it is (or not at all).</summary>
    public async Task<CaseMask?> MaskAsync(Actor actor, string reference, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(reference);
        var shares = await _cases.PseudonymisedSharesAsync(actor, reference, cancellationToken).ConfigureAwait(false);
        return shares.Count == 0 ? null : MaskOf(actor, shares[0]);
    }

    /// <summary>The masks of every case shared with the actor's agency pseudonymised, by reference (empty for most agencies: one query).</summary>
    public async Task<IReadOnlyDictionary<string, CaseMask>> MasksAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var shares = await _cases.PseudonymisedSharesAsync(actor, null, cancellationToken).ConfigureAwait(false);
        return shares.ToDictionary(s => s.Case.Reference, s => MaskOf(actor, s), StringComparer.Ordinal);
    }

    /// <summary><paramref name="value"/>, from case <paramref name="reference"/>, as the actor's agency may see it.</summary>
    public async Task<T> ApplyAsync<T>(Actor actor, string reference, T value, CancellationToken cancellationToken = default)
    {
        using var mask = await MaskAsync(actor, reference, cancellationToken).ConfigureAwait(false);
        return mask is null ? value : mask.Apply(value);
    }

    /// <summary>Each item of a list spanning cases as the actor's agency may see it, masked by its own case (<paramref name="referenceOf"/>; null: not about a case).</summary>
    public async Task<IReadOnlyList<T>> ApplyEachAsync<T>(Actor actor, IReadOnlyList<T> items, Func<T, string?> referenceOf, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(referenceOf);
        if (items.Count == 0) return items;
        var masks = await MasksAsync(actor, cancellationToken).ConfigureAwait(false);
        try
        {
            return masks.Count == 0 ? items
                : items.Select(item => referenceOf(item) is { } reference && masks.TryGetValue(reference, out var mask) ? mask.Apply(item) : item).ToList();
        }
        finally
        {
            foreach (var mask in masks.Values) mask.Dispose();
        }
    }

    private CaseMask MaskOf(Actor actor, PseudonymisedShare share)
    {
        var key = Convert.FromHexString(_database.Secret.Mac(KeyPurpose, share.Case.Id + "\n" + actor.Agency));
        var pseudonyms = new Pseudonymiser(key);
        foreach (var subject in share.Case.Subjects) pseudonyms.Subject(subject);
        foreach (var victim in share.Victims) pseudonyms.Person(victim.Name, victim.Details);
        return new CaseMask(share.Case.Id, share.Case.Reference, pseudonyms);
    }
}
