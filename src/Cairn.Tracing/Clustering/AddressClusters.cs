using System.Buffers.Binary;
using System.Runtime.InteropServices;
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
    private const int AddressBatch = 64;
    private static readonly byte[] Magic = "CAIRNCL1"u8.ToArray();

    private readonly uint[] _clusterOf;
    private readonly uint[] _sizeOf;

    private AddressClusters(uint[] clusterOf, uint[] sizeOf, long clusterCount, long builtAtTransactions)
    {
        _clusterOf = clusterOf;
        _sizeOf = sizeOf;
        ClusterCount = clusterCount;
        BuiltAtTransactions = builtAtTransactions;
    }

    private static AddressClusters FromClusterIds(uint[] clusterOf, long builtAtTransactions)
    {
        var sizeOf = new uint[clusterOf.Length];
        foreach (var cluster in clusterOf) sizeOf[cluster]++;
        // A cluster's id is its smallest member, so exactly the ids that are their own cluster count.
        long clusters = 0;
        for (uint a = 0; a < clusterOf.Length; a++) if (clusterOf[a] == a) clusters++;
        return new AddressClusters(clusterOf, sizeOf, clusters, builtAtTransactions);
    }

    public long BuiltAtTransactions { get; }

    public long AddressCount => _clusterOf.Length;

    public long ClusterCount { get; }

    public uint ClusterOf(uint addressId) => _clusterOf[addressId];

    /// <summary>Number of addresses in the cluster with id <paramref name="clusterId"/>.</summary>
    public uint SizeOf(uint clusterId) => _sizeOf[clusterId];

    /// <summary>The addresses of a cluster in id order, skipping <paramref name="offset"/>; streams (no list is built).</summary>
    public IEnumerable<uint> Members(uint clusterId, long offset = 0)
    {
        long seen = 0;
        for (var a = clusterId; a < _clusterOf.Length; a++)
        {
            if (_clusterOf[a] != clusterId) continue;
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
        Span<uint> addresses = stackalloc uint[AddressBatch];
        var transactions = (uint)index.TransactionCount;
        for (uint tx = 0; tx < transactions; tx++)
        {
            var (first, end) = index.InputsOf(tx);
            if (end - first < 2) continue;
            // Litecoin's HogEx spends the previous MWEB holding output and every peg-in of the block:
            // its inputs belong to everyone who entered MWEB, not to one entity (LIP-0002).
            if (index.TransactionFlags(tx).HasFlag(TxFlags.MwebHogEx)) continue;
            var coinJoin = coinJoinPrefilter ? CoinJoinDetector.Detect(index, tx) : CoinJoinDetector.DetectUnfiltered(index, tx);
            if (coinJoin is not null) continue;
            // Addresses are gathered first, a batch at a time, so their (random) loads overlap instead of
            // each waiting behind the previous Find; the transaction's root is carried along, so each
            // input costs one Find, not two.
            var root = uint.MaxValue;
            for (var batchStart = first; batchStart < end; batchStart += AddressBatch)
            {
                var count = (int)Math.Min(AddressBatch, end - batchStart);
                for (var i = 0; i < count; i++) addresses[i] = index.AddressOf(index.SpentOutputOf(batchStart + (uint)i));
                for (var i = 0; i < count; i++)
                {
                    var address = addresses[i];
                    if (address == uint.MaxValue) continue;
                    var addressRoot = sets.Find(address);
                    if (root == uint.MaxValue) root = addressRoot;
                    else if (addressRoot != root) root = sets.Link(root, addressRoot);
                }
            }
        }
        if (options.ChangeBased) JoinChange(index, sets, options.MinimumChangeConfidence);
        var (clusterOf, sizeOf, clusterCount) = sets.Finish();
        return new AddressClusters(clusterOf, sizeOf, clusterCount, index.TransactionCount);
    }

    public void Save(string path)
    {
        var temporary = path + ".tmp";
        using (var stream = File.Create(temporary))
        {
            Span<byte> header = stackalloc byte[HeaderSize];
            Magic.CopyTo(header);
            BinaryPrimitives.WriteInt64LittleEndian(header[8..], BuiltAtTransactions);
            BinaryPrimitives.WriteInt64LittleEndian(header[16..], _clusterOf.Length);
            stream.Write(header);
            if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("addr_cluster is little-endian");
            stream.Write(MemoryMarshal.AsBytes(_clusterOf.AsSpan()));
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
