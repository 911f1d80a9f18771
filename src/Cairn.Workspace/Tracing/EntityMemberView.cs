namespace Cairn.Workspace.Tracing;

/// <summary>An address of an entity as the trace met it: amounts in base units, whether it holds the seed or is sanctioned, and the transactions that paid it with their block times.</summary>
public sealed record EntityMemberView(string EntityId, string Key, string? Address, bool Seed, bool Sanctioned, string Amount, string AmountDecimal, int Endpoints,
    string Received, IReadOnlyList<EntityMemberView.Transaction> Transactions, int TransactionCount)
{
    public sealed record Transaction(string TxId, DateTimeOffset? Time, string Amount, string AmountDecimal, string Role);
}
