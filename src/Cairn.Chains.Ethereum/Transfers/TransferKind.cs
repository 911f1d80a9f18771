namespace Cairn.Chains.Ethereum.Transfers;

/// <summary>How value moved. The numeric values are stored in the index (docs/ethereum.md).</summary>
public enum TransferKind : byte
{
    /// <summary>The ETH value of a successful transaction (from sender to recipient or created contract).</summary>
    Native = 0,

    /// <summary>ETH moved by a contract with an inner CALL/CREATE/SELFDESTRUCT (seen only in traces).</summary>
    Internal = 1,

    /// <summary>A fungible token Transfer event (EIP-20): value in token base units.</summary>
    Erc20 = 2,

    /// <summary>A non-fungible Transfer event (EIP-721): one item, identified by its token id.</summary>
    Erc721 = 3,
}
