using System.Numerics;
using Cairn.Tracing.Attribution;
using Cairn.Tracing.Entities;

namespace Cairn.Tracing.Tests.Entities;

public sealed class EntityGroupingTests
{
    private static readonly ActorAttribution Exchange = new("ex", "Example Exchange", "exchange", ["DE"], 0.9, "pack-1");
    private static readonly DateTimeOffset T0 = new(2024, 3, 1, 10, 0, 0, TimeSpan.Zero);

    private static EntityPlace Address(string key, uint? cluster = null, long size = 1, ActorAttribution? actor = null) => new(key, key, cluster, size, actor, false);

    [Fact]
    public void Build_ActorElseMultiAddressClusterElseAddress_GroupsPlaces()
    {
        var grouping = new EntityGrouping();
        grouping.AddEndpoint("o1", Address("a1", 7, 3, Exchange), 10, "t1", T0);
        grouping.AddEndpoint("o2", Address("a2", 8, 1, Exchange), 20, "t2", T0);
        grouping.AddEndpoint("o3", Address("b1", 9, 2), 30, "t3", T0);
        grouping.AddEndpoint("o4", Address("b2", 9, 2), 5, "t3", T0);
        grouping.AddEndpoint("o5", Address("c1", 11, 1), 1, "t4", T0);

        var entities = grouping.Build().Entities;

        Assert.Equal([("cluster:9", EntityKind.Cluster, 35), ("actor:ex", EntityKind.Actor, 30), ("address:c1", EntityKind.Address, 1)],
            entities.Select(e => (e.EntityId, e.Kind, (int)e.Amount)));
        Assert.Equal(("Example Exchange", 2, 2), (entities[1].Label, entities[1].Endpoints, entities[1].Addresses));
        Assert.Equal("cluster 9 (2 addresses)", entities[0].Label);
    }

    [Fact]
    public void Build_PathsThroughHops_FlowsBetweenEntitiesAddUpAndSelfFlowsAreLeftOut()
    {
        var grouping = new EntityGrouping();
        var seed = Address("s", 1, 2);
        var change = Address("s2", 1, 2); // same cluster as the seed: a hop inside one entity
        var hop = Address("h");
        var exchange = Address("x", actor: Exchange);
        grouping.AddSeed(seed, "t0", T0, 100);
        grouping.AddEndpoint("x:0", exchange, 60, "t3", T0.AddDays(1));
        grouping.AddPath([new(seed, "t0", T0), new(change, "t1", T0.AddHours(1)), new(hop, "t2", T0.AddHours(2)), new(exchange, "t3", T0.AddDays(1))], 60);

        var built = grouping.Build();

        // Largest first, then by the ends' ids.
        Assert.Equal([("address:h", "actor:ex", 60), ("cluster:1", "address:h", 60)], built.EntityFlows.Select(f => (f.From, f.To, (int)f.Amount)));
        Assert.Equal(3, built.AddressFlows.Count);
        var hopEntity = built.Entities.Single(e => e.EntityId == "address:h");
        Assert.Equal((BigInteger.Zero, new BigInteger(60), 1), (hopEntity.Amount, hopEntity.Received, hopEntity.HopTransactions));
        Assert.True(built.Entities.Single(e => e.EntityId == "cluster:1").Seed);
        Assert.Equal(new DateOnly(2024, 3, 2), built.EntityFlows[0].AmountByDay.Keys.Single());
        Assert.Equal(new EndpointPlacement("actor:ex", T0.AddDays(1)), built.Endpoints["x:0"]);
    }

    [Fact]
    public void Build_ClusterAndAttribution_ListTheirHeuristicsWithRule()
    {
        var grouping = new EntityGrouping();
        grouping.AddEndpoint("o1", Address("b1", 9, 4), 30, "t3", T0);
        grouping.AddEndpoint("o2", Address("x", actor: Exchange), 5, "t4", T0);
        grouping.AddTransactionHeuristic("t3", "coinjoin_whirlpool", 0.95, "5x5");

        var heuristics = grouping.Build().Heuristics;

        Assert.Contains(heuristics, h => h is { EntityId: "cluster:9", Rule: "multi_input" });
        Assert.Contains(heuristics, h => h is { EntityId: "cluster:9", Rule: "coinjoin_whirlpool", TxId: "t3", Confidence: 0.95 });
        Assert.Contains(heuristics, h => h is { EntityId: "actor:ex", Rule: "attribution", Confidence: 0.9 });
    }
}
