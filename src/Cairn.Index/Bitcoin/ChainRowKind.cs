namespace Cairn.Index.Bitcoin;

/// <summary>The kinds of row an index file can be one of (each file holds rows of exactly one kind).</summary>
public enum ChainRowKind
{
    Block,
    Transaction,
    Input,
    Output,
    Address,
    /// <summary>The last 16 bytes of a 32-byte address payload (P2WSH, P2TR): a row of addr_key_tail.col.</summary>
    AddressTail,
}
