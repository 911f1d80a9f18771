using Cairn.TestSupport.Database;

namespace Cairn.Server.Tests.Ui;

/// <summary>A browser test: skipped with the reason when no Chromium executable is found, run (and failing) under CI=true.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (BrowserFixture.ExecutablePath() is null && !TestDatabase.InContinuousIntegration)
            Skip = "no chromium executable (install Debian chromium or set CAIRN_CHROMIUM; .ci/run installs it)";
    }
}
