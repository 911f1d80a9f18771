using System.Collections.Concurrent;
using Cairn.Exchange.Envelopes;
using Cairn.Exchange.Messages;
using Cairn.Storage.Exchange;
using Cairn.TestSupport.Database;

namespace Cairn.Exchange.Tests.Storage;

/// <summary>Issue 17: couriers of several nodes on one database claim outbox messages; no message is claimed twice, none is left out, and a lapsed claim is picked up again.</summary>
public class OutboxClaimTests
{
    [DatabaseTheory]
    public async Task CouriersClaimingAtOnce_GetDisjointMessages_AndAllOfThem(SqlDialect dialect)
    {
        await using var nodes = await TwoNodes.CreateAsync(dialect);
        await using var secondNode = await nodes.Nl.OpenAgainAsync();
        var sent = new List<string>();
        for (var i = 0; i < 40; i++)
            sent.Add((await new SqlOutbox(nodes.Nl.Database).SendAsync(TwoNodes.NlAnalyst, nodes.NlNode, "de-fiu", EnvelopeType.Request, new ExchangeMessage { Subject = $"m{i}" })).MessageId);
        var claims = new ConcurrentBag<string>();

        var couriers = new[] { nodes.Nl.Database, secondNode, nodes.Nl.Database, secondNode }.Select(database => Task.Run(async () =>
        {
            var outbox = new SqlOutbox(database);
            while (await outbox.ClaimDueAsync(nodes.Nl.Time.GetUtcNow(), TimeSpan.FromMinutes(3), 3) is { Count: > 0 } claimed)
                foreach (var entry in claimed) claims.Add(entry.MessageId);
        }));
        await Task.WhenAll(couriers);

        Assert.Equal(sent.Order(), claims.Order());
        Assert.Empty(await new SqlOutbox(secondNode).ClaimDueAsync(nodes.Nl.Time.GetUtcNow(), TimeSpan.FromMinutes(3), 10));
        nodes.Nl.Time.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(40, (await new SqlOutbox(secondNode).ClaimDueAsync(nodes.Nl.Time.GetUtcNow(), TimeSpan.FromMinutes(3), 100)).Count);
    }
}
