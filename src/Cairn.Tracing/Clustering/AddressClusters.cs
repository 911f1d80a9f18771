using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;
using Cairn.Index.Bitcoin;
using Cairn.Tracing.Heuristics;

namespace Cairn.Tracing.Clustering;

/// <summary>
/// Multi-input (co-spend) clusters over the whole index: every address spent together in one
/// non-CoinJoin transaction belongs to one entity (Nakamoto 2008 §10; Meiklejohn et al. 2013).
/// CoinJoins (<see cref="CoinJoinDetector"/>) and Litecoin's HogEx transactions are skipped because
/// their inputs belong to many people.
/// A cluster's id is the smallest address id in it: address ids are dense and append-only, so
/// the id stays the same across incremental ingest unless the cluster merges with an older one.
/// Persisted next to the index as <c>addr_cluster</c> (derived data; rebuilt when the index grew):
/// 8 bytes magic "CAIRNCL1", u64 transaction count it was built at, u64 address count, then one
/// little-endian u32 cluster id per address id.
/// </summary>
public sealed class AddressClusters
{
    public const string FileName = "addr_cluster";
    private const int HeaderSize = 24;
    private const int InputBatch = 512;
    private static readonly byte[] Magic = "CAIRNCL1"u8.ToArray();

    /// <summary>Per address id, its <see cref="ClusterEntry"/> as the union-find leaves it (<see cref="UnionFind.Finish"/>): built, it is handed over without copying.</summary>
    private readonly uint[] _entries;

    private AddressClusters(uint[] entries, long clusterCount, long builtAtTransactions)
    {
        _entries = entries;
        ClusterCount = clusterCount;
        BuiltAtTransactions = builtAtTransactions;
    }

    private static AddressClusters FromClusterIds(uint[] clusterOf, long builtAtTransactions)
    {
        var entries = new uint[clusterOf.Length];
        // A cluster's id is its smallest member, so exactly the ids that are their own cluster count.
        long clusters = 0;
        for (uint a = 0; a < clusterOf.Length; a++)
        {
            var cluster = clusterOf[a];
            if (cluster == a)
            {
                clusters++;
                continue;
            }
            entries[a] = cluster + 1;
            entries[cluster] = ClusterEntry.RootFlag | (ClusterEntry.ExtraMembers(entries[cluster]) + 1);
        }
        return new AddressClusters(entries, clusters, builtAtTransactions);
    }

    public long BuiltAtTransactions { get; }

    public long AddressCount => _entries.Length;

    public long ClusterCount { get; }

    public uint ClusterOf(uint addressId)
    {
        var entry = _entries[addressId];
        return ClusterEntry.IsRoot(entry) ? addressId : entry - 1;
    }

    /// <summary>Number of addresses in the cluster with id <paramref name="clusterId"/> (0 for an address id that is no cluster's id).</summary>
    public uint SizeOf(uint clusterId)
    {
        var entry = _entries[clusterId];
        return ClusterEntry.IsRoot(entry) ? ClusterEntry.ExtraMembers(entry) + 1 : 0;
    }

    /// <summary>The addresses of a cluster in id order, skipping <paramref name="offset"/>; streams (no list is built).</summary>
    public IEnumerable<uint> Members(uint clusterId, long offset = 0)
    {
        long seen = 0;
        for (var a = clusterId; a < _entries.Length; a++)
        {
            if (ClusterOf(a) != clusterId) continue;
            if (seen++ >= offset) yield return a;
        }
    }

    /// <summary>Loads <c>addr_cluster</c> from the index directory, building (and saving) it when missing or stale.</summary>
    public static AddressClusters OpenOrBuild(BitcoinIndex index)
    {
        ArgumentNullException.ThrowIfNull(index);
        var path = Path.Combine(index.Directory, FileName);
        var loaded = TryLoad(path, index);
        if (loaded is not null) return loaded;
        var built = Build(index);
        built.Save(path);
        return built;
    }

    /// <summary>Union-find over co-spent input addresses (path halving, the smaller root wins); a cluster's id is its smallest address id.</summary>
    public static AddressClusters Build(BitcoinIndex index) => Build(index, ClusteringOptions.MultiInputOnly);

    /// <summary>
    /// As <see cref="Build(BitcoinIndex)"/>, with change-based clustering when <paramref name="options"/> asks for it.
    /// Change-based clusters are not saved as <c>addr_cluster</c> (that file is always multi-input only).
    /// </summary>
    public static AddressClusters Build(BitcoinIndex index, ClusteringOptions options) => Build(index, options, coinJoinPrefilter: true);

    /// <summary>
    /// The build itself. <paramref name="coinJoinPrefilter"/> false runs the full CoinJoin rules on
    /// every transaction with ≥ 3 inputs and outputs (what the prefilter must agree with; tests only).
    /// One pass in id order over the mapped columns, no allocation per transaction.
    /// </summary>
    internal static AddressClusters Build(BitcoinIndex index, ClusteringOptions options, bool coinJoinPrefilter)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(options);
        var sets = new UnionFind(index.AddressCount);
        JoinCoSpends(index, sets, coinJoinPrefilter);
        if (options.ChangeBased) JoinChange(index, sets, options.MinimumChangeConfidence);
        var (entries, clusterCount) = sets.Finish();
        return new AddressClusters(entries, clusterCount, index.TransactionCount);
    }

    /// <summary>
    /// Joins the input addresses of every transaction that may be clustered, in id order, a batch of
    /// inputs at a time in three steps: read each input's spent output (a sequential column) and
    /// prefetch that output's address; read the addresses and prefetch their union-find entries; then
    /// link. Both loads are random (a chain's spends reach back anywhere), so issuing a batch of them
    /// before using any lets the memory system serve them side by side. Each input costs one Find,
    /// because the transaction's root is carried along.
    /// </summary>
    private static void JoinCoSpends(BitcoinIndex index, UnionFind sets, bool coinJoinPrefilter)
    {
        var spentOf = index.InputSpentOutputSpan();
        var addressOf = index.OutputAddressSpan();
        Span<uint> slots = stackalloc uint[InputBatch];
        Span<int> transactionEnds = stackalloc int[InputBatch];
        var transactions = (uint)index.TransactionCount;
        uint tx = 0;
        while (tx < transactions)
        {
            int filled = 0, batched = 0;
            for (; tx < transactions; tx++)
            {
                var (first, end) = index.InputsOf(tx);
                var count = (int)(end - first);
                if (count < 2) continue;
                if (filled > 0 && filled + count > InputBatch) break; // this transaction starts the next batch
                if (!MayCluster(index, tx, coinJoinPrefilter)) continue;
                if (count > InputBatch)
                {
                    JoinLarge(index, sets, first, end); // only when the batch is empty, so order is kept
                    continue;
                }
                for (var input = (int)first; input < (int)end; input++)
                {
                    var spent = spentOf[input];
                    slots[filled++] = spent;
                    Prefetch(in addressOf[(int)spent]);
                }
                transactionEnds[batched++] = filled;
            }
            for (var i = 0; i < filled; i++)
            {
                var address = addressOf[(int)slots[i]];
                slots[i] = address;
                if (address != uint.MaxValue) sets.Prefetch(address);
            }
            var start = 0;
            for (var t = 0; t < batched; t++)
            {
                var root = uint.MaxValue;
                for (var i = start; i < transactionEnds[t]; i++) root = Join(sets, root, slots[i]);
                start = transactionEnds[t];
            }
        }
    }

    /// <summary>
    /// Whether a transaction's inputs are one entity's. Litecoin's HogEx spends the previous MWEB
    /// holding output and every peg-in of the block: its inputs belong to everyone who entered MWEB,
    /// not to one entity (LIP-0002); a CoinJoin's belong to its many participants.
    /// </summary>
    private static bool MayCluster(BitcoinIndex index, uint tx, bool coinJoinPrefilter) =>
        !index.TransactionFlags(tx).HasFlag(TxFlags.MwebHogEx)
        && (coinJoinPrefilter ? !CoinJoinDetector.IsCoinJoin(index, tx) : CoinJoinDetector.DetectUnfiltered(index, tx) is null);

    /// <summary>A transaction with more inputs than a batch holds, joined input by input.</summary>
    private static void JoinLarge(BitcoinIndex index, UnionFind sets, uint first, uint end)
    {
        var root = uint.MaxValue;
        for (var input = first; input < end; input++) root = Join(sets, root, index.AddressOf(index.SpentOutputOf(input)));
    }

    /// <summary>Joins <paramref name="address"/> to the transaction's root so far (none yet: uint.MaxValue); returns the new root.</summary>
    private static uint Join(UnionFind sets, uint root, uint address)
    {
        if (address == uint.MaxValue) return root;
        var addressRoot = sets.Find(address);
        if (root == uint.MaxValue || addressRoot == root) return addressRoot;
        return sets.Link(root, addressRoot);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Prefetch(in uint value)
    {
        if (Sse.IsSupported) Sse.Prefetch0(Unsafe.AsPointer(ref Unsafe.AsRef(in value)));
    }

    public void Save(string path)
    {
        var temporary = path + ".tmp";
        using (var stream = File.Create(temporary))
        {
            Span<byte> header = stackalloc byte[HeaderSize];
            Magic.CopyTo(header);
            BinaryPrimitives.WriteInt64LittleEndian(header[8..], BuiltAtTransactions);
            BinaryPrimitives.WriteInt64LittleEndian(header[16..], _entries.Length);
            stream.Write(header);
            if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("addr_cluster is little-endian");
            var chunk = new uint[64 * 1024];
            for (var start = 0; start < _entries.Length; start += chunk.Length)
            {
                var length = Math.Min(chunk.Length, _entries.Length - start);
                for (var i = 0; i < length; i++) chunk[i] = ClusterOf((uint)(start + i));
                stream.Write(MemoryMarshal.AsBytes(chunk.AsSpan(0, length)));
            }
        }
        File.Move(temporary, path, overwrite: true); // atomic replace: a reader never sees half a file
    }

    private static AddressClusters? TryLoad(string path, BitcoinIndex index)
    {
        if (!File.Exists(path)) return null;
        using var stream = File.OpenRead(path);
        Span<byte> header = stackalloc byte[HeaderSize];
        if (stream.Read(header) != HeaderSize || !header[..8].SequenceEqual(Magic)) return null;
        var transactions = BinaryPrimitives.ReadInt64LittleEndian(header[8..]);
        var addresses = BinaryPrimitives.ReadInt64LittleEndian(header[16..]);
        if (transactions != index.TransactionCount || addresses != index.AddressCount) return null;
        var clusterOf = new uint[addresses];
        stream.ReadExactly(MemoryMarshal.AsBytes(clusterOf.AsSpan()));
        return FromClusterIds(clusterOf, transactions);
    }

    /// <summary>Joins each confident change output's address to the cluster of the transaction's first input address.</summary>
    private static void JoinChange(BitcoinIndex index, UnionFind sets, double minimumConfidence)
    {
        for (uint tx = 0; tx < index.TransactionCount; tx++)
        {
            var (firstOutput, endOutput) = index.OutputsOf(tx);
            if (endOutput - firstOutput < 2 || index.TransactionFlags(tx).HasFlag(TxFlags.Coinbase)) continue;
            var verdict = ChangeDetector.Detect(index, tx);
            if (verdict.ChangeOutput is not { } vout || verdict.Confidence < minimumConfidence) continue;
            var (firstInput, _) = index.InputsOf(tx);
            var inputAddress = index.AddressOf(index.SpentOutputOf(firstInput));
            var changeAddress = index.AddressOf(firstOutput + (uint)vout);
            if (inputAddress != uint.MaxValue && changeAddress != uint.MaxValue) sets.Union(inputAddress, changeAddress);
        }
    }
}
