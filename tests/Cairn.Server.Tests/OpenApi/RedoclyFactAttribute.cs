using Cairn.TestSupport;

namespace Cairn.Server.Tests.OpenApi;

/// <summary>
/// A fact that needs node and the repository's pinned @redocly/cli (package.json; `npm ci`). When
/// either is missing the test is reported skipped with the reason; under CI=true it runs and fails
/// instead, since CI must have them (.ci/run runs npm ci).
/// </summary>
public sealed class RedoclyFactAttribute : FactAttribute
{
    public RedoclyFactAttribute()
    {
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)) return;
        if (Redocly.Node() is null) Skip = "node is not installed (PATH); the OpenAPI lint needs it";
        else if (!File.Exists(Redocly.Cli)) Skip = $"{Redocly.Cli} is missing: run npm ci in {SharedData.RepositoryRoot}";
    }
}
