using Microsoft.Playwright;

namespace Cairn.Server.Tests.Ui;

/// <summary>
/// Real headless Chromium (Debian's `chromium`, or CAIRN_CHROMIUM) driven by Playwright through its
/// executable path: no browser download. Absent locally, the UI tests say so and pass; under
/// CI=true a missing browser fails them (`.ci/run` installs it).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public IPlaywright? Playwright { get; private set; }

    public IBrowser? Browser { get; private set; }

    public string? MissingReason { get; private set; }

    public async Task InitializeAsync()
    {
        var path = Environment.GetEnvironmentVariable("CAIRN_CHROMIUM") ?? new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists);
        if (path is null || !File.Exists(path))
        {
            MissingReason = "no chromium executable (set CAIRN_CHROMIUM or install Debian chromium)";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)) throw new InvalidOperationException(MissingReason + " but CI=true");
            return;
        }
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
