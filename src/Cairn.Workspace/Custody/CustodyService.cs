using Cairn.Cases.Agencies;
using Cairn.Cases.Custody;
using Cairn.Core;
using Cairn.Core.Paging;
using Cairn.Storage.Custody;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Workspace.Custody;

/// <summary>
/// The custody log as people use it: verify it whole, read the newest signed tree head, prove an
/// entry's inclusion or two sizes' consistency (RFC 9162), list the entries about one object, the
/// public key that signs the heads, and recording an event that is not a change of case data
/// (sign-ins, refusals, exports written to a file). Tree heads carry no RFC 3161 timestamp
/// (removed, issue 17: docs/custody-log.md).
/// </summary>
public sealed class CustodyService
{
    private readonly IServiceProvider _services;
    private readonly WorkspaceOptions _options;

    // The log is resolved on use: the public key needs no database, and the CLI must not create one to print it.
    public CustodyService(IServiceProvider services, WorkspaceOptions options)
    {
        _services = services;
        _options = options;
    }

    private SqlCustodyLog Log => _services.GetRequiredService<SqlCustodyLog>();

    public async Task<LogCheck> VerifyAsync(CancellationToken cancellationToken = default) => LogCheck.Of(await Log.VerifyAsync(cancellationToken).ConfigureAwait(false));

    public async Task<TreeHeadView> HeadAsync(CancellationToken cancellationToken = default) => TreeHeadView.Of(await Log.GetHeadAsync(cancellationToken).ConfigureAwait(false));

    /// <summary>Entry <paramref name="sequence"/> with its inclusion proof against the head of <paramref name="treeSize"/> (the newest when null).</summary>
    public async Task<InclusionProofView> ProveInclusionAsync(long sequence, long? treeSize = null, CancellationToken cancellationToken = default)
    {
        var head = await HeadOfAsync(treeSize, cancellationToken).ConfigureAwait(false);
        var entry = await Log.GetEntryAsync(sequence, cancellationToken).ConfigureAwait(false);
        var proof = await Log.GetInclusionProofAsync(entry.Sequence, head.Head.TreeSize, cancellationToken).ConfigureAwait(false);
        return new InclusionProofView(entry.Sequence, System.Text.Encoding.UTF8.GetString(entry.CanonicalBytes()), Convert.ToHexStringLower(entry.LeafHash()),
            proof.LeafIndex, proof.TreeSize, head.Head.RootHash, proof.AuditPath, entry.Action, entry.ObjectType, entry.ObjectId, entry.User, entry.Agency);
    }

    /// <summary>The consistency proof from size <paramref name="firstSize"/> to the head of <paramref name="treeSize"/> (the newest when null).</summary>
    public async Task<ConsistencyProofView> ProveConsistencyAsync(long firstSize, long? treeSize = null, CancellationToken cancellationToken = default)
    {
        var head = await HeadOfAsync(treeSize, cancellationToken).ConfigureAwait(false);
        var proof = await Log.GetConsistencyProofAsync(firstSize, head.Head.TreeSize, cancellationToken).ConfigureAwait(false);
        return new ConsistencyProofView(proof.FirstSize, proof.SecondSize, head.Head.RootHash, proof.Path);
    }

    /// <summary>
    /// One page of the entries about one object (e.g. <c>case</c> and its id), oldest first, when the
    /// actor's agency may see the object (else not found); the read is logged ("log.read").
    /// </summary>
    public Task<Page<CustodyEntry>> EntriesForAsync(Actor actor, string? objectType, string? objectId, PageRequest page, CancellationToken cancellationToken = default) =>
        _services.GetRequiredService<SqlCustodyHistory>().ReadAsync(actor, ValidationException.Required(objectType, "objectType"), ValidationException.Required(objectId, "objectId"), page, cancellationToken);

    /// <summary>The failed sign-ins with <paramref name="login"/>, found by its keyed hash (the log never holds the login itself); the read is logged.</summary>
    public async Task<FailedSignInsView> FailedSignInsAsync(Actor actor, string? login, PageRequest page, CancellationToken cancellationToken = default)
    {
        var key = _services.GetRequiredService<IAccountStore>().FailedLoginKey(ValidationException.Required(login, "login"));
        return new FailedSignInsView(key, await EntriesForAsync(actor, "login", key, page, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>The tree-head public key, from the key file in the data directory (created at first use; no database needed).</summary>
    public PublicKeyView PublicKey()
    {
        Directory.CreateDirectory(_options.DataDirectory);
        using var signer = CustodyKeyFile.LoadOrCreate(_options.DataDirectory);
        return new PublicKeyView(signer.KeyId, signer.ExportPublicKeyPem());
    }

    /// <summary>Appends one entry in its own transaction ("<paramref name="actor"/> did <paramref name="action"/> on <paramref name="objectType"/>:<paramref name="objectId"/>").</summary>
    public Task<CustodyEntry> RecordAsync(Actor actor, string action, string objectType, string objectId, string contentHash = "", CancellationToken cancellationToken = default) =>
        Log.AppendAsync(new CustodyRecord(actor, action, objectType, objectId, contentHash), cancellationToken);

    /// <summary>
    /// The auditor's search (newest first): by case reference, user, action or area, and time; what the actor's agency may
    /// audit only (<see cref="SqlCustodyLog.SearchAsync"/>). The search itself is logged as "log.search".
    /// </summary>
    public async Task<Page<CustodySearchHit>> SearchAsync(Actor actor, CustodySearch search, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(search);
        if (search is { From: { } from, To: { } to } && from > to)
            throw new ValidationException("from", $"the search starts ({from.UtcDateTime:yyyy-MM-dd HH:mm}) after it ends ({to.UtcDateTime:yyyy-MM-dd HH:mm})");
        var hits = await Log.SearchAsync(actor.Agency, search, page, cancellationToken).ConfigureAwait(false);
        var what = string.Join("|", search.CaseReference ?? "", search.User ?? "", search.Action ?? "", search.From?.ToString("O") ?? "", search.To?.ToString("O") ?? "");
        await RecordAsync(actor, "log.search", "log", "custody", CustodyRecord.HashOf(what), cancellationToken).ConfigureAwait(false);
        return hits;
    }

    private Task<SignedTreeHead> HeadOfAsync(long? treeSize, CancellationToken cancellationToken) =>
        treeSize is { } size ? Log.GetHeadAsync(size, cancellationToken) : Log.GetHeadAsync(cancellationToken);
}
