using System.Diagnostics;
using System.Security.Cryptography;

namespace Cairn.Bench.Bitcoin;

/// <summary>
/// The ingest benches' bound: double SHA-256 over each block's bytes already in memory, one core,
/// one call per block (as a block's hash chain needs at least). Best of three rounds, so a
/// neighbour's burst on a shared machine does not lower the bound and flatter the ratio.
/// </summary>
public static class Sha256dBound
{
    /// <summary>Seconds of the fastest of three rounds over <paramref name="blocks"/>.</summary>
    public static double BestOfThreeSeconds(IReadOnlyList<ReadOnlyMemory<byte>> blocks)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        Span<byte> digest = stackalloc byte[32];
        var best = double.MaxValue;
        for (var round = 0; round < 3; round++)
        {
            var hashing = Stopwatch.StartNew();
            foreach (var block in blocks)
            {
                SHA256.HashData(block.Span, digest);
                SHA256.HashData(digest, digest);
            }
            best = Math.Min(best, hashing.Elapsed.TotalSeconds);
        }
        return best;
    }
}
