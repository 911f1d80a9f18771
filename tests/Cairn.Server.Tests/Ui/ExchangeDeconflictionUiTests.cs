using System.Net;
using System.Text;
using Cairn.Cases.Agencies;
using Cairn.Development.Demo;
using Cairn.Exchange.Envelopes;
using Cairn.Exchange.Matching;
using Cairn.Exchange.Messages;
using Cairn.Exchange.Nodes;
using Cairn.Server.Tests.Infrastructure;
using Cairn.Storage;
using Cairn.Storage.Exchange;
using Cairn.Workspace.Exchange;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Cairn.Server.Tests.Ui;

/// <summary>
/// In a real browser, deconfliction with a partner node on the Exchange page: a match filter received from a partner
/// (a real sealed envelope posted to this node) is checked against the agency's cases with one button, and the hit
/// becomes a notice; the agency publishes its own filter through the form, which first refuses a missing partner and a
/// rate out of bounds next to their fields. Message types read as words.
/// </summary>
[Collection(DemoServerCollection.Name)]
public sealed class ExchangeDeconflictionUiTests(DemoServerFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string PartnerNode = "ui-partner-node";
    private readonly BrowserFixture _browser = fixture is null ? throw new ArgumentNullException(nameof(fixture)) : new BrowserFixture();

    [ChromiumFact]
    public async Task FiuChecksAPartnersMatchFilter_AndPublishesItsOwn_FromTheExchangePage_InChromium()
    {
        await _browser.InitializeAsync();
        try
        {
            await RunAsync(_browser.Browser!);
        }
        finally
        {
            await _browser.DisposeAsync();
        }
    }

    private async Task RunAsync(IBrowser browser)
    {
        var messageId = await ReceiveAPartnersFilterAsync();
        var admin = await BrowserPages.SignInAsync(browser, fixture.Server.Address, "admin", DemoServerFixture.Password);
        var page = admin.Page;

        await admin.GoAsync("/exchange", "[data-testid=inbox-table]");
        var received = page.Locator("[data-testid=inbox-table] tbody tr", new() { HasTextString = messageId });
        await Assertions.Expect(received).ToContainTextAsync("Deconfliction match filter");
        await received.Locator($"[data-check='{messageId}']").ClickAsync();
        var result = page.Locator("[data-testid=filter-checked]");
        await Assertions.Expect(result).ToContainTextAsync($"1 of your agency's");
        await Assertions.Expect(result).ToContainTextAsync($"{PartnerNode} was told, by keyed hash only");

        // The form refuses what it cannot send, next to the field, and keeps what was typed.
        await page.ClickAsync("#filter-form button[type=submit]");
        await Assertions.Expect(page.Locator("#filter-form [data-error-for=to]")).ToContainTextAsync("choose the partner node");
        await page.SelectOptionAsync("#filter-to", PartnerNode);
        await page.FillAsync("#filter-rate", "0.5");
        await page.ClickAsync("#filter-form button[type=submit]");
        await Assertions.Expect(page.Locator("#filter-form [data-error-for=false_positive_rate]")).ToContainTextAsync("below 0.01");
        await Assertions.Expect(page.Locator("#filter-to")).ToHaveValueAsync(PartnerNode);
        await page.FillAsync("#filter-rate", "0.0001");
        await page.ClickAsync("#filter-form button[type=submit]");
        await Assertions.Expect(page.Locator("[data-testid=filter-published]")).ToContainTextAsync($"Match filter sent to {PartnerNode}");
        var sent = page.Locator("[data-testid=outbox-table] tbody tr", new() { HasTextString = PartnerNode }).Filter(new() { HasTextString = "Deconfliction match filter" });
        await Assertions.Expect(sent).ToHaveCountAsync(1);
        // The answer to the partner's filter went out too, as words.
        await Assertions.Expect(page.Locator("[data-testid=outbox-table] tbody tr", new() { HasTextString = "Deconfliction match or contact request" })).Not.ToHaveCountAsync(0);
        await admin.ShotAsync("19-exchange-deconfliction");

        await admin.GoAsync("/notifications", "[data-testid=notifications-table]");
        await Assertions.Expect(page.Locator("[data-testid=notifications-table] tbody tr", new() { HasTextString = PartnerNode }).First).ToBeVisibleAsync();

        admin.AssertNoBrowserErrors();
        await admin.Context.DisposeAsync();
    }

    /// <summary>A partner node's match filter holding one address of the demo case (and one nobody holds), sealed to this node and posted to its exchange endpoint.</summary>
    private async Task<string> ReceiveAPartnersFilterAsync()
    {
        var database = fixture.Server.Host.App.Services.GetRequiredService<CairnDatabase>();
        var node = NodeKeyFiles.Exists(fixture.DataDirectory) ? NodeKeyFiles.Load(fixture.DataDirectory)
            : NodeKeyFiles.Create(fixture.DataDirectory, "demo-node", "Demo node", DemoPipeline.Agency, "NL", fixture.Server.Address.ToString());
        var partner = NodeIdentity.Create(PartnerNode, "Partner FIU node (test)", "FIU-PARTNER", "LU", "http://127.0.0.1:9/");
        await new SqlPartnerStore(database).AddAsync(new Actor("admin", DemoPipeline.Agency), partner.Card);

        using var api = await fixture.AdminAsync();
        var held = (await api.GetJsonAsync($"/api/v1/cases/{DemoPipeline.CaseReference}"))["wallets"]!.AsArray()[0]!["address"]!.GetValue<string>();
        var filter = MatchFilter.Build([held, "bcrt1qnobodyholdsthisaddressatallxxxxxxxxxxxx"], 1e-6, PartnerNode, DateTimeOffset.UtcNow);
        var message = new ExchangeMessage
        {
            Subject = "Deconfliction match filter",
            Body = new DeconflictionMessage { FilterId = "partner-filter-ui" }.ToJson(),
            Attachments = [ExchangeMessage.Attach(ExchangeService.FilterAttachmentName, filter.ToBytes())],
        };
        var envelope = EnvelopeSealer.Seal(partner, node.Card, EnvelopeType.MatchFilter, message.ToBytes(), DateTimeOffset.UtcNow);
        using var http = new HttpClient { BaseAddress = fixture.Server.Address };
        using var body = new StringContent(envelope.ToJson(), Encoding.UTF8, Envelope.MediaType);
        using var response = await http.PostAsync(new Uri("/exchange/v1/envelopes", UriKind.Relative), body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var inbox = await api.GetJsonAsync("/api/v1/exchange/inbox?limit=500");
        return inbox["items"]!.AsArray().Single(m => m!["sender_node"]!.GetValue<string>() == PartnerNode && m["type"]!.GetValue<string>() == "match_filter")!["message_id"]!.GetValue<string>();
    }
}
