using Cairn.Chains.Ethereum.Transfers;

namespace Cairn.Chains.Ethereum.Traces;

/// <summary>
/// Which flattened call frames moved ETH between two accounts inside a transaction. A frame counts
/// when it is not the top-level call (that value is the transaction's native transfer), carries
/// value, has a sender and recipient, did not fail, and no ancestor failed (a failed frame reverts
/// everything beneath it). CALLCODE and DELEGATECALL run foreign code in the caller's own account,
/// so their value never leaves it; STATICCALL cannot carry value.
/// </summary>
public static class InternalTransfers
{
    public static IEnumerable<ValueTransfer> FromFrames(IReadOnlyList<CallFrame> frames, string transactionHash, long blockNumber)
    {
        ArgumentNullException.ThrowIfNull(frames);
        var failedPaths = new List<IReadOnlyList<int>>();
        for (var ordinal = 0; ordinal < frames.Count; ordinal++)
        {
            var frame = frames[ordinal];
            if (frame.Error is not null)
            {
                failedPaths.Add(frame.TraceAddress);
                continue;
            }
            if (frame.TraceAddress.Count == 0 || frame.Value.Sign <= 0 || frame.From is null || frame.To is null) continue;
            if (frame.Type is not ("call" or "create" or "create2" or "selfdestruct" or "suicide")) continue;
            if (failedPaths.Any(path => IsPrefix(path, frame.TraceAddress))) continue;
            yield return new ValueTransfer(TransferKind.Internal, frame.From, frame.To, null, frame.Value, null, transactionHash, blockNumber, ordinal);
        }
    }

    private static bool IsPrefix(IReadOnlyList<int> prefix, IReadOnlyList<int> path)
    {
        if (prefix.Count > path.Count) return false;
        for (var i = 0; i < prefix.Count; i++)
            if (prefix[i] != path[i]) return false;
        return true;
    }
}
