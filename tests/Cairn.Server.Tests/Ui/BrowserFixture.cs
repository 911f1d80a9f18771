using Microsoft.Playwright;

namespace Cairn.Server.Tests.Ui;

/// <summary>
/// Real headless Chromium (Debian's `chromium`, or CAIRN_CHROMIUM) driven by Playwright through its
/// executable path: no browser download. Absent locally, the UI tests are reported skipped with the
/// reason (<see cref="ChromiumFactAttribute"/>); under CI=true a missing browser fails them (`.ci/run` installs it).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public IPlaywright? Playwright { get; private set; }

    public IBrowser? Browser { get; private set; }

    /// <summary>CAIRN_CHROMIUM when it names a file, else Debian's chromium, else null.</summary>
    public static string? ExecutablePath() =>
        (Environment.GetEnvironmentVariable("CAIRN_CHROMIUM") is { Length: > 0 } configured ? [configured] : new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }).FirstOrDefault(File.Exists);

    public async Task InitializeAsync()
    {
        var path = ExecutablePath() ?? throw new InvalidOperationException("no chromium executable (set CAIRN_CHROMIUM or install Debian chromium)");
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = path,
            Headless = true,
            Args = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        Playwright?.Dispose();
    }
}
