using System.Numerics;
using Cairn.Tracing.Entities;
using Cairn.Tracing.Taint;
using Cairn.Tracing.Tracing;

namespace Cairn.Tracing.Tests.Entities;

public sealed class BitcoinEntitiesTests
{
    private static GeneratedChain Chain => GeneratedChain.Instance;

    private static (TraceResult, TraceEntities) Trace(TraceRequest request)
    {
        var result = new Tracer(Chain.Index, Chain.Clusters, Chain.Attribution).Trace(request);
        return (result, BitcoinEntities.Build(result, Chain.Index, Chain.Clusters, Chain.Attribution));
    }

    [Fact]
    public void Build_RansomTrace_EntityAmountsAddUpExactlyToTheEndpoints()
    {
        var (result, entities) = Trace(new TraceRequest { From = [Chain.Scenario.Ransomware!.RansomAddress], ThroughCoinJoin = true, MaxHops = 25 });

        Assert.Equal(new BigInteger(result.EndpointTotalSat), entities.Entities.Aggregate(BigInteger.Zero, (s, e) => s + e.Amount));
        Assert.Equal(result.Endpoints.Count, entities.Entities.Sum(e => e.Endpoints));
        Assert.All(result.Endpoints, e => Assert.True(entities.Endpoints.ContainsKey(e.Output)));
        // Every member belongs to exactly one entity and is listed once.
        Assert.Equal(entities.Members.Count, entities.Members.Select(m => m.Key).Distinct().Count());
        Assert.Equal(entities.Entities.Sum(e => e.Addresses), entities.Members.Count);
    }

    [Fact]
    public void Build_RansomTrace_EachDepositExchangeIsOneActorEntityWithItsJurisdiction()
    {
        var ransomware = Chain.Scenario.Ransomware!;
        var (result, entities) = Trace(new TraceRequest { From = [ransomware.RansomAddress], ThroughCoinJoin = true, MaxHops = 25 });

        foreach (var actor in ransomware.Deposits.Select(d => d.Actor).Distinct())
        {
            var entity = entities.Entities.Single(e => e.EntityId == "actor:" + actor);
            Assert.Equal(EntityKind.Actor, entity.Kind);
            var endpoints = result.Endpoints.Where(e => e.Attribution?.ActorId == actor).ToList();
            Assert.Equal(endpoints.Sum(e => e.AmountSat), (long)entity.Amount);
            Assert.Equal(endpoints[0].Attribution!.Jurisdictions, entity.Jurisdictions);
            Assert.NotNull(entity.FirstSeen);
        }
        Assert.Contains(entities.Entities, e => e.Seed);
        Assert.Contains(entities.Heuristics, h => h.Rule == "peel_chain");
        Assert.Contains(entities.Heuristics, h => h.Rule.StartsWith("coinjoin_", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(TaintModel.Haircut)]
    [InlineData(TaintModel.Fifo)]
    [InlineData(TaintModel.Poison)]
    public void Build_RandomSeeds_EntitiesConserveTheEndpointTotal(TaintModel model)
    {
        var random = new Random(16);
        for (var i = 0; i < 20; i++)
        {
            var output = (uint)random.Next(0, (int)Math.Min(int.MaxValue, Chain.Index.OutputCount - 1));
            var tx = Chain.Index.TransactionOfOutput(output);
            var reference = $"{Chain.Index.TransactionHash(tx)}:{Chain.Index.VoutOf(output)}";
            var (result, entities) = Trace(new TraceRequest { From = [reference], Model = model, MaxHops = 6 });
            Assert.Equal(new BigInteger(result.EndpointTotalSat), entities.Entities.Aggregate(BigInteger.Zero, (s, e) => s + e.Amount));
        }
    }
}
