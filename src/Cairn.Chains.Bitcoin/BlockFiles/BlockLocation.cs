namespace Cairn.Chains.Bitcoin;

/// <summary>Where a block's data starts: blk file index and byte offset after the 8-byte record header.</summary>
public readonly record struct BlockLocation(int FileIndex, long Offset)
{
    public override string ToString() => $"blk{FileIndex:D5}.dat@{Offset}";
}
