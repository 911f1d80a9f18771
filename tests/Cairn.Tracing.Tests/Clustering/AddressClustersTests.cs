using Cairn.Tracing.Clustering;

namespace Cairn.Tracing.Tests.Clustering;

public sealed class AddressClustersTests
{
    [Fact]
    public void Build_InputsSpentTogether_ShareOneCluster()
    {
        var chain = GeneratedChain.Instance;
        var index = chain.Index;
        var checkedSweeps = 0;
        for (uint tx = 0; tx < index.TransactionCount && checkedSweeps < 50; tx++)
        {
            var (first, end) = index.InputsOf(tx);
            if (end - first < 5 || Cairn.Tracing.Heuristics.CoinJoinDetector.Detect(index, tx) is not null) continue;
            var cluster = chain.Clusters.ClusterOf(index.AddressOf(index.SpentOutputOf(first)));
            for (var input = first; input < end; input++)
                Assert.Equal(cluster, chain.Clusters.ClusterOf(index.AddressOf(index.SpentOutputOf(input))));
            checkedSweeps++;
        }
        Assert.True(checkedSweeps > 0);
    }

    [Fact]
    public void Build_NeverMergesTwoActors()
    {
        var chain = GeneratedChain.Instance;
        var owner = new Dictionary<uint, string>();
        foreach (var actor in chain.Scenario.Actors)
            foreach (var address in actor.AllAddresses)
            {
                if (!chain.Index.TryFindAddress(Cairn.Index.Bitcoin.AddressKey.Parse(address, chain.Index.Network), out var id)) continue;
                var cluster = chain.Clusters.ClusterOf(id);
                if (owner.TryGetValue(cluster, out var other)) Assert.Equal(other, actor.Id);
                else owner[cluster] = actor.Id;
            }
    }

    [Fact]
    public void ClusterId_IsTheSmallestAddressIdInTheCluster_AndMembersListIt()
    {
        var clusters = GeneratedChain.Instance.Clusters;
        for (uint a = 0; a < clusters.AddressCount; a += 97)
        {
            var cluster = clusters.ClusterOf(a);
            Assert.True(cluster <= a);
            Assert.Equal(cluster, clusters.ClusterOf(cluster));
            Assert.Equal(clusters.SizeOf(cluster), (uint)clusters.Members(cluster).Count());
        }
    }

    [Fact]
    public void OpenOrBuild_ReadsBackTheSavedFile_WithTheSameClusters()
    {
        var chain = GeneratedChain.Instance;
        var reopened = AddressClusters.OpenOrBuild(chain.Index);
        Assert.True(File.Exists(Path.Combine(chain.Index.Directory, AddressClusters.FileName)));
        Assert.Equal(chain.Clusters.ClusterCount, reopened.ClusterCount);
        for (uint a = 0; a < reopened.AddressCount; a += 13) Assert.Equal(chain.Clusters.ClusterOf(a), reopened.ClusterOf(a));
    }

    [Fact]
    public void Build_ChangeBasedOptIn_OnlyMergesMultiInputClusters_AndIsOffByDefault()
    {
        var chain = GeneratedChain.Instance;
        var withChange = AddressClusters.Build(chain.Index, new ClusteringOptions { ChangeBased = true });

        Assert.False(ClusteringOptions.MultiInputOnly.ChangeBased);
        Assert.True(withChange.ClusterCount < chain.Clusters.ClusterCount, $"{withChange.ClusterCount} vs {chain.Clusters.ClusterCount}");
        // Change-based clustering only ever merges: addresses together under multi-input stay together.
        for (uint a = 0; a < chain.Clusters.AddressCount; a += 11)
            Assert.Equal(withChange.ClusterOf(chain.Clusters.ClusterOf(a)), withChange.ClusterOf(a));
    }

    [Fact]
    public void Build_WithCoinJoinPrefilter_GivesTheSameClustersAsWithout()
    {
        var index = GeneratedChain.Instance.Index;
        var filtered = AddressClusters.Build(index, ClusteringOptions.MultiInputOnly, coinJoinPrefilter: true);
        var unfiltered = AddressClusters.Build(index, ClusteringOptions.MultiInputOnly, coinJoinPrefilter: false);

        Assert.Equal(unfiltered.ClusterCount, filtered.ClusterCount);
        Assert.True(filtered.ClusterCount < filtered.AddressCount, "some addresses were clustered");
        for (uint a = 0; a < filtered.AddressCount; a++)
        {
            Assert.Equal(unfiltered.ClusterOf(a), filtered.ClusterOf(a));
            Assert.Equal(unfiltered.SizeOf(a), filtered.SizeOf(a));
        }
    }

    [Fact]
    public void Build_MatchesANaiveLabelPropagation_OverTheSameCoSpends()
    {
        // An independent reference: repeat "every co-spent address takes the smallest label among its
        // transaction's inputs" until nothing changes; the fixpoint is the smallest id per component.
        var chain = GeneratedChain.Instance;
        var index = chain.Index;
        var groups = new List<uint[]>();
        for (uint tx = 0; tx < index.TransactionCount; tx++)
        {
            var (first, end) = index.InputsOf(tx);
            if (end - first < 2 || Cairn.Tracing.Heuristics.CoinJoinDetector.DetectUnfiltered(index, tx) is not null) continue;
            var addresses = new List<uint>();
            for (var input = first; input < end; input++)
                if (index.AddressOf(index.SpentOutputOf(input)) is var address && address != uint.MaxValue) addresses.Add(address);
            groups.Add([.. addresses]);
        }
        var label = new uint[index.AddressCount];
        for (uint a = 0; a < label.Length; a++) label[a] = a;
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var group in groups)
            {
                var smallest = group.Min(a => label[a]);
                foreach (var a in group)
                    if (label[a] != smallest) (label[a], changed) = (smallest, true);
            }
            for (uint a = 0; a < label.Length; a++) label[a] = label[label[a]];
        }
        for (uint a = 0; a < label.Length; a++) Assert.Equal(label[a], chain.Clusters.ClusterOf(a));
    }
}
