namespace Cairn.Cases.Evidence;

/// <summary>
/// Size caps checked against the ZIP's declared sizes before anything is read, and enforced again
/// while reading (a header may lie): a small crafted archive must not expand into memory or disk
/// (zip bomb). Metadata files (manifests, signature) are read into memory, evidence files are hashed
/// as they stream.
/// </summary>
public sealed record PackageLimits(long MaxTotalBytes, long MaxMetadataBytes, int MaxEntries)
{
    public static PackageLimits Default { get; } = new(8L << 30, 64L << 20, 100_000);
}
