namespace Cairn.Cases.Custody;

/// <summary>
/// Re-checks a stored custody log from its entries alone: sequence numbers must run 0,1,2,…
/// with no gap; the root recomputed from the entries must equal the root of every signed tree
/// head at that size (a head is signed after each append); every head's signature must verify
/// with the installation's public key; and no entry may lie beyond the newest head. An edit,
/// deletion, reorder or insertion therefore breaks at the first entry it touches.
/// Both inputs are streamed in ascending order, so a log of millions of entries fits in memory.
/// </summary>
public static class LogVerifier
{
    public static LogVerification Verify(IEnumerable<CustodyEntry> entriesBySequence, IEnumerable<SignedTreeHead> headsBySize, TreeHeadVerifier key)
    {
        ArgumentNullException.ThrowIfNull(entriesBySequence);
        ArgumentNullException.ThrowIfNull(headsBySize);
        ArgumentNullException.ThrowIfNull(key);
        var frontier = MerkleFrontier.Empty;
        long headsChecked = 0;
        long lastGoodHead = 0;
        using var heads = headsBySize.GetEnumerator();
        var head = heads.MoveNext() ? heads.Current : null;

        LogVerification Bad(long sequence, string problem) =>
            new(frontier.TreeSize, headsChecked, null, sequence, problem);

        foreach (var entry in entriesBySequence)
        {
            var expected = frontier.TreeSize;
            if (entry.Sequence > expected) return Bad(expected, $"entry {expected} is missing (the next stored entry is {entry.Sequence})");
            if (entry.Sequence < expected) return Bad(entry.Sequence, $"entry {entry.Sequence} is stored twice or out of order");
            frontier.Append(entry.LeafHash());
            while (head is not null && head.Head.TreeSize <= frontier.TreeSize)
            {
                if (head.Head.TreeSize < frontier.TreeSize || head.Head.TreeSize <= lastGoodHead)
                    return Bad(head.Head.TreeSize - 1, $"tree head for size {head.Head.TreeSize} is out of order");
                headsChecked++;
                var firstUnconfirmed = lastGoodHead;
                if (!key.Verify(head))
                    return Bad(firstUnconfirmed, $"the signature of tree head {head.Head.TreeSize} does not verify with key {key.KeyId}");
                if (!string.Equals(head.Head.RootHash, Convert.ToHexStringLower(frontier.RootHash()), StringComparison.Ordinal))
                    return Bad(firstUnconfirmed, firstUnconfirmed == head.Head.TreeSize - 1
                        ? $"entry {firstUnconfirmed} does not match the signed tree head for size {head.Head.TreeSize} (edited, replaced or moved)"
                        : $"entries {firstUnconfirmed}..{head.Head.TreeSize - 1} do not match the signed tree head for size {head.Head.TreeSize}");
                lastGoodHead = head.Head.TreeSize;
                head = heads.MoveNext() ? heads.Current : null;
            }
        }
        if (head is not null)
            return Bad(frontier.TreeSize, $"entry {frontier.TreeSize} is missing (a signed tree head covers {head.Head.TreeSize} entries)");
        if (frontier.TreeSize > lastGoodHead)
            return Bad(lastGoodHead, $"entry {lastGoodHead} is not covered by any signed tree head (inserted after the last signed head?)");
        return new LogVerification(frontier.TreeSize, headsChecked, Convert.ToHexStringLower(frontier.RootHash()), null, null);
    }
}
