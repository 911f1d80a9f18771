using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.StaticFiles;

namespace Cairn.Server.Ui;

/// <summary>
/// Serves the web UI from files embedded in this assembly (wwwroot/**), so the server works the
/// same when hosted by `cairn serve` from another directory. Every file gets a strong ETag;
/// unknown paths outside /api fall back to index.html (the UI routes on the URL fragment).
/// </summary>
/// <remarks>
/// Page speed (issue 15): the UI's own references to its files (index.html's scripts, style sheet and module preloads,
/// every module's imports, graph.js's graph library) carry the version of the whole UI (<c>?v=</c>, a hash of every
/// file), and a file asked for with the current version may be kept by the browser for a year without asking again
/// (<c>Cache-Control: immutable</c>, RFC 8246), so a page load after the first fetches only index.html and the API
/// answers instead of revalidating thirty files. index.html itself and any file asked for without the current version
/// are revalidated on every load (<c>no-cache</c> with the ETag), so a new server version is picked up at the next load.
/// Every reference is rewritten, so a module is never loaded twice under two URLs.
/// </remarks>
public sealed partial class EmbeddedUi
{
    private const string Prefix = "wwwroot/";
    private const string Immutable = "public, max-age=31536000, immutable";
    private const string Revalidate = "no-cache";
    private readonly Dictionary<string, (byte[] Bytes, string ContentType, string ETag)> _files = new(StringComparer.Ordinal);

    public EmbeddedUi()
    {
        var assembly = typeof(EmbeddedUi).Assembly;
        var types = new FileExtensionContentTypeProvider();
        var raw = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            raw["/" + name[Prefix.Length..].Replace('\\', '/')] = copy.ToArray();
        }
        using (var all = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
        {
            foreach (var (path, bytes) in raw)
            {
                all.AppendData(Encoding.UTF8.GetBytes(path + "\n"));
                all.AppendData(SHA256.HashData(bytes));
            }
            Version = Convert.ToHexStringLower(all.GetHashAndReset())[..12];
        }
        foreach (var (path, original) in raw)
        {
            var contentType = types.TryGetContentType(path, out var type) ? type : "application/octet-stream";
            var bytes = IsOwnText(path) ? Versioned(path, original, raw) : original;
            if (contentType.StartsWith("text/", StringComparison.Ordinal) || contentType.EndsWith("javascript", StringComparison.Ordinal)) contentType += "; charset=utf-8";
            _files[path] = (bytes, contentType, "\"" + Convert.ToHexStringLower(SHA256.HashData(bytes))[..16] + "\"");
        }
    }

    public IReadOnlyCollection<string> Paths => _files.Keys;

    /// <summary>The version of the whole UI that its references carry (<c>?v=</c>): the first 12 hex digits of a SHA-256 over every file.</summary>
    public string Version { get; }

    public async Task<bool> TryServeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method)) return false;
        var request = context.Request.Path;
        if (request.StartsWithSegments("/api") || request.StartsWithSegments("/exchange") || request.StartsWithSegments("/openapi")) return false;
        var path = request.Value ?? "/";
        var known = _files.TryGetValue(path, out var file);
        if (!known && !_files.TryGetValue("/index.html", out file)) return false;
        context.Response.Headers.ETag = file.ETag;
        context.Response.Headers.CacheControl = known && path != "/index.html" && context.Request.Query["v"] == Version ? Immutable : Revalidate;
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

    /// <summary>The UI's own HTML, modules and style sheet (not the vendored library, whose strings are not references).</summary>
    private static bool IsOwnText(string path) =>
        !path.StartsWith("/vendor/", StringComparison.Ordinal) && (path.EndsWith(".html", StringComparison.Ordinal) || path.EndsWith(".js", StringComparison.Ordinal) || path.EndsWith(".css", StringComparison.Ordinal));

    /// <summary>Every quoted reference to another embedded file ("./ui.js", "/app.css", "/vendor/cytoscape.min.js") with the version appended.</summary>
    private byte[] Versioned(string path, byte[] bytes, SortedDictionary<string, byte[]> files)
    {
        var folder = path[..(path.LastIndexOf('/') + 1)];
        var text = Reference().Replace(Encoding.UTF8.GetString(bytes), m =>
        {
            var target = m.Groups["path"].Value;
            var resolved = target.StartsWith("./", StringComparison.Ordinal) ? folder + target[2..] : target;
            return files.ContainsKey(resolved) ? $"{m.Groups["q"].Value}{target}?v={Version}{m.Groups["q"].Value}" : m.Value;
        });
        return Encoding.UTF8.GetBytes(text);
    }

    [GeneratedRegex("""(?<q>["'])(?<path>\.?/[A-Za-z0-9_./-]+\.(?:js|css))\k<q>""", RegexOptions.CultureInvariant)]
    private static partial Regex Reference();
}
