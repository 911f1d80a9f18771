using Microsoft.Playwright;

namespace Cairn.Server.Tests.Ui;

/// <summary>
/// A person at a browser: a context of their own (cookies, session storage) signed in through the sign-in form, the
/// browser errors collected (the expected refusals, by status, left out), and screenshots saved under CAIRN_SCREENSHOTS.
/// </summary>
public sealed class BrowserPages
{
    private BrowserPages(IBrowserContext context, IPage page, List<string> errors)
    {
        Context = context;
        Page = page;
        Errors = errors;
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    /// <summary>Console errors and page errors other than the statuses said to be expected.</summary>
    public List<string> Errors { get; }

    /// <summary>Opens a context and signs in with the form; <paramref name="expectedStatuses"/> are answers the test provokes (e.g. 403, 404).</summary>
    public static async Task<BrowserPages> SignInAsync(IBrowser browser, Uri server, string login, string password, params int[] expectedStatuses)
    {
        ArgumentNullException.ThrowIfNull(browser);
        var pages = await OpenAsync(browser, server, expectedStatuses);
        await pages.SignInAsync(login, password);
        await pages.Page.Locator("[data-testid=cases-table]").WaitForAsync();
        return pages;
    }

    public static async Task<BrowserPages> OpenAsync(IBrowser browser, Uri server, params int[] expectedStatuses)
    {
        ArgumentNullException.ThrowIfNull(browser);
        ArgumentNullException.ThrowIfNull(server);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.ToString(), ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        // The first page load asks "who am I?" before signing in: that 401 is always expected.
        var expected = expectedStatuses.Append(401).Select(s => $"status of {s}").ToList();
        page.Console += (_, message) => { if (message.Type == "error" && !expected.Any(e => message.Text.Contains(e, StringComparison.Ordinal))) errors.Add(message.Text); };
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync("/");
        return new BrowserPages(context, page, errors);
    }

    public async Task SignInAsync(string login, string password)
    {
        await Page.Locator("#login-form").WaitForAsync();
        await Page.FillAsync("#login", login);
        await Page.FillAsync("#password", password);
        await Page.ClickAsync("#login-form button[type=submit]");
    }

    /// <summary>Goes to a page of the app by its address (the part after #) and waits for <paramref name="ready"/>.</summary>
    public async Task GoAsync(string hash, string ready)
    {
        // The same address again is no navigation in a single-page app: load the page anew instead.
        if (Page.Url.EndsWith("#" + hash, StringComparison.Ordinal)) await Page.ReloadAsync();
        else await Page.GotoAsync("/#" + hash);
        await Page.Locator(ready).First.WaitForAsync();
    }

    public void AssertNoBrowserErrors() => Assert.True(Errors.Count == 0, "browser errors: " + string.Join(" | ", Errors));

    public async Task ShotAsync(string name)
    {
        var directory = Environment.GetEnvironmentVariable("CAIRN_SCREENSHOTS");
        if (string.IsNullOrEmpty(directory)) return;
        Directory.CreateDirectory(directory);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(directory, name + ".png"), FullPage = true });
    }
}
