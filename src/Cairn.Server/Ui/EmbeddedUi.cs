using System.Reflection;
using System.Security.Cryptography;
using Microsoft.AspNetCore.StaticFiles;

namespace Cairn.Server.Ui;

/// <summary>
/// Serves the web UI from files embedded in this assembly (wwwroot/**), so the server works the
/// same when hosted by `cairn serve` from another directory. Every file gets a strong ETag;
/// unknown paths outside /api fall back to index.html (the UI routes on the URL fragment).
/// </summary>
public sealed class EmbeddedUi
{
    private const string Prefix = "wwwroot/";
    private readonly Dictionary<string, (byte[] Bytes, string ContentType, string ETag)> _files = new(StringComparer.Ordinal);

    public EmbeddedUi()
    {
        var assembly = typeof(EmbeddedUi).Assembly;
        var types = new FileExtensionContentTypeProvider();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var bytes = copy.ToArray();
            var path = "/" + name[Prefix.Length..].Replace('\\', '/');
            var contentType = types.TryGetContentType(path, out var type) ? type : "application/octet-stream";
            if (contentType.StartsWith("text/", StringComparison.Ordinal) || contentType.EndsWith("javascript", StringComparison.Ordinal)) contentType += "; charset=utf-8";
            _files[path] = (bytes, contentType, "\"" + Convert.ToHexStringLower(SHA256.HashData(bytes))[..16] + "\"");
        }
    }

    public IReadOnlyCollection<string> Paths => _files.Keys;

    public async Task<bool> TryServeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method)) return false;
        var request = context.Request.Path;
        if (request.StartsWithSegments("/api") || request.StartsWithSegments("/exchange") || request.StartsWithSegments("/openapi")) return false;
        var path = request.Value ?? "/";
        if (!_files.TryGetValue(path, out var file) && !_files.TryGetValue("/index.html", out file)) return false;
        context.Response.Headers.ETag = file.ETag;
        if (context.Request.Headers.IfNoneMatch == file.ETag)
        {
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            return true;
        }
        context.Response.ContentType = file.ContentType;
        context.Response.ContentLength = file.Bytes.Length;
        if (HttpMethods.IsGet(context.Request.Method)) await context.Response.Body.WriteAsync(file.Bytes, context.RequestAborted).ConfigureAwait(false);
        return true;
    }
}
