using System.Net;
using Cairn.Cases.Agencies;
using Cairn.Exchange.Envelopes;
using Cairn.Exchange.Messages;
using Cairn.Exchange.Nodes;
using Cairn.Server.Tests.Infrastructure;
using Cairn.Storage;
using Cairn.Storage.Exchange;
using Cairn.Workspace.Exchange;
using Cairn.Development.Demo;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Server.Tests.Api;

/// <summary>What people see of the node-to-node exchange: partners, their agency's sent messages with delivery state, the node's inbox for admins and FIU analysts.</summary>
[Collection(DemoServerCollection.Name)]
public sealed class ExchangeViewTests(DemoServerFixture fixture)
{
    [Fact]
    public async Task Outbox_ShowsOnlyWhatTheCallersAgencySent_AndTheInboxIsForAdminsAndFius()
    {
        var database = fixture.Server.Host.App.Services.GetRequiredService<CairnDatabase>();
        var admin = new Actor("admin", DemoPipeline.Agency);
        var node = NodeKeyFiles.Exists(fixture.DataDirectory) ? NodeKeyFiles.Load(fixture.DataDirectory)
            : NodeKeyFiles.Create(fixture.DataDirectory, "demo-node", "Demo node", DemoPipeline.Agency, "NL", fixture.Server.Address.ToString());
        // A partner that is not listening: the message stays queued with its attempts.
        var partner = NodeIdentity.Create("bka-node", "BKA test node", "BKA", "DE", "http://127.0.0.1:9/");
        await new SqlPartnerStore(database).AddAsync(admin, partner.Card);
        var sent = await new SqlOutbox(database).SendAsync(admin, node, "bka-node", EnvelopeType.Request,
            new ExchangeMessage { Subject = "Preserve the deposit account", Body = "Please preserve …", CaseReference = DemoPipeline.CaseReference });

        using var adminClient = await fixture.AdminAsync();
        var partners = await adminClient.GetJsonAsync("/api/v1/exchange/partners");
        Assert.Contains(partners["items"]!.AsArray(), p => p!["node_id"]!.GetValue<string>() == "bka-node" && p["signing_fingerprint"]!.GetValue<string>() == partner.Card.SigningFingerprint);
        var outbox = await adminClient.GetJsonAsync("/api/v1/exchange/outbox");
        var entry = Assert.Single(outbox["items"]!.AsArray(), m => m!["message_id"]!.GetValue<string>() == sent.MessageId)!;
        Assert.Equal("Preserve the deposit account", entry["subject"]!.GetValue<string>());
        Assert.Null(entry["accepted_at"]);
        Assert.Equal("admin@" + DemoPipeline.Agency, entry["sent_by"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await adminClient.GetAsync("/api/v1/exchange/inbox")).Status);

        using var olga = await fixture.SignInAsync("olga");
        var hers = await olga.GetAsync("/api/v1/exchange/outbox");
        Assert.DoesNotContain("Preserve the deposit account", hers.Ok().Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await olga.GetAsync("/api/v1/exchange/inbox")).Status);
    }
}
