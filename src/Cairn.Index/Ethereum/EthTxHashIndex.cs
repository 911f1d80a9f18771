using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Cairn.Index.Columns;

namespace Cairn.Index.Ethereum;

/// <summary>
/// Transaction hash → id, so `cairn eth tx HASH` does not scan txs.bin. Derived data, rebuilt with
/// the adjacency after an ingest (<see cref="EthereumIndexWriter.RebuildAdjacency"/>):
/// <c>txs.byhash.bin</c> holds one 16-byte entry per transaction, (first 8 bytes of the hash as a
/// little-endian u64, transaction id as i64), sorted; <c>txs.byhash.head</c> (48 bytes) records
/// how many transactions it covers and the number and hash of the last block it covers. Because
/// a block hash commits to every earlier block, the entries are trusted only while the index still
/// holds that block with that hash (a reorganisation below it makes the file stale and unused);
/// transactions committed after the build are found by scanning the tail. A lookup by prefix is
/// confirmed against the full hash in txs.bin.
/// </summary>
internal sealed class EthTxHashIndex : IDisposable
{
    public const string EntriesFile = "txs.byhash.bin";
    public const string HeadFile = "txs.byhash.head";
    private const int HeadSize = 48;

    private readonly MappedColumn<Entry> _entries;

    private EthTxHashIndex(MappedColumn<Entry> entries) => _entries = entries;

    /// <summary>Transactions the entries cover (ids 0 .. Covered-1).</summary>
    public long Covered => _entries.Count;

    public static void Build(string directory, EthIndexHead head)
    {
        if (head.Transactions == 0 || head.LastBlock is not { } lastBlock) return;
        using var transactions = MappedColumn<EthTransactionRow>.OpenReadOnly(Path.Combine(directory, EthIndexFiles.Transactions), head.Transactions);
        using var blocks = MappedColumn<EthBlockRow>.OpenReadOnly(Path.Combine(directory, EthIndexFiles.Blocks), head.Blocks);
        var entries = new Entry[head.Transactions];
        for (long id = 0; id < entries.Length; id++) entries[id] = new Entry(Prefix(transactions.At(id).Hash), id);
        entries.AsSpan().Sort(static (a, b) => a.Prefix != b.Prefix ? a.Prefix.CompareTo(b.Prefix) : a.Id.CompareTo(b.Id));
        WriteAtomically(Path.Combine(directory, EntriesFile), MemoryMarshal.AsBytes(entries.AsSpan()));
        var headBytes = new byte[HeadSize];
        BinaryPrimitives.WriteInt64LittleEndian(headBytes, head.Transactions);
        BinaryPrimitives.WriteInt64LittleEndian(headBytes.AsSpan(8), lastBlock);
        ((ReadOnlySpan<byte>)blocks.At(lastBlock - head.StartBlock).Hash).CopyTo(headBytes.AsSpan(16));
        WriteAtomically(Path.Combine(directory, HeadFile), headBytes);
    }

    /// <summary>The index when its files exist and still agree with <paramref name="head"/>'s blocks; otherwise null (scan instead).</summary>
    public static EthTxHashIndex? TryOpen(string directory, EthIndexHead head, Func<long, Hash32?> blockHash)
    {
        var headPath = Path.Combine(directory, HeadFile);
        var entriesPath = Path.Combine(directory, EntriesFile);
        if (!File.Exists(headPath) || !File.Exists(entriesPath)) return null;
        var bytes = File.ReadAllBytes(headPath);
        if (bytes.Length != HeadSize) return null;
        var covered = BinaryPrimitives.ReadInt64LittleEndian(bytes);
        var lastBlock = BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(8));
        if (covered <= 0 || covered > head.Transactions || new FileInfo(entriesPath).Length != covered * Marshal.SizeOf<Entry>()) return null;
        if (blockHash(lastBlock) is not { } hash || !((ReadOnlySpan<byte>)hash).SequenceEqual(bytes.AsSpan(16, 32))) return null;
        return new EthTxHashIndex(MappedColumn<Entry>.OpenReadOnly(entriesPath, covered));
    }

    /// <summary>Ids among the covered transactions whose hash starts like <paramref name="hash"/> (confirm each against the full hash).</summary>
    public IEnumerable<long> Candidates(byte[] hash)
    {
        var prefix = Prefix(hash);
        long low = 0, high = _entries.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (_entries.At(middle).Prefix < prefix) low = middle + 1;
            else high = middle;
        }
        for (var i = low; i < _entries.Count && _entries.At(i).Prefix == prefix; i++) yield return _entries.At(i).Id;
    }

    public void Dispose() => _entries.Dispose();

    private static ulong Prefix(ReadOnlySpan<byte> hash) => BinaryPrimitives.ReadUInt64LittleEndian(hash);

    private static void WriteAtomically(string path, ReadOnlySpan<byte> bytes)
    {
        var temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
        {
            stream.Write(bytes);
            stream.Flush(flushToDisk: true);
        }
        File.Move(temporary, path, overwrite: true);
    }

    [StructLayout(LayoutKind.Sequential, Pack = 1)]
    private readonly record struct Entry(ulong Prefix, long Id);
}
