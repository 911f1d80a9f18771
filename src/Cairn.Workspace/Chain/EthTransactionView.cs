using Cairn.Index.Ethereum;

namespace Cairn.Workspace.Chain;

/// <summary>An Ethereum transaction from the index with every transfer it made (native, internal, ERC-20, ERC-721).</summary>
public sealed record EthTransactionView(string Hash, long BlockNumber, int IndexInBlock, string Status, long Timestamp, IReadOnlyList<EthTransferView> Transfers)
{
    public static EthTransactionView Find(EthereumIndex index, string hash)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(hash);
        var tx = index.FindTransaction(hash.Trim().ToLowerInvariant());
        return new EthTransactionView(tx.Hash, tx.BlockNumber, tx.IndexInBlock, tx.Succeeded switch { true => "success", false => "failed", null => "unknown" }, tx.Timestamp,
            index.TransfersOfTransaction(tx.Id).Select(r => EthTransferView.Of(index, r)).ToList());
    }
}
