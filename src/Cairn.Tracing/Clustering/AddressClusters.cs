using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Cairn.Index.Bitcoin;
using Cairn.Tracing.Heuristics;

namespace Cairn.Tracing.Clustering;

/// <summary>
/// Multi-input (co-spend) clusters over the whole index: every address spent together in one
/// non-CoinJoin transaction belongs to one entity (Nakamoto 2008 §10; Meiklejohn et al. 2013).
/// CoinJoins (<see cref="CoinJoinDetector"/>) are skipped because their inputs belong to many people.
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
    private static readonly byte[] Magic = "CAIRNCL1"u8.ToArray();

    private readonly uint[] _clusterOf;
    private readonly uint[] _sizeOf;

    private AddressClusters(uint[] clusterOf, long builtAtTransactions)
    {
        _clusterOf = clusterOf;
        BuiltAtTransactions = builtAtTransactions;
        _sizeOf = new uint[clusterOf.Length];
        foreach (var cluster in clusterOf) _sizeOf[cluster]++;
        for (var a = 0; a < clusterOf.Length; a++) if (_sizeOf[a] > 0) ClusterCount++;
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

    /// <summary>Union-find over co-spent input addresses with path halving; the smaller root wins, so roots are minimum ids.</summary>
    public static AddressClusters Build(BitcoinIndex index) => Build(index, ClusteringOptions.MultiInputOnly);

    /// <summary>
    /// As <see cref="Build(BitcoinIndex)"/>, with change-based clustering when <paramref name="options"/> asks for it.
    /// Change-based clusters are not saved as <c>addr_cluster</c> (that file is always multi-input only).
    /// </summary>
    public static AddressClusters Build(BitcoinIndex index, ClusteringOptions options)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(options);
        var parent = new uint[index.AddressCount];
        for (uint a = 0; a < parent.Length; a++) parent[a] = a;
        for (uint tx = 0; tx < index.TransactionCount; tx++)
        {
            var (first, end) = index.InputsOf(tx);
            if (end - first < 2) continue;
            if (CoinJoinDetector.Detect(index, tx) is not null) continue;
            var anchor = uint.MaxValue;
            for (var input = first; input < end; input++)
            {
                var address = index.AddressOf(index.SpentOutputOf(input));
                if (address == uint.MaxValue) continue;
                if (anchor == uint.MaxValue) anchor = address;
                else Union(parent, anchor, address);
            }
        }
        if (options.ChangeBased) JoinChange(index, parent, options.MinimumChangeConfidence);
        for (uint a = 0; a < parent.Length; a++) parent[a] = Find(parent, a);
        return new AddressClusters(parent, index.TransactionCount);
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
        return new AddressClusters(clusterOf, transactions);
    }

    /// <summary>Joins each confident change output's address to the cluster of the transaction's first input address.</summary>
    private static void JoinChange(BitcoinIndex index, uint[] parent, double minimumConfidence)
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
            if (inputAddress != uint.MaxValue && changeAddress != uint.MaxValue) Union(parent, inputAddress, changeAddress);
        }
    }

    private static uint Find(uint[] parent, uint a)
    {
        while (parent[a] != a)
        {
            parent[a] = parent[parent[a]];
            a = parent[a];
        }
        return a;
    }

    private static void Union(uint[] parent, uint a, uint b)
    {
        var rootA = Find(parent, a);
        var rootB = Find(parent, b);
        if (rootA == rootB) return;
        if (rootA < rootB) parent[rootB] = rootA;
        else parent[rootA] = rootB;
    }
}
