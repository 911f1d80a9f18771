namespace Cairn.Chains.Bitcoin;

/// <summary>One block of the best chain: its height (genesis = 0), header and file location.</summary>
public readonly record struct ChainEntry(int Height, BlockHeader Header, BlockLocation Location)
{
    public Hash256 Hash => Header.Hash;
}
