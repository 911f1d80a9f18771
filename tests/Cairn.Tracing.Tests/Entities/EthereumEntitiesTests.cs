using System.Globalization;
using System.Numerics;
using Cairn.Tracing.Entities;
using Cairn.Tracing.Ethereum;
using Cairn.Tracing.Tests.Ethereum;

namespace Cairn.Tracing.Tests.Entities;

public sealed class EthereumEntitiesTests
{
    private const int Seed = 1, Mixer = 2, Clean = 3, Bob = 4, Exchange = 5;

    private sealed class ExchangeLookup : IEthAttributionLookup
    {
        public EthAttribution? Lookup(string lowerCaseAddress) =>
            lowerCaseAddress == SyntheticChain.Address(Exchange) ? new EthAttribution("example-exchange", "exchange", ["DE"], 0.9) { Label = "Example Exchange", Source = "pack" } : null;
    }

    [Fact]
    public void Build_Trace_EndpointsGroupIntoActorAndAddressesWithFlowsFromTheSeed()
    {
        using var chain = new SyntheticChain();
        using var index = chain.Build([(Clean, Mixer, 5), (Seed, Mixer, 10), (Mixer, Bob, 6), (Mixer, Exchange, 9)]);
        var result = EthereumTracer.Trace(index, new EthTraceRequest(SyntheticChain.Address(Seed)), new ExchangeLookup());

        var entities = EthereumEntities.Build(result, new ExchangeLookup());

        var total = result.Endpoints.Aggregate(BigInteger.Zero, (s, e) => s + BigInteger.Parse(e.Amount, CultureInfo.InvariantCulture));
        Assert.Equal(total, entities.Entities.Aggregate(BigInteger.Zero, (s, e) => s + e.Amount));
        var exchange = entities.Entities.Single(e => e.Kind == EntityKind.Actor);
        Assert.Equal(("actor:example-exchange", "Example Exchange", new BigInteger(9)), (exchange.EntityId, exchange.Label, exchange.Amount));
        Assert.Contains(entities.EntityFlows, f => f.To == "actor:example-exchange" && f.From.StartsWith("address:", StringComparison.Ordinal));
        Assert.EndsWith(result.Seed, entities.Entities.Single(e => e.Seed).EntityId, StringComparison.OrdinalIgnoreCase);
    }
}
