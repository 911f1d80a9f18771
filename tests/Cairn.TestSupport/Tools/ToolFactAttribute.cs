using Cairn.TestSupport.Database;

namespace Cairn.TestSupport.Tools;

/// <summary>A test that needs external programs: skipped with the reason when one is missing, failing instead under CI=true.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ToolFactAttribute : FactAttribute
{
    public ToolFactAttribute(params string[] tools)
    {
        var missing = tools.Where(t => ExternalTool.Find(t) is null).ToList();
        if (missing.Count > 0 && !TestDatabase.InContinuousIntegration)
            Skip = $"{string.Join(", ", missing)} not installed (Debian packages; .ci/run installs them)";
    }
}
