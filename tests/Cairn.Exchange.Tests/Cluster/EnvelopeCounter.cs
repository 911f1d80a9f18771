using System.Collections.Concurrent;
using System.Text;
using Cairn.Exchange.Envelopes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Cairn.Exchange.Tests.Cluster;

/// <summary>
/// A pass-through in front of a receiving node's /exchange/v1/envelopes that counts, per message
/// id, every POST and every one the receiver answered 200 (delivered: it returned a signed delivery
/// receipt). The receiver stores a duplicate only once, so duplicates can only be seen here.
/// </summary>
public sealed class EnvelopeCounter : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _http = new();

    private EnvelopeCounter(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    public Uri Url { get; }

    public ConcurrentDictionary<string, int> Posts { get; } = new();

    public ConcurrentDictionary<string, int> Delivered { get; } = new();

    public static async Task<EnvelopeCounter> StartAsync(Func<Uri> target)
    {
        var url = new Uri($"http://127.0.0.1:{ServerProcess.FreePort()}");
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(url.ToString());
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var counter = new EnvelopeCounter(app, url);
        app.MapPost("/exchange/v1/envelopes", async (HttpContext context) =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer);
            var body = buffer.ToArray();
            var messageId = Envelope.Parse(body).MessageId;
            counter.Posts.AddOrUpdate(messageId, 1, (_, n) => n + 1);
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(Envelope.MediaType);
            using var answer = await counter._http.PostAsync(new Uri(target(), "/exchange/v1/envelopes"), content);
            if (answer.StatusCode == System.Net.HttpStatusCode.OK) counter.Delivered.AddOrUpdate(messageId, 1, (_, n) => n + 1);
            context.Response.StatusCode = (int)answer.StatusCode;
            context.Response.ContentType = answer.Content.Headers.ContentType?.ToString();
            await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(await answer.Content.ReadAsStringAsync()));
        });
        await app.StartAsync();
        return counter;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _http.Dispose();
    }
}
