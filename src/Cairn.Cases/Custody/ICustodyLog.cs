namespace Cairn.Cases.Custody;

/// <summary>
/// The installation's append-only, tamper-evident custody log (RFC 9162 Merkle tree).
/// Changes to case data append their entries inside the change's own transaction (see
/// Cairn.Storage UnitOfWork.RecordAsync); this interface serves standalone appends, reads and proofs.
/// </summary>
public interface ICustodyLog
{
    /// <summary>Appends one entry in its own transaction.</summary>
    Task<CustodyEntry> AppendAsync(CustodyRecord record, CancellationToken cancellationToken = default);

    /// <summary>The newest signed tree head (size 0 with the empty-tree root when nothing was logged).</summary>
    Task<SignedTreeHead> GetHeadAsync(CancellationToken cancellationToken = default);

    /// <summary>The signed head for exactly <paramref name="treeSize"/> entries.</summary>
    Task<SignedTreeHead> GetHeadAsync(long treeSize, CancellationToken cancellationToken = default);

    Task<CustodyEntry> GetEntryAsync(long sequence, CancellationToken cancellationToken = default);

    /// <summary>Entries about one object, oldest first.</summary>
    Task<IReadOnlyList<CustodyEntry>> GetEntriesForAsync(string objectType, string objectId, CancellationToken cancellationToken = default);

    Task<InclusionProof> GetInclusionProofAsync(long sequence, long treeSize, CancellationToken cancellationToken = default);

    /// <summary>
    /// Inclusion proofs of several entries in the tree of <paramref name="treeSize"/> entries, in the order asked. The nodes
    /// they share are read once: an evidence package proves every entry about its case, which is thousands for a case
    /// read every day (each read is logged).
    /// </summary>
    Task<IReadOnlyList<InclusionProof>> GetInclusionProofsAsync(IReadOnlyList<long> sequences, long treeSize, CancellationToken cancellationToken = default);

    Task<ConsistencyProof> GetConsistencyProofAsync(long firstSize, long secondSize, CancellationToken cancellationToken = default);

    /// <summary>Re-checks every entry and head; see <see cref="LogVerifier"/>.</summary>
    Task<LogVerification> VerifyAsync(CancellationToken cancellationToken = default);
}
