using System.Net.Http.Headers;
using System.Security.Cryptography;
using Cairn.Cases.Custody;
using Cairn.Core;
using Cairn.Storage;
using Cairn.Storage.Custody;

namespace Cairn.Workspace.Custody;

/// <summary>
/// Optional RFC 3161 timestamping of the newest tree head: POSTs the TimeStampReq
/// (<c>application/timestamp-query</c>, RFC 3161 §3.4) to the configured TSA, checks the reply
/// against the request and stores the token next to the head, where evidence packages pick it up.
/// The HttpClient is injected (the server's IHttpClientFactory); no TSA is reachable in tests.
/// </summary>
public sealed class TsaClient
{
    private readonly HttpClient _http;
    private readonly Uri _tsa;

    public TsaClient(HttpClient http, Uri tsa)
    {
        _http = http;
        _tsa = tsa;
    }

    public async Task<SignedTreeHead> TimestampNewestHeadAsync(CairnDatabase database, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        var head = await new SqlCustodyLog(database).GetHeadAsync(cancellationToken).ConfigureAwait(false);
        if (head.Head.TreeSize == 0) throw new CairnException("the custody log is empty: nothing to timestamp");
        var nonce = RandomNumberGenerator.GetBytes(16);
        var request = TimestampTokens.CreateRequest(head.Head, nonce);
        using var content = new ByteArrayContent(request.Encode());
        content.Headers.ContentType = new MediaTypeHeaderValue(TimestampTokens.RequestMediaType);
        using var response = await _http.PostAsync(_tsa, content, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode) throw new CairnException($"timestamp authority {_tsa} answered HTTP {(int)response.StatusCode}");
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        string token;
        try
        {
            token = TimestampTokens.AcceptResponse(request, body);
        }
        catch (CryptographicException ex)
        {
            throw new CairnException($"timestamp authority {_tsa} sent an unusable reply: {ex.Message}", ex);
        }
        await new SqlCustodyLog(database).AttachTimestampAsync(head.Head.TreeSize, token, cancellationToken).ConfigureAwait(false);
        return head with { TimestampToken = token };
    }
}
