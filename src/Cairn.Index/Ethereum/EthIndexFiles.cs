namespace Cairn.Index.Ethereum;

/// <summary>File names of the Ethereum index (layout in docs/ethereum.md).</summary>
internal static class EthIndexFiles
{
    public const string Blocks = "blocks.bin";
    public const string Transactions = "txs.bin";
    public const string Addresses = "addresses.bin";
    public const string Tokens = "tokens.bin";
    public const string WideValues = "wide.bin";
    public const string TransferKind = "transfer.kind.u8";
    public const string TransferFrom = "transfer.from.u32";
    public const string TransferTo = "transfer.to.u32";
    public const string TransferToken = "transfer.token.u32";
    public const string TransferValue = "transfer.value.u128";
    public const string TransferTransaction = "transfer.tx.u64";
    public const string TransferOrdinal = "transfer.ordinal.u32";
    public const string TransferBlock = "transfer.block.u32";
    public const string OutOffsets = "adjacency.out.offsets.u64";
    public const string OutRows = "adjacency.out.rows.u64";
    public const string InOffsets = "adjacency.in.offsets.u64";
    public const string InRows = "adjacency.in.rows.u64";

    /// <summary>Bit set in the kind byte when the value lives in wide.bin (≥ 2^128).</summary>
    public const byte WideValueFlag = 0x80;
}
