using System.Numerics;
using Cairn.Chains.Ethereum.Encoding;
using Cairn.Index.Ethereum;

namespace Cairn.Workspace.Chain;

/// <summary>
/// An Ethereum address from the index (`cairn eth address`, GET /api/v1/eth/address): net flow per
/// asset over all its transfers, and the latest transfers each way (<c>limit</c> per direction).
/// </summary>
public sealed record EthAddressView(string Address, int AddressId, int OutgoingCount, int IncomingCount, IReadOnlyList<EthAmountView> NetFlow,
    IReadOnlyList<EthTransferView> Outgoing, IReadOnlyList<EthTransferView> Incoming, bool Truncated)
{
    public static EthAddressView Find(EthereumIndex index, string address, int limit)
    {
        ArgumentNullException.ThrowIfNull(index);
        var normalized = EthAddress.Normalize(address);
        var id = index.AddressId(normalized);
        var outgoing = index.OutgoingRows(id).ToList();
        var incoming = index.IncomingRows(id).ToList();
        var balances = new Dictionary<int, BigInteger>();
        foreach (var row in incoming) Add(balances, index.Transfer(row), +1);
        foreach (var row in outgoing) Add(balances, index.Transfer(row), -1);
        var take = Math.Max(1, limit);
        return new EthAddressView(EthAddress.ToChecksum(normalized), id, outgoing.Count, incoming.Count,
            balances.OrderBy(b => b.Key).Select(b => EthAmountView.Of(index, b.Key, b.Value)).ToList(),
            outgoing.TakeLast(take).Select(r => EthTransferView.Of(index, r)).ToList(),
            incoming.TakeLast(take).Select(r => EthTransferView.Of(index, r)).ToList(),
            outgoing.Count > take || incoming.Count > take);
    }

    private static void Add(Dictionary<int, BigInteger> balances, EthTransfer transfer, int sign)
    {
        balances.TryGetValue(transfer.TokenId, out var current);
        balances[transfer.TokenId] = current + sign * transfer.Value;
    }
}
