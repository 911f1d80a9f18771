namespace Cairn.Chains.Bitcoin;

/// <summary>How <see cref="BlockFileReader"/> treats the end of a file.</summary>
public sealed record BlockFileReaderOptions
{
    /// <summary>
    /// When true, a truncated or corrupt record ends the file quietly at the last good record
    /// (for the newest blk file, which Bitcoin Core may be writing right now). When false (the
    /// default), it throws a <see cref="Cairn.Core.CairnException"/> naming the file and offset.
    /// </summary>
    public bool StopAtLastGoodRecord { get; init; }
}
