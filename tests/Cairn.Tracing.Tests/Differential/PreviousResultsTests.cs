using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Cairn.Index.Bitcoin;
using Cairn.Tracing.Clustering;
using Cairn.Tracing.Taint;
using Cairn.Tracing.Tracing;

namespace Cairn.Tracing.Tests.Differential;

/// <summary>
/// Differential tests against the results of the implementation before the issue 19 speed work
/// (clusters and traces of commit 17e272b, recorded in <c>previous-results.txt</c> beside this
/// file): the faster clustering and trace must give the same clusters and the same traced amounts,
/// paths, stops, peel chains and heuristics, to the byte. The file also records the generated
/// chain's tip; when the generator changes, the test says so instead of comparing other chains.
/// Regenerate only from an implementation known to be right: <c>CAIRN_WRITE_PREVIOUS_RESULTS=1</c>.
/// </summary>
public sealed class PreviousResultsTests
{
    private const int SeedCount = 60;
    private const string FileName = "previous-results.txt";

    private static readonly (TaintModel Model, TraceDirection Direction, bool ThroughCoinJoin, long MinAmountSat)[] Variants =
    [
        (TaintModel.Haircut, TraceDirection.Forward, false, 0),
        (TaintModel.Haircut, TraceDirection.Forward, true, 0),
        (TaintModel.Fifo, TraceDirection.Forward, false, 0),
        (TaintModel.Lifo, TraceDirection.Forward, true, 0),
        (TaintModel.Tiho, TraceDirection.Forward, false, 0),
        (TaintModel.Poison, TraceDirection.Forward, false, 0),
        (TaintModel.Haircut, TraceDirection.Backward, false, 0),
        (TaintModel.Fifo, TraceDirection.Backward, false, 0),
        (TaintModel.Haircut, TraceDirection.Forward, false, 50_000),
    ];

    [Fact]
    public void ClustersAndTraces_OnTheGeneratedChain_EqualThePreviousImplementationsResults()
    {
        var chain = GeneratedChain.Instance;
        var actual = Lines(chain.Index, AddressClusters.Build(chain.Index), new Tracer(chain.Index, chain.Clusters, chain.Attribution));
        if (Environment.GetEnvironmentVariable("CAIRN_WRITE_PREVIOUS_RESULTS") == "1") File.WriteAllLines(Path.Combine(SourceDirectory(), FileName), actual);
        var expected = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Differential", FileName));
        Assert.True(expected[0] == actual[0], $"the generated chain changed ({actual[0]}, recorded {expected[0]}): the recorded results are for another chain");
        Assert.Equal(expected.Length, actual.Count);
        for (var i = 1; i < expected.Length; i++) Assert.Equal(expected[i], actual[i]);
    }

    /// <summary>The chain's tip, the clusters' digest, then one line per trace: what was asked, key figures and a digest of the whole result.</summary>
    private static List<string> Lines(BitcoinIndex index, AddressClusters clusters, Tracer tracer)
    {
        var lines = new List<string> { $"chain {index.TransactionCount} txs tip {index.TipHash}" };
        var clusterIds = new byte[clusters.AddressCount * 8];
        for (uint a = 0; a < clusters.AddressCount; a++)
        {
            BitConverter.TryWriteBytes(clusterIds.AsSpan((int)a * 8), clusters.ClusterOf(a));
            BitConverter.TryWriteBytes(clusterIds.AsSpan((int)a * 8 + 4), clusters.SizeOf(a));
        }
        lines.Add($"clusters {clusters.ClusterCount} of {clusters.AddressCount} addresses sha256 {Convert.ToHexStringLower(SHA256.HashData(clusterIds))}");
        var seeds = Seeds(index);
        for (var s = 0; s < seeds.Count; s++)
            foreach (var variant in new[] { Variants[s % Variants.Length], Variants[(s + 4) % Variants.Length] })
            {
                var result = tracer.Trace(new TraceRequest
                {
                    From = [seeds[s]], Model = variant.Model, Direction = variant.Direction,
                    ThroughCoinJoin = variant.ThroughCoinJoin, MinAmountSat = variant.MinAmountSat, MaxHops = 8,
                });
                var json = JsonSerializer.Serialize(result);
                lines.Add($"{seeds[s]} {variant.Model} {variant.Direction} through={variant.ThroughCoinJoin} min={variant.MinAmountSat}: " +
                    $"{result.Endpoints.Count} endpoints {result.EndpointTotalSat} sat, fees {result.FeesSat}, visited {result.TransactionsVisited}, " +
                    $"{result.PeelChains.Count} peel chains, sha256 {Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)))}");
            }
        return lines;
    }

    /// <summary>Spent outputs of at least 10,000 sat spread over the chain (every 97th output onwards from each pick), plus the planted ransom address.</summary>
    private static List<string> Seeds(BitcoinIndex index)
    {
        var seeds = new List<string> { GeneratedChain.Instance.Scenario.Ransomware!.RansomAddress };
        var step = (uint)(index.OutputCount / SeedCount);
        for (uint output = 1; output < index.OutputCount && seeds.Count < SeedCount; output += step)
        {
            var pick = output;
            while (pick < index.OutputCount && (index.Value(pick) < 10_000 || index.SpenderOf(pick) is null)) pick += 97;
            if (pick < index.OutputCount) seeds.Add($"{index.TransactionHash(index.TransactionOfOutput(pick))}:{index.VoutOf(pick)}");
        }
        return seeds;
    }

    private static string SourceDirectory([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
