using Cairn.Chains.Bitcoin;
using Cairn.Index.Bitcoin;

namespace Cairn.Index.Tests.Bitcoin;

/// <summary>
/// <see cref="BitcoinIndexWriter.ReserveKeys"/> pre-sizes the hash tables for the next batch only (they grow when it is
/// appended): a writer kept open across commits, as a watcher's is, must not re-grow a table a commit brought back to its
/// canonical size because of a reservation made before that commit.
/// </summary>
public sealed class KeyReservationTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static List<ScannedBlock> Chain(int blocks) =>
        CoinbaseChain.Build([.. Enumerable.Repeat(50_0000_0000L, blocks)], height => [0x00, 0x14, .. BitConverter.GetBytes(height), .. new byte[16]]);

    private long TableBytes(string directory, string file) => new FileInfo(Path.Combine(directory, file)).Length;

    [Fact]
    public void AppendAfterACommit_DoesNotApplyAReservationMadeBeforeIt()
    {
        var blocks = Chain(3);
        var directory = Path.Combine(_temp.Path, "index");
        using (var writer = BitcoinIndexWriter.Open(directory, Network.RegTest))
        {
            writer.Append(blocks[0], 0);
            writer.ReserveKeys(1_000_000, 1_000_000);
            writer.Commit();
            writer.Append(blocks[1], 1);
            Assert.Equal(1024 * sizeof(uint), TableBytes(directory, "txid.hidx"));
            Assert.Equal(1024 * sizeof(uint), TableBytes(directory, "address.hidx"));
            writer.Append(blocks[2], 2);
            writer.Commit();
        }
    }

    [Fact]
    public void AReservation_GrowsTheTablesForTheNextBatch_AndTheCommitMakesThemCanonicalAgain()
    {
        var blocks = Chain(2);
        var directory = Path.Combine(_temp.Path, "index");
        using var writer = BitcoinIndexWriter.Open(directory, Network.RegTest);
        writer.Append(blocks[0], 0);
        writer.ReserveKeys(1_000_000, 1_000_000);
        writer.Append(blocks[1], 1);
        Assert.True(TableBytes(directory, "txid.hidx") >= 1_000_000 / 0.8 * sizeof(uint), "the reservation is applied with the batch");
        writer.Commit();
        Assert.Equal(1024 * sizeof(uint), TableBytes(directory, "txid.hidx"));
    }
}
