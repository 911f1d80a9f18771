namespace Cairn.Chains.Bitcoin;

/// <summary>
/// One block read from a blk*.dat file. <paramref name="Offset"/> is the byte position of the
/// block data itself (after the 8-byte magic + length header), as Bitcoin Core's FlatFilePos
/// records it, so <c>(FileIndex, Offset)</c> locates the block for a later random read.
/// </summary>
public readonly record struct BlockFileRecord(int FileIndex, long Offset, ReadOnlyMemory<byte> RawBlock);
