using Cairn.Development.Demo;
using Cairn.Server.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Cairn.Server.Tests.Ui;

/// <summary>
/// A second agency in a real browser, beside the owner in another: before sharing it sees nothing of the case (the
/// same answer as for a case that does not exist); shared read-only it sees exactly that case, is offered no form
/// and is refused a write; made a contributor it adds evidence; revoked it sees nothing again; it is notified of
/// each change; and the owner's auditor finds every step, the refusals included, in the custody log.
/// </summary>
[Collection(DemoServerCollection.Name)]
public sealed class SharingUiTests(DemoServerFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Case = "SHARE-UI-1";
    private const string Missing = "SHARE-UI-NONE";
    private readonly BrowserFixture _browser = fixture is null ? throw new ArgumentNullException(nameof(fixture)) : new BrowserFixture();

    [ChromiumFact]
    public async Task SecondAgency_SeesTheCaseOnlyWhileShared_AtTheLevelGranted_AndEveryStepIsLogged_InChromium()
    {
        await _browser.InitializeAsync();
        try
        {
            await RunAsync(_browser.Browser!);
        }
        finally
        {
            await _browser.DisposeAsync();
        }
    }

    private async Task RunAsync(IBrowser browser)
    {
        using (var admin = await fixture.AdminAsync())
            await admin.PostJsonAsync("/api/v1/cases", new { reference = Case, title = "Shared in the browser", offence_type = "fraud" });
        var owner = await BrowserPages.SignInAsync(browser, fixture.Server.Address, "admin", DemoServerFixture.Password);
        // Olga provokes refusals on purpose: 404 for a case she may not see, 403 for a write a read-only share may not make.
        var olga = await BrowserPages.SignInAsync(browser, fixture.Server.Address, "olga", DemoServerFixture.Password, 403, 404);

        // Before sharing: not in her list, and opening it answers exactly as a case that does not exist.
        await Assertions.Expect(olga.Page.Locator("[data-testid=cases-table]")).Not.ToContainTextAsync(Case);
        var hidden = await RefusalAsync(olga, Case);
        var none = await RefusalAsync(olga, Missing);
        Assert.Equal(none.Replace(Missing, "…", StringComparison.Ordinal), hidden.Replace(Case, "…", StringComparison.Ordinal));

        // The owner shares read-only through the sharing form.
        await owner.GoAsync($"/case/{Case}/sharing", "#share-form");
        await owner.Page.SelectOptionAsync("#share-agency", DemoServerFixture.OtherAgency);
        await owner.Page.SelectOptionAsync("#share-level", "read");
        await owner.Page.ClickAsync("#share-form button[type=submit]");
        var grant = owner.Page.Locator("[data-testid=grants-table] tbody tr", new() { HasTextString = "Other agency (test)" });
        await Assertions.Expect(grant.Locator(".pill [data-code=read]")).ToContainTextAsync("Read only");
        await owner.ShotAsync("14-sharing");

        // Olga is told, sees exactly this case read-only, is offered no form, and the server refuses her write.
        await olga.GoAsync("/notifications", "[data-testid=notifications-table]");
        await Assertions.Expect(olga.Page.Locator("[data-testid=notifications-table] tbody tr", new() { HasTextString = $"shared case {Case}" }).First).ToContainTextAsync("Read only");
        await olga.GoAsync("/cases", "[data-testid=cases-table]");
        var row = olga.Page.Locator("[data-testid=cases-table] tbody tr", new() { HasTextString = Case });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToContainTextAsync("Read-only access");
        await olga.GoAsync($"/case/{Case}/evidence", "[data-testid=evidence-table]");
        await Assertions.Expect(olga.Page.Locator("[data-testid=case-access]")).ToContainTextAsync("Read-only access");
        await Assertions.Expect(olga.Page.Locator("#evidence-form")).ToHaveCountAsync(0);
        await olga.GoAsync($"/case/{Case}/traces", "[data-testid=traces-table]");
        await Assertions.Expect(olga.Page.Locator("#trace-form")).ToHaveCountAsync(0);
        await olga.GoAsync($"/case/{Case}/sharing", "[data-testid=grants-table]");
        await Assertions.Expect(olga.Page.Locator("#share-form")).ToHaveCountAsync(0);
        await olga.GoAsync($"/case/{Case}/overview", "[data-testid=case-line]");
        await Assertions.Expect(olga.Page.Locator("#note-text")).ToHaveCountAsync(0);
        Assert.Equal(403, await UploadFromThePageAsync(olga.Page, "refused.txt"));

        // Made a contributor, she adds evidence with the form (a missing file is said under the field first).
        await owner.GoAsync($"/case/{Case}/sharing", "#share-form");
        await owner.Page.ClickAsync($"[data-change-level='{DemoServerFixture.OtherAgency}']");
        await Assertions.Expect(grant.Locator(".pill [data-code=contribute]")).ToContainTextAsync("Contribute (traces, evidence, drafts)");
        await olga.GoAsync($"/case/{Case}/evidence", "#evidence-form");
        await Assertions.Expect(olga.Page.Locator("[data-testid=case-access]")).ToContainTextAsync("Contributing agency");
        await olga.Page.FillAsync("#evidence-source", "statement received from the owning agency");
        await olga.Page.ClickAsync("#evidence-form button[type=submit]");
        await Assertions.Expect(olga.Page.Locator("#evidence-form [data-error-for=file]")).ToContainTextAsync("choose the file");
        await olga.Page.SetInputFilesAsync("#evidence-file", new FilePayload { Name = "olga-statement.txt", MimeType = "text/plain", Buffer = "what olga found"u8.ToArray() });
        await olga.Page.ClickAsync("#evidence-form button[type=submit]");
        await Assertions.Expect(olga.Page.Locator("[data-testid=evidence-table]")).ToContainTextAsync("olga-statement.txt");
        await Assertions.Expect(olga.Page.Locator("[data-testid=evidence-table]")).ToContainTextAsync($"olga@{DemoServerFixture.OtherAgency}");
        await olga.ShotAsync("15-contributing-agency");

        // Revoked: nothing again, and told so.
        await owner.GoAsync($"/case/{Case}/sharing", "#share-form");
        owner.Page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await owner.Page.ClickAsync($"[data-revoke='{DemoServerFixture.OtherAgency}']");
        await Assertions.Expect(owner.Page.Locator("[data-testid=grants-table]")).ToContainTextAsync("not shared with any other agency");
        await olga.GoAsync("/cases", "[data-testid=cases-table]");
        await Assertions.Expect(olga.Page.Locator("[data-testid=cases-table]")).Not.ToContainTextAsync(Case);
        Assert.Equal(hidden, await RefusalAsync(olga, Case));
        await olga.GoAsync("/notifications", "[data-testid=notifications-table]");
        await Assertions.Expect(olga.Page.Locator("[data-testid=notifications-table]")).ToContainTextAsync($"revoked your agency's access to case {Case}");

        // The owner's custody log has every step, in words, Olga's refusals included.
        await owner.GoAsync($"/audit?case={Case}", "[data-testid=audit-table]");
        var log = owner.Page.Locator("[data-testid=audit-table] tbody tr");
        await Assertions.Expect(log.Filter(new() { HasTextString = "Case shared" })).ToHaveCountAsync(2);
        await Assertions.Expect(log.Filter(new() { HasTextString = "Share revoked" })).ToHaveCountAsync(1);
        await Assertions.Expect(log.Filter(new() { HasTextString = "Evidence added" })).ToContainTextAsync("olga (Other agency (test))");
        var olgas = log.Filter(new() { HasTextString = "olga (Other agency (test))" });
        await Assertions.Expect(olgas.Filter(new() { HasTextString = "Case read" }).First).ToBeVisibleAsync();
        // Refused: before the share, the write while read-only, after the revoke.
        Assert.True(await olgas.Filter(new() { HasTextString = "Access refused" }).CountAsync() >= 3, "olga's refusals are not all in the log");
        await owner.ShotAsync("16-sharing-audit");

        owner.AssertNoBrowserErrors();
        olga.AssertNoBrowserErrors();
        await owner.Context.DisposeAsync();
        await olga.Context.DisposeAsync();
    }

    /// <summary>Opens a case's page and returns the one-line answer shown instead of it.</summary>
    private static async Task<string> RefusalAsync(BrowserPages person, string reference)
    {
        await person.GoAsync($"/case/{reference}", "#main");
        await Assertions.Expect(person.Page.Locator("[data-testid=page-error]")).ToContainTextAsync(reference);
        return (await person.Page.Locator("[data-testid=page-error]").TextContentAsync())!.Trim();
    }

    /// <summary>Sends an upload as the page's own session would (with its antiforgery token), bypassing the UI; returns the status.</summary>
    private static Task<int> UploadFromThePageAsync(IPage page, string name) =>
        page.EvaluateAsync<int>(@"async ([reference, name]) => {
            const token = (await (await fetch('/api/v1/auth/antiforgery')).json()).token;
            const form = new FormData();
            form.append('file', new Blob(['not allowed']), name); form.append('method', 'upload'); form.append('source', 'test');
            const r = await fetch(`/api/v1/cases/${reference}/evidence`, { method: 'POST', headers: { 'X-CSRF-TOKEN': token }, body: form });
            return r.status;
        }", new object[] { Case, name });
}
