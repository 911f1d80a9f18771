namespace Cairn.Development.Validation;

/// <summary>
/// Pair counting for clusterings (the standard pairwise precision and recall of cluster
/// evaluation): a pair of addresses put in one cluster is right when one owner holds both; every
/// pair one owner holds is a pair to find. Counted from the cluster × owner table, never pair by pair.
/// </summary>
internal sealed class PairCounting<TCluster, TOwner>
    where TCluster : notnull
    where TOwner : notnull
{
    private readonly Dictionary<(TCluster, TOwner), long> _cells = [];
    private readonly Dictionary<TCluster, long> _clusters = [];
    private readonly Dictionary<TOwner, long> _owners = [];

    public void Add(TCluster cluster, TOwner owner)
    {
        _cells[(cluster, owner)] = _cells.GetValueOrDefault((cluster, owner)) + 1;
        _clusters[cluster] = _clusters.GetValueOrDefault(cluster) + 1;
        _owners[owner] = _owners.GetValueOrDefault(owner) + 1;
    }

    public long Addresses => _clusters.Values.Sum();

    /// <summary>Pairs in one cluster with one owner.</summary>
    public long RightPairs => _cells.Values.Sum(Pairs);

    /// <summary>Pairs in one cluster with two owners (false merges).</summary>
    public long WrongPairs => _clusters.Values.Sum(Pairs) - RightPairs;

    /// <summary>Pairs with one owner in two clusters (what the clustering did not join).</summary>
    public long MissedPairs => _owners.Values.Sum(Pairs) - RightPairs;

    /// <summary>Clusters holding addresses of more than one owner.</summary>
    public int MixedClusters => _cells.Keys.GroupBy(k => k.Item1).Count(g => g.Count() > 1);

    public int Clusters => _clusters.Count;

    public int Owners => _owners.Count;

    private static long Pairs(long n) => n * (n - 1) / 2;
}
