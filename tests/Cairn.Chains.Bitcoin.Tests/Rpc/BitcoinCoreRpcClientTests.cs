using Cairn.Core;

namespace Cairn.Chains.Bitcoin.Tests.Rpc;

public sealed class BitcoinCoreRpcClientTests : IDisposable
{
    private readonly FakeBitcoinNode _node = new("alice", "s3cret");
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public void Dispose()
    {
        _http.Dispose();
        _node.Dispose();
    }

    [Fact]
    public async Task BlockByHeight_ComesBackAsTheRealRawBlock()
    {
        var client = new BitcoinCoreRpcClient(_http, _node.Url, RpcCredentials.FromUserPassword("alice", "s3cret"));
        Assert.Equal(299, await client.GetBlockCountAsync());
        var hash = await client.GetBlockHashAsync(170);
        var raw = await client.GetBlockAsync(hash);
        var block = Block.Parse(raw);
        Assert.Equal(hash, block.Hash);
        Assert.True(block.MerkleRootMatches);
        Assert.Equal(Network.Main.GenesisHash, await client.GetBlockHashAsync(0));
        Assert.Equal(_node.Blocks[^1].Hash, await client.GetBestBlockHashAsync());
    }

    [Fact]
    public async Task CookieFile_AuthenticatesLikeUserAndPassword()
    {
        using var directory = new TempDirectory();
        await File.WriteAllTextAsync(directory.File(".cookie"), "alice:s3cret");
        var client = new BitcoinCoreRpcClient(_http, _node.Url, RpcCredentials.FromCookieFile(directory.File(".cookie")));
        Assert.Equal(299, await client.GetBlockCountAsync());
    }

    [Fact]
    public async Task CredentialsInTheUrl_AreUsedAndNeverPrinted()
    {
        var url = new UriBuilder(_node.Url) { UserName = "alice", Password = "wrong" }.Uri;
        var client = new BitcoinCoreRpcClient(_http, url);
        var ex = await Assert.ThrowsAsync<CairnException>(() => client.GetBlockCountAsync());
        // The user info is gone from the message; "/…" says something was left out.
        Assert.Equal($"Bitcoin Core at {Host(_node.Url)}/… rejected the RPC credentials (HTTP 401)", ex.Message);
        Assert.DoesNotContain("wrong", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownBlock_ReportsTheRpcError()
    {
        var client = new BitcoinCoreRpcClient(_http, _node.Url, RpcCredentials.FromUserPassword("alice", "s3cret"));
        var ex = await Assert.ThrowsAsync<CairnException>(() => client.GetBlockAsync(Hash256.Parse(new string('1', 64))));
        Assert.Equal($"Bitcoin Core at {Host(_node.Url)}: getblock failed: Block not found (code -5)", ex.Message);
    }

    [Fact]
    public async Task UnreachableNode_ReportsTheUrl()
    {
        var closed = new Uri($"http://127.0.0.1:{FakeBitcoinNode.FreePort()}/");
        var client = new BitcoinCoreRpcClient(_http, closed, RpcCredentials.FromUserPassword("alice", "s3cret"));
        var ex = await Assert.ThrowsAsync<CairnException>(() => client.GetBlockCountAsync());
        Assert.StartsWith($"cannot reach Bitcoin Core at {Host(closed)}: ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWalletPathOrApiKeyInTheUrl_IsSentButNeverPrinted()
    {
        var withSecrets = new Uri($"http://alice:hunter2@127.0.0.1:{FakeBitcoinNode.FreePort()}/wallet/KEYINPATH?apikey=KEYINQUERY");
        var client = new BitcoinCoreRpcClient(_http, withSecrets);

        var ex = await Assert.ThrowsAsync<CairnException>(() => client.GetBlockCountAsync());

        Assert.StartsWith($"cannot reach Bitcoin Core at http://127.0.0.1:{withSecrets.Port}/…: ", ex.Message, StringComparison.Ordinal);
        foreach (var secret in new[] { "alice", "hunter2", "KEYINPATH", "KEYINQUERY" }) Assert.DoesNotContain(secret, ex.Message, StringComparison.Ordinal);
        Assert.Equal($"http://127.0.0.1:{withSecrets.Port}/…", client.DisplayEndpoint);
    }

    private static string Host(Uri url) => url.GetLeftPart(UriPartial.Authority);

    [Fact]
    public void MissingCookieFile_NamesThePath()
    {
        var ex = Assert.Throws<CairnException>(() => RpcCredentials.FromCookieFile("/nonexistent/.cookie"));
        Assert.StartsWith("cannot read RPC cookie file '/nonexistent/.cookie'", ex.Message, StringComparison.Ordinal);
    }
}
