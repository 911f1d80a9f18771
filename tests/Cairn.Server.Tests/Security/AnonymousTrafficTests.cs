using System.Net;
using System.Text;
using Cairn.Cases.Agencies;
using Cairn.Exchange.Envelopes;
using Cairn.Exchange.Messages;
using Cairn.Exchange.Nodes;
using Cairn.Server.Tests.Infrastructure;
using Cairn.Storage;
using Cairn.Storage.Custody;
using Cairn.Storage.Exchange;
using Cairn.Workspace.Exchange;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Server.Tests.Security;

/// <summary>
/// Issue 17: what a stranger can do to the custody log and the exchange endpoint. The review's probe
/// (200 malformed anonymous POSTs to /exchange/v1/envelopes added 200 custody entries) is repeated
/// against a real server with an initialised exchange node, together with replays of a captured
/// envelope, failed sign-ins and the rate limit.
/// </summary>
public sealed class AnonymousTrafficTests : IAsyncLifetime
{
    private readonly string _data = Directory.CreateTempSubdirectory("cairn-anon-").FullName;
    private NodeIdentity _node = null!;
    private NodeIdentity _partner = null!;
    private TestServer _server = null!;

    public async Task InitializeAsync()
    {
        _node = NodeKeyFiles.Create(_data, "here-node", "This node", "AGENCY-A", "NL", "http://127.0.0.1:1/");
        _partner = NodeIdentity.Create("partner-node", "A partner", "AGENCY-P", "DE", "http://127.0.0.1:9/");
        _server = await TestServer.StartAsync(_data, "AGENCY-A", configure: o => o with { ExchangeRequestsPerSecond = 1000 });
        await new SqlPartnerStore(Database).AddAsync(new Actor("admin", "AGENCY-A"), _partner.Card);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }

    private CairnDatabase Database => _server.Host.App.Services.GetRequiredService<CairnDatabase>();

    private async Task<long> CustodySizeAsync() => (await new SqlCustodyLog(Database).GetHeadAsync()).Head.TreeSize;

    [Fact]
    public async Task TwoHundredMalformedAnonymousEnvelopes_AddNothingToTheCustodyLog()
    {
        using var http = new HttpClient { BaseAddress = _server.Address };
        var before = await CustodySizeAsync();

        for (var i = 0; i < 200; i++)
        {
            using var body = new StringContent($"{{\"protected\": \"garbage {i}\"}}", Encoding.UTF8, Envelope.MediaType);
            using var response = await http.PostAsync(new Uri("/exchange/v1/envelopes", UriKind.Relative), body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        Assert.Equal(before, await CustodySizeAsync());
        Assert.Equal(200, await new SqlInbox(Database, _node).CountRejectionsAsync());
    }

    [Fact]
    public async Task ACapturedEnvelopeReplayed_IsLoggedOnceWhenFirstReceived_NeverAgain()
    {
        using var http = new HttpClient { BaseAddress = _server.Address };
        var envelope = EnvelopeSealer.Seal(_partner, _node.Card, EnvelopeType.Request, new ExchangeMessage { Subject = "s", Body = "b" }.ToBytes(), DateTimeOffset.UtcNow);
        var wire = envelope.ToJson();
        async Task<HttpStatusCode> SendAsync()
        {
            using var body = new StringContent(wire, Encoding.UTF8, Envelope.MediaType);
            using var response = await http.PostAsync(new Uri("/exchange/v1/envelopes", UriKind.Relative), body);
            return response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.OK, await SendAsync());
        var afterFirst = await CustodySizeAsync();
        for (var i = 0; i < 50; i++) Assert.Equal(HttpStatusCode.OK, await SendAsync());

        Assert.Equal(afterFirst, await CustodySizeAsync());
    }

    [Fact]
    public async Task TheExchangeEndpoint_IsRateLimitedPerClientAddress()
    {
        await using var limited = await TestServer.StartAsync(Directory.CreateTempSubdirectory("cairn-anon-limit-").FullName, "AGENCY-A",
            configure: o => o with { ExchangeRequestsPerSecond = 5 });
        using var http = new HttpClient { BaseAddress = limited.Address };
        var statuses = await Task.WhenAll(Enumerable.Range(0, 40).Select(async _ =>
        {
            using var body = new StringContent("{}", Encoding.UTF8, Envelope.MediaType);
            using var response = await http.PostAsync(new Uri("/exchange/v1/envelopes", UriKind.Relative), body);
            return response.StatusCode;
        }));

        // A burst of twice the rate passes; the rest of 40 at once is refused.
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
    }

    [Fact]
    public async Task AFailedSignIn_RecordsAKeyedHashOfTheLogin_NeverTheLoginItself()
    {
        const string typedIntoTheLoginField = "correct horse battery staple 42";
        using var anonymous = _server.Anonymous();
        var before = await CustodySizeAsync();

        var response = await anonymous.PostAsync("/api/v1/auth/login", new { login = typedIntoTheLoginField, password = "whatever it was" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        var log = new SqlCustodyLog(Database);
        var entry = await log.GetEntryAsync(before);
        Assert.Equal(("auth.signin.failed", "login", "anonymous", "unknown"), (entry.Action, entry.ObjectType, entry.User, entry.Agency));
        Assert.Equal("hmac-sha256:" + Database.Secret.Mac("login", typedIntoTheLoginField), entry.ObjectId);
        for (var seq = 0L; seq < await CustodySizeAsync(); seq++)
            Assert.DoesNotContain("horse", Encoding.UTF8.GetString((await log.GetEntryAsync(seq)).CanonicalBytes()), StringComparison.Ordinal);
    }
}
