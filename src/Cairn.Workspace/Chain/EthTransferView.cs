using System.Globalization;
using Cairn.Chains.Ethereum.Encoding;
using Cairn.Chains.Ethereum.Transfers;
using Cairn.Index.Ethereum;

namespace Cairn.Workspace.Chain;

/// <summary>One transfer row of the Ethereum index as people read it: checksummed addresses, the asset, the exact amount in base units and in decimals.</summary>
public sealed record EthTransferView(long Row, string Kind, string From, string To, string Asset, string? TokenContract, string AmountBaseUnits, string Amount,
    string? NftTokenId, string TransactionHash, int Ordinal, long Block)
{
    public static EthTransferView Of(EthereumIndex index, long row)
    {
        ArgumentNullException.ThrowIfNull(index);
        var transfer = index.Transfer(row);
        var amount = EthAmountView.Of(index, transfer.TokenId, transfer.Value);
        return new EthTransferView(row, KindName(transfer.Kind), EthAddress.ToChecksum(index.AddressOf(transfer.FromId)), EthAddress.ToChecksum(index.AddressOf(transfer.ToId)),
            amount.Asset, amount.TokenContract, amount.AmountBaseUnits, amount.Amount, index.NftTokenId(row)?.ToString(CultureInfo.InvariantCulture),
            index.Transaction(transfer.TransactionId).Hash, transfer.Ordinal, transfer.BlockNumber);
    }

    private static string KindName(TransferKind kind) => kind switch
    {
        TransferKind.Native => "native",
        TransferKind.Internal => "internal",
        TransferKind.Erc20 => "erc20",
        TransferKind.Erc721 => "erc721",
        _ => kind.ToString(),
    };
}
