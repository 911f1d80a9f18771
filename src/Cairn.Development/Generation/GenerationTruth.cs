using Cairn.Chains.Bitcoin;

namespace Cairn.Development.Generation;

/// <summary>
/// The generator's answer key, kept while it writes a chain: which entity (a user's wallet, the
/// pool, an exchange with its deposit addresses, a peel chain's owner…) owns every address, what
/// every transaction is and which output is its change, and the planted peel chains hop by hop.
/// Recording it draws nothing from the random source, so a chain's bytes do not depend on it.
/// The heuristics are measured against it (Cairn.Development.Validation); docs/heuristics.md says
/// which of its parts encode the generator's own assumptions.
/// </summary>
public sealed class GenerationTruth
{
    /// <summary>Sender of a transaction whose inputs belong to several entities.</summary>
    public const int MultipleOwners = -2;

    /// <summary>Sender of a coinbase.</summary>
    public const int NoOwner = -1;

    private readonly Dictionary<string, int> _entityOfAddress = new(StringComparer.Ordinal);
    private readonly Dictionary<Hash256, TransactionTruth> _transactions = [];
    private readonly List<List<Hash256>> _peelChains = [];

    public int EntityCount { get; private set; }

    /// <summary>
    /// False when nobody will read the answer key (<see cref="ChainGenerator.Generate"/>): a chain of tens of
    /// millions of transactions would otherwise hold every address string and txid in memory for nothing.
    /// </summary>
    public bool IsRecording { get; internal set; } = true;

    public int TransactionCount => _transactions.Count;

    public IReadOnlyList<IReadOnlyList<Hash256>> PeelChains => _peelChains;

    /// <summary>The owner of <paramref name="address"/>, or null when the generator never paid it.</summary>
    public int? EntityOf(string address) => _entityOfAddress.TryGetValue(address, out var entity) ? entity : null;

    public TransactionTruth? Of(Hash256 txid) => _transactions.TryGetValue(txid, out var truth) ? truth : null;

    internal int NewEntity() => EntityCount++;

    internal void Owns(string address, int entity)
    {
        if (IsRecording) _entityOfAddress.TryAdd(address, entity);
    }

    internal void Transaction(Hash256 txid, TransactionTruth truth)
    {
        if (IsRecording) _transactions[txid] = truth;
    }

    internal List<Hash256> NewPeelChain()
    {
        var chain = new List<Hash256>();
        _peelChains.Add(chain);
        return chain;
    }
}
