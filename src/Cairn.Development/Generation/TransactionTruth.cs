namespace Cairn.Development.Generation;

/// <summary>
/// What the generator knows of one transaction: its kind, the entity that spent its inputs
/// (<see cref="GenerationTruth.MultipleOwners"/> for a CoinJoin, <see cref="GenerationTruth.NoOwner"/> for a coinbase)
/// and the output it made as change (null when it made none).
/// </summary>
public readonly record struct TransactionTruth(GeneratedTransactionKind Kind, int Sender, int? ChangeOutput)
{
    /// <summary>Inputs owned by more than one entity: a collaborative transaction (CoinJoin).</summary>
    public bool IsCollaborative => Sender == GenerationTruth.MultipleOwners;
}
