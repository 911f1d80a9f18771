using System.Text;
using System.Text.RegularExpressions;
using Cairn.Server.Ui;
using Microsoft.AspNetCore.Http;

namespace Cairn.Server.Tests.Hosting;

/// <summary>The web UI's files: versioned references kept by the browser (RFC 8246 immutable), everything else revalidated with its ETag.</summary>
public sealed class EmbeddedUiTests
{
    private static readonly EmbeddedUi Ui = new();

    [Fact]
    public async Task AFileAskedForWithTheCurrentVersion_MayBeKeptAYear_WithoutAskingAgain()
    {
        var (context, _) = await ServeAsync("/ui.js", "?v=" + Ui.Version);
        Assert.Equal("public, max-age=31536000, immutable", context.Response.Headers.CacheControl.ToString());
        Assert.False(string.IsNullOrEmpty(context.Response.Headers.ETag.ToString()));
        (context, _) = await ServeAsync("/vendor/cytoscape.min.js", "?v=" + Ui.Version);
        Assert.Equal("public, max-age=31536000, immutable", context.Response.Headers.CacheControl.ToString());
    }

    [Theory]
    [InlineData("/", "")]
    [InlineData("/index.html", "")]
    [InlineData("/index.html", "?v=current")]
    [InlineData("/ui.js", "")]
    [InlineData("/ui.js", "?v=0123456789ab")]
    [InlineData("/no/such/page", "")]
    public async Task TheDocument_AFileWithoutTheCurrentVersion_AndTheFallback_AreRevalidatedOnEveryLoad(string path, string query)
    {
        var (context, _) = await ServeAsync(path, query.Replace("current", Ui.Version, StringComparison.Ordinal));
        Assert.Equal("no-cache", context.Response.Headers.CacheControl.ToString());
        var etag = context.Response.Headers.ETag.ToString();
        var (again, body) = await ServeAsync(path, "", etag);
        Assert.Equal(StatusCodes.Status304NotModified, again.Response.StatusCode);
        Assert.Empty(body);
    }

    [Fact]
    public async Task EveryReferenceBetweenTheUisOwnFiles_CarriesTheVersion_SoNoModuleIsLoadedTwiceUnderTwoUrls()
    {
        var index = await TextAsync("/index.html");
        Assert.Contains($"<script src=\"/app.js?v={Ui.Version}\" type=\"module\">", index, StringComparison.Ordinal);
        Assert.Contains($"<link rel=\"stylesheet\" href=\"/app.css?v={Ui.Version}\">", index, StringComparison.Ordinal);
        Assert.Contains($"\"/vendor/cytoscape.min.js?v={Ui.Version}\"", await TextAsync("/graph.js"), StringComparison.Ordinal);
        var checkedImports = 0;
        foreach (var path in Ui.Paths.Where(p => p.EndsWith(".js", StringComparison.Ordinal) && !p.StartsWith("/vendor/", StringComparison.Ordinal)))
        {
            foreach (Match import in Regex.Matches(await TextAsync(path), """(?m)(?:^\s*(?:import|export)\b[^;"']*?\bfrom\s*|\bimport\(\s*)["']([^"']+)["']"""))
            {
                Assert.EndsWith($"?v={Ui.Version}", import.Groups[1].Value, StringComparison.Ordinal);
                Assert.Contains(import.Groups[1].Value.Split('?')[0].TrimStart('.'), Ui.Paths);
                checkedImports++;
            }
        }
        Assert.True(checkedImports > 20, $"only {checkedImports} imports found");
    }

    private static async Task<string> TextAsync(string path) => Encoding.UTF8.GetString((await ServeAsync(path, "")).Body);

    private static async Task<(HttpContext Context, byte[] Body)> ServeAsync(string path, string query, string? ifNoneMatch = null)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        context.Request.Path = path;
        context.Request.QueryString = new QueryString(query.Length == 0 ? null : query);
        if (ifNoneMatch is not null) context.Request.Headers.IfNoneMatch = ifNoneMatch;
        using var body = new MemoryStream();
        context.Response.Body = body;
        Assert.True(await Ui.TryServeAsync(context));
        return (context, body.ToArray());
    }
}
