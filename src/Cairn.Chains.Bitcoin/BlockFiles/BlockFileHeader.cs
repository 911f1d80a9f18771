namespace Cairn.Chains.Bitcoin;

/// <summary>A block's header and where its record is, from a scan that reads no block bodies (<see cref="BlockFileReader.ReadHeaders"/>).</summary>
public readonly record struct BlockFileHeader(BlockHeader Header, BlockLocation Location, int Length);
