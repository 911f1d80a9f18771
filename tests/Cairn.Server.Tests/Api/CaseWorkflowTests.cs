using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Cairn.Server.Tests.Infrastructure;
using Cairn.Development.Demo;

namespace Cairn.Server.Tests.Api;

/// <summary>The investigator's path through the API on the demo case: trace, re-run, evidence, requests, ledger.</summary>
[Collection(DemoServerCollection.Name)]
public sealed class CaseWorkflowTests(DemoServerFixture fixture)
{
    private const string Case = DemoPipeline.CaseReference;

    [Fact]
    public async Task DemoCase_TraceReachesTheThreePlantedExchanges()
    {
        using var admin = await fixture.AdminAsync();
        var traces = await admin.GetJsonAsync($"/api/v1/cases/{Case}/traces");
        var id = traces["items"]!.AsArray().Last()!["id"]!.GetValue<string>(); // the demo's own trace is the oldest
        var report = (await admin.GetJsonAsync($"/api/v1/cases/{Case}/traces/{id}"))["report"]!;
        var jurisdictions = report["jurisdictions"]!.AsArray().Select(j => j!["jurisdiction"]!.GetValue<string>()).ToHashSet();
        var planted = fixture.Demo.Scenario.Ransomware!.Deposits.Select(d => fixture.Demo.Scenario.Actors.Single(a => a.Id == d.Actor).Jurisdictions[0]);
        Assert.Superset(planted.ToHashSet(), jurisdictions);
        Assert.NotEmpty(report["graph"]!["edges"]!.AsArray());
    }

    [Fact]
    public async Task SavedTrace_RerunGivesTheIdenticalResult_AndAttachesAsVerifiableEvidence()
    {
        using var admin = await fixture.AdminAsync();
        var ransom = fixture.Demo.Scenario.Ransomware!;
        var saved = await admin.PostJsonAsync($"/api/v1/cases/{Case}/traces", new { title = "poison check", request = new { from = new[] { ransom.RansomTxId }, model = "poison", max_hops = 4 } });
        var id = saved["trace"]!["id"]!.GetValue<string>();
        var rerun = await admin.PostJsonAsync($"/api/v1/cases/{Case}/traces/{id}/rerun");
        Assert.True(rerun["identical"]!.GetValue<bool>());
        Assert.Equal(rerun["saved_sha256"]!.GetValue<string>(), rerun["rerun_sha256"]!.GetValue<string>());
        var item = await admin.PostJsonAsync($"/api/v1/cases/{Case}/traces/{id}/evidence");
        var package = await admin.GetAsync($"/api/v1/cases/{Case}/evidence/export");
        package.Ok();
        Assert.Equal("application/zip", package.MediaType);
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(package.Body);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        form.Add(file, "package", "demo.zip");
        var verified = (await admin.SendAsync(HttpMethod.Post, "/api/v1/evidence/verify", content: form)).Ok().Json;
        Assert.True(verified["valid"]!.GetValue<bool>(), verified.ToJsonString());
        // The server pins the check to its own custody key, so its own package is VALID, not merely intact.
        Assert.True(verified["key_pinned"]!.GetValue<bool>(), verified.ToJsonString());
        Assert.StartsWith("package VALID", verified["summary"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(verified["files"]!.GetValue<int>() >= 1);
        Assert.Equal(64, item["sha256"]!.GetValue<string>().Length);
    }

    [Fact]
    public async Task EvidenceList_NeverSaysVerified_OnlyTheOnDemandRehashDoes()
    {
        using var admin = await fixture.AdminAsync();
        var demo = await admin.GetJsonAsync($"/api/v1/cases/{Case}/evidence");
        Assert.NotEmpty(demo["items"]!.AsArray());
        Assert.All(demo["items"]!.AsArray(), e => Assert.Equal("stored", e!["status"]!.GetValue<string>()));
        var checkedDemo = await admin.PostJsonAsync($"/api/v1/cases/{Case}/evidence/check");
        Assert.All(checkedDemo["items"]!.AsArray(), e =>
        {
            Assert.Equal("verified", e!["status"]!.GetValue<string>());
            Assert.NotNull(e["checked_at"]);
        });
    }

    [Fact]
    public async Task EvidenceCheck_FindsAnAlteration_EvenWithSizeAndModificationTimeRestored()
    {
        using var admin = await fixture.AdminAsync();
        (await admin.PostAsync("/api/v1/cases", new { reference = "TAMPER-1", title = "tamper check", offence_type = "fraud" })).Ok();
        using var form = new MultipartFormDataContent { { new ByteArrayContent("original bytes of a screenshot"u8.ToArray()), "file", "shot.txt" }, { new StringContent("screenshot"), "method" }, { new StringContent("test"), "source" } };
        var added = (await admin.SendAsync(HttpMethod.Post, "/api/v1/cases/TAMPER-1/evidence", content: form)).Ok().Json;
        var stored = new Cairn.Storage.Evidence.EvidenceFiles(fixture.DataDirectory).PathOf(added["sha256"]!.GetValue<string>());
        Assert.Equal("verified", (await admin.PostJsonAsync("/api/v1/cases/TAMPER-1/evidence/check"))["items"]![0]!["status"]!.GetValue<string>());

        // Same length, other bytes, and the modification time set back: what an mtime cache would trust.
        var modified = File.GetLastWriteTimeUtc(stored);
        File.SetAttributes(stored, FileAttributes.Normal);
        await File.WriteAllTextAsync(stored, "ORIGINAL BYTES OF A SCREENSHOT");
        File.SetLastWriteTimeUtc(stored, modified);
        Assert.Equal("stored", (await admin.GetJsonAsync("/api/v1/cases/TAMPER-1/evidence"))["items"]![0]!["status"]!.GetValue<string>());
        Assert.Equal("altered", (await admin.PostJsonAsync("/api/v1/cases/TAMPER-1/evidence/check"))["items"]![0]!["status"]!.GetValue<string>());

        await File.WriteAllTextAsync(stored, "shorter");
        Assert.Equal("altered", (await admin.GetJsonAsync("/api/v1/cases/TAMPER-1/evidence"))["items"]![0]!["status"]!.GetValue<string>());
        using var auditor = await fixture.SignInAsync("aud");
        var caseId = (await auditor.GetJsonAsync("/api/v1/cases/TAMPER-1"))["id"]!.GetValue<string>();
        var log = await auditor.GetJsonAsync($"/api/v1/log/entries?objectType=case&objectId={caseId}&limit=500");
        Assert.Equal(2, log["items"]!.AsArray().Count(e => e!["action"]!.GetValue<string>() == "evidence.check"));
    }

    [Fact]
    public async Task TamperedEvidencePackage_DoesNotVerify()
    {
        using var admin = await fixture.AdminAsync();
        var package = (await admin.GetAsync($"/api/v1/cases/{Case}/evidence/export")).Ok().Body;
        var tampered = (byte[])package.Clone();
        tampered[tampered.Length / 2] ^= 0x5a;
        using var form = new MultipartFormDataContent { { new ByteArrayContent(tampered), "package", "t.zip" } };
        var response = await admin.SendAsync(HttpMethod.Post, "/api/v1/evidence/verify", content: form);
        var valid = response.Status == HttpStatusCode.OK && response.Json["valid"]!.GetValue<bool>();
        Assert.False(valid);
    }

    [Fact]
    public async Task DraftedRequest_FillsToCompleteLive_MovesStatus_AndRenders()
    {
        using var prosecutor = await fixture.SignInAsync("pros");
        var drafted = await prosecutor.PostJsonAsync($"/api/v1/cases/{Case}/requests/draft", new { from = "NL", measures = new[] { "preservation" }, urgent = true });
        var id = drafted["drafts"]![0]!["id"]!.GetValue<string>();
        var request = await prosecutor.GetJsonAsync($"/api/v1/requests/{id}");
        var missing = request["completeness"]!["missing"]!.AsArray().Select(m => m!["id"]!.GetValue<string>()).ToList();
        Assert.NotEmpty(missing);
        var contents = missing.ToDictionary(m => m, m => $"text for {m}");
        var live = await prosecutor.PostJsonAsync($"/api/v1/requests/{id}/check", new { contents });
        Assert.Empty(live["missing"]!.AsArray());
        var stillStored = await prosecutor.GetJsonAsync($"/api/v1/requests/{id}");
        Assert.NotEmpty(stillStored["completeness"]!["missing"]!.AsArray());
        var version = stillStored["version"]!.GetValue<long>();
        JsonNode? last = null;
        foreach (var item in missing)
            last = (await prosecutor.SendAsync(HttpMethod.Put, $"/api/v1/requests/{id}/contents/{item}", new { text = contents[item], version = version++ })).Ok().Json;
        Assert.Empty(last!["missing"]!.AsArray());
        var stale = await prosecutor.SendAsync(HttpMethod.Put, $"/api/v1/requests/{id}/contents/{missing[0]}", new { text = "late edit", version = 1 });
        Assert.Equal(HttpStatusCode.Conflict, stale.Status);
        var moved = await prosecutor.PostJsonAsync($"/api/v1/requests/{id}/status", new { to = "ready" });
        Assert.Equal("ready", moved["status"]!.GetValue<string>());
        var docx = (await prosecutor.GetAsync($"/api/v1/requests/{id}/render?format=docx")).Ok();
        Assert.Equal((byte)'P', docx.Body[0]);
        Assert.Equal((byte)'K', docx.Body[1]);
        Assert.Equal(64, docx.Headers["X-Cairn-Sha256"].Length);
    }

    [Fact]
    public async Task Ledger_RecordsAFreezeWithExactAmounts_AndRefusesAnImpossibleRelease()
    {
        using var admin = await fixture.AdminAsync();
        var body = new { @event = "freeze", chain = "btc", token = "BTC", location = "northwind-exchange account 1", amount = "65047893", legal_basis = "Regulation (EU) 2018/1805 Art 7", authority = "Amtsgericht (demo)", jurisdiction = "de" };
        (await admin.PostAsync($"/api/v1/cases/{Case}/ledger", body)).Ok();
        var report = await admin.GetJsonAsync($"/api/v1/cases/{Case}/ledger");
        Assert.Contains(report["balances"]!.AsArray(), b => b!["frozen"]!.GetValue<string>() == "65047893");
        var tooMuch = await admin.PostAsync($"/api/v1/cases/{Case}/ledger", body with { @event = "unfreeze", amount = "99999999999" });
        Assert.Equal(HttpStatusCode.BadRequest, tooMuch.Status);
    }

    [Fact]
    public async Task EveryCaseRead_IsACustodyLogEntryNamingTheReader()
    {
        using var auditor = await fixture.SignInAsync("aud");
        var caseId = (await auditor.GetJsonAsync($"/api/v1/cases/{Case}"))["id"]!.GetValue<string>();
        var entries = await auditor.GetJsonAsync($"/api/v1/log/entries?objectType=case&objectId={caseId}&limit=500");
        Assert.Contains(entries["items"]!.AsArray(), e => e!["action"]!.GetValue<string>() == "case.read" && e["user"]!.GetValue<string>() == "aud");
    }

    [Fact]
    public async Task Lists_ArePaged_AndBadPagingIsAOneLineProblem()
    {
        using var admin = await fixture.AdminAsync();
        var first = await admin.GetJsonAsync("/api/v1/requests?limit=1");
        Assert.Single(first["items"]!.AsArray());
        Assert.Equal(1, first["next_offset"]!.GetValue<long>());
        var bad = await admin.GetAsync("/api/v1/requests?limit=0");
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.Equal("application/problem+json", bad.MediaType);
        Assert.Contains("limit 0 is out of range", bad.Json["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChainLookups_AndScreening_AnswerFromTheIndexAndTheLists()
    {
        using var admin = await fixture.AdminAsync();
        var ransom = fixture.Demo.Scenario.Ransomware!;
        var tx = await admin.GetJsonAsync($"/api/v1/btc/tx/{ransom.RansomTxId}");
        Assert.Equal(ransom.RansomTxId, tx["txid"]!.GetValue<string>());
        var deposit = ransom.Deposits[0];
        var screened = (await admin.PostJsonAsync("/api/v1/screen", new { addresses = new[] { deposit.Address, "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5", "12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h" } })).AsArray();
        Assert.NotEmpty(screened[0]!["cluster_hits"]!.AsArray());
        Assert.Equal("malformed", screened[1]!["status"]!.GetValue<string>());
        Assert.Equal("hit", screened[2]!["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/v1/btc/tx/{new string('0', 64)}")).Status);
    }

    [Fact]
    public async Task Upload_WithAFileNameOf200CharactersOutsideAscii_IsStored_UnderANameThatFitsTheFileSystem()
    {
        using var admin = await fixture.AdminAsync();
        (await admin.PostAsync("/api/v1/cases", new { reference = "LONG-NAME-1", title = "long file name", offence_type = "fraud" })).Ok();
        // 200 characters of three bytes each in UTF-8: 600 bytes, over the 255 a file system allows in one name. Found by the
        // API fuzz pass of session 11 (issue 17) as a 500 out of File.Create.
        var name = new string('\u20ac', 200) + ".txt";
        using var file = new ByteArrayContent("scan of a ransom note"u8.ToArray());
        file.Headers.TryAddWithoutValidation("Content-Disposition", $"form-data; name=\"file\"; filename=\"euros.txt\"; filename*=UTF-8''{Uri.EscapeDataString(name)}");
        using var form = new MultipartFormDataContent { file, { new StringContent("scan"), "method" }, { new StringContent("test"), "source" } };

        var added = (await admin.SendAsync(HttpMethod.Post, "/api/v1/cases/LONG-NAME-1/evidence", content: form)).Ok().Json;

        var stored = added["file_name"]!.GetValue<string>();
        Assert.StartsWith("\u20ac\u20ac", stored, StringComparison.Ordinal);
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(stored) <= 200, $"{System.Text.Encoding.UTF8.GetByteCount(stored)} bytes");
    }
}
