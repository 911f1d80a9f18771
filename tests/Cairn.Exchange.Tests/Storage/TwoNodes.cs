using System.Text;
using Cairn.Cases.Agencies;
using Cairn.Exchange.Nodes;
using Cairn.Exchange.Receipts;
using Cairn.Exchange.Store;
using Cairn.Storage.Exchange;
using Cairn.Workspace.Exchange;
using Cairn.TestSupport.Database;

namespace Cairn.Exchange.Tests.Storage;

/// <summary>Two installations (own database and data directory each) that registered each other; delivery is done by hand, without HTTP.</summary>
public sealed class TwoNodes : IAsyncDisposable
{
    private TwoNodes(TestDatabase nl, TestDatabase de, NodeIdentity nlNode, NodeIdentity deNode)
    {
        Nl = nl;
        De = de;
        NlNode = nlNode;
        DeNode = deNode;
    }

    public static readonly Actor NlAnalyst = new("ana", "fiu-nl");

    public static readonly Actor DeAnalyst = new("dirk", "fiu-de");

    public TestDatabase Nl { get; }

    public TestDatabase De { get; }

    public NodeIdentity NlNode { get; }

    public NodeIdentity DeNode { get; }

    public static async Task<TwoNodes> CreateAsync(SqlDialect dialect)
    {
        var nl = await TestDatabase.CreateAsync(dialect);
        var de = await TestDatabase.CreateAsync(dialect);
        var nlNode = NodeKeyFiles.Create(nl.DataDirectory, "nl-fiu", "FIU the Netherlands", "fiu-nl", "NL", "http://127.0.0.1:1");
        var deNode = NodeKeyFiles.Create(de.DataDirectory, "de-fiu", "FIU Germany", "fiu-de", "DE", "http://127.0.0.1:2");
        await new SqlPartnerStore(nl.Database).AddAsync(NlAnalyst, deNode.Card);
        await new SqlPartnerStore(de.Database).AddAsync(DeAnalyst, nlNode.Card);
        return new TwoNodes(nl, de, nlNode, deNode);
    }

    /// <summary>Hands every pending outbox message of <paramref name="from"/> to the other node's receiver and records the receipts, as the courier does.</summary>
    public async Task<IReadOnlyList<ReceiveOutcome>> DeliverAsync(TestDatabase from)
    {
        var (to, toNode, fromNode) = from == Nl ? (De, DeNode, NlNode) : (Nl, NlNode, DeNode);
        var outbox = new SqlOutbox(from.Database);
        var outcomes = new List<ReceiveOutcome>();
        foreach (var entry in await outbox.ClaimDueAsync(from.Time.GetUtcNow(), TimeSpan.FromMinutes(1), 100))
        {
            var outcome = await new EnvelopeReceiver(to.Database, toNode).ReceiveAsync(Encoding.UTF8.GetBytes(entry.Envelope));
            outcomes.Add(outcome);
            if (outcome.Receipt is { } receipt)
            {
                receipt.Verify(toNode.Card, entry.MessageId, entry.EnvelopeDigest);
                await outbox.RecordDeliveredAsync(new Actor("node", fromNode.Card.Agency), entry, receipt);
            }
        }
        return outcomes;
    }

    public async ValueTask DisposeAsync()
    {
        NlNode.Dispose();
        DeNode.Dispose();
        await Nl.DisposeAsync();
        await De.DisposeAsync();
    }
}
