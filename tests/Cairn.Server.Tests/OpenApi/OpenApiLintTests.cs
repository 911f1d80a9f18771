using System.Text.RegularExpressions;
using Cairn.Server.Tests.Infrastructure;

namespace Cairn.Server.Tests.OpenApi;

/// <summary>
/// The API's OpenAPI document, as a running server serves it, checked by a tool nobody here wrote:
/// Redocly's recommended rules must report no error (warnings are allowed and printed).
/// </summary>
[Collection(DemoServerCollection.Name)]
public sealed partial class OpenApiLintTests(DemoServerFixture fixture)
{
    [RedoclyFact]
    public async Task OpenApiDocument_PassesRedoclyRecommendedRules_WithNoError()
    {
        using var client = fixture.Server.Anonymous();
        var document = (await client.GetAsync("/openapi/v1.json")).Ok();
        var path = Path.Combine(Directory.CreateTempSubdirectory("cairn-openapi-").FullName, "v1.json");
        await File.WriteAllBytesAsync(path, document.Body);

        var (exitCode, output) = await Redocly.LintAsync(path);

        Assert.True(exitCode == 0, $"redocly lint failed ({exitCode}):\n{output}");
        Assert.DoesNotMatch(ErrorSummary(), output);
    }

    [Fact]
    public async Task OpenApiDocument_NamesEveryOperation_DeclaresTheSecuritySchemes_AndHasNoAnonymousSchemas()
    {
        using var client = fixture.Server.Anonymous();
        var document = (await client.GetAsync("/openapi/v1.json")).Ok();
        var json = document.Json;
        var schemes = json["components"]!["securitySchemes"]!.AsObject().Select(s => s.Key).ToList();
        Assert.Equal(["antiforgery", "apiToken", "session"], schemes.Order(StringComparer.Ordinal));
        var operations = json["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject().Where(o => o.Key is "get" or "post" or "put" or "delete").Select(o => (Path: p.Key, Method: o.Key, Operation: o.Value!))).ToList();
        Assert.All(operations, o => Assert.False(string.IsNullOrWhiteSpace(o.Operation["operationId"]?.GetValue<string>()), $"{o.Method} {o.Path} has no operationId"));
        Assert.All(operations, o => Assert.False(string.IsNullOrWhiteSpace(o.Operation["summary"]?.GetValue<string>()), $"{o.Method} {o.Path} has no summary"));
        Assert.All(operations, o => Assert.NotNull(o.Operation["security"]));
        Assert.DoesNotContain("AnonymousType", document.Text, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"failed with [1-9]\d* error", RegexOptions.IgnoreCase)]
    private static partial Regex ErrorSummary();
}
