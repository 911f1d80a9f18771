using System.Net;
using Cairn.Chains.Ethereum.Rpc;
using Cairn.Core;

namespace Cairn.Chains.Ethereum.Tests.Rpc;

/// <summary>Issue 17: a node URL's credentials, path (API keys such as Infura's /v3/KEY) and query are used but never printed.</summary>
public sealed class RpcUrlRedactionTests
{
    private static readonly Uri WithSecrets = new("https://bob:hunter2@node.example:8545/v3/KEYINPATH?apikey=KEYINQUERY");
    private static readonly string[] Secrets = ["bob", "hunter2", "KEYINPATH", "KEYINQUERY"];

    [Fact]
    public async Task ARefusingNode_IsNamedByHostAndPortOnly_WhileTheRequestCarriesTheKeyAndBasicCredentials()
    {
        var handler = new Answering(HttpStatusCode.Forbidden);
        using var http = new HttpClient(handler);
        var client = new EthJsonRpcClient(http, WithSecrets, new EthRpcOptions { MaxRetries = 0 });

        var ex = await Assert.ThrowsAsync<CairnException>(() => client.CallAsync("eth_blockNumber", []));

        Assert.Equal("eth_blockNumber at https://node.example:8545/… failed: HTTP 403 Forbidden", ex.Message);
        Assert.Equal("https://node.example:8545/v3/KEYINPATH?apikey=KEYINQUERY", handler.Seen!.RequestUri!.AbsoluteUri);
        Assert.Equal("Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("bob:hunter2")), handler.Seen.Headers.Authorization!.ToString());
    }

    [Fact]
    public async Task ATransportErrorQuotingTheUrl_IsRedactedToo()
    {
        using var http = new HttpClient(new Failing());
        var client = new EthJsonRpcClient(http, WithSecrets, new EthRpcOptions { MaxRetries = 0 });

        var ex = await Assert.ThrowsAsync<CairnException>(() => client.CallAsync("eth_blockNumber", []));

        Assert.StartsWith("eth_blockNumber at https://node.example:8545/… failed after 1 attempts:", ex.Message, StringComparison.Ordinal);
        foreach (var secret in Secrets) Assert.DoesNotContain(secret, ex.Message, StringComparison.Ordinal);
    }

    private sealed class Answering(HttpStatusCode status) : HttpMessageHandler
    {
        public HttpRequestMessage? Seen { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Seen = request;
            return Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent("") });
        }
    }

    private sealed class Failing : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new HttpRequestException($"connection to {request.RequestUri} was reset");
    }
}
