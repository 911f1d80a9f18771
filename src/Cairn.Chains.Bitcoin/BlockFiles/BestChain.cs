using System.Numerics;
using Cairn.Core;

namespace Cairn.Chains.Bitcoin;

/// <summary>
/// Picks the best chain from block headers met in any order (blk files hold blocks in the
/// order they arrived, stale forks included): links each header to its parent by
/// prev-hash, sums the proof-of-work from genesis (Bitcoin Core's nChainWork, from nBits),
/// and follows the tip with the most cumulative work back to genesis. Ties go to the tip
/// seen first, as Core keeps its current tip until a chain with strictly more work arrives.
/// Headers that do not connect to genesis (orphans, missing parents) are left out.
/// Proof-of-work itself is not verified: the input comes from the user's own node.
/// </summary>
public sealed class BestChain
{
    private readonly Hash256 _genesisHash;
    private readonly Dictionary<Hash256, Candidate> _blocks = [];
    private readonly Dictionary<Hash256, List<Hash256>> _children = [];

    public BestChain(Hash256 genesisHash) => _genesisHash = genesisHash;

    /// <summary>Number of distinct headers added.</summary>
    public int Count => _blocks.Count;

    /// <summary>Adds a header; a duplicate of one already added is ignored (the first copy's location is kept). Returns whether it was new.</summary>
    public bool Add(BlockHeader header, BlockLocation location)
    {
        ArgumentNullException.ThrowIfNull(header);
        if (!_blocks.TryAdd(header.Hash, new Candidate(header, location, _blocks.Count))) return false;
        if (header.Hash == _genesisHash) return true;
        if (!_children.TryGetValue(header.PreviousBlockHash, out var siblings))
            _children[header.PreviousBlockHash] = siblings = [];
        siblings.Add(header.Hash);
        return true;
    }

    /// <summary>Convenience: builds the best chain of <paramref name="blocks"/> for <paramref name="network"/>.</summary>
    public static IReadOnlyList<ChainEntry> Select(IEnumerable<(BlockHeader Header, BlockLocation Location)> blocks, Network network)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        ArgumentNullException.ThrowIfNull(network);
        var chain = new BestChain(network.GenesisHash);
        foreach (var (header, location) in blocks) chain.Add(header, location);
        return chain.Select();
    }

    /// <summary>
    /// The best chain from genesis to tip, in height order. Empty when nothing was added;
    /// throws <see cref="CairnException"/> when blocks were added but genesis is not among them.
    /// </summary>
    public IReadOnlyList<ChainEntry> Select()
    {
        if (_blocks.Count == 0) return [];
        if (!_blocks.TryGetValue(_genesisHash, out var genesis))
            throw new CairnException($"genesis block {_genesisHash} not found among {_blocks.Count} blocks: wrong network or incomplete block files");

        var work = new Dictionary<Hash256, BigInteger>(_blocks.Count) { [_genesisHash] = genesis.Header.Work };
        var bestTip = genesis;
        var bestWork = work[_genesisHash];
        var pending = new Stack<Hash256>();
        pending.Push(_genesisHash);
        while (pending.Count > 0)
        {
            var parent = pending.Pop();
            if (!_children.TryGetValue(parent, out var children)) continue;
            foreach (var childHash in children)
            {
                var child = _blocks[childHash];
                var childWork = work[parent] + child.Header.Work;
                work[childHash] = childWork;
                if (childWork > bestWork || (childWork == bestWork && child.Sequence < bestTip.Sequence))
                {
                    bestTip = child;
                    bestWork = childWork;
                }
                pending.Push(childHash);
            }
        }

        var path = new List<Candidate>();
        for (var current = bestTip; ; current = _blocks[current.Header.PreviousBlockHash])
        {
            path.Add(current);
            if (current.Header.Hash == _genesisHash) break;
        }
        path.Reverse();
        var entries = new ChainEntry[path.Count];
        for (var height = 0; height < path.Count; height++)
            entries[height] = new ChainEntry(height, path[height].Header, path[height].Location);
        return entries;
    }

    private sealed record Candidate(BlockHeader Header, BlockLocation Location, int Sequence);
}
