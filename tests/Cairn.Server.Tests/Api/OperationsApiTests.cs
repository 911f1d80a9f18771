using System.Formats.Tar;
using System.IO.Compression;
using System.Net;
using System.Text.Json.Nodes;
using Cairn.Server.Tests.Infrastructure;
using Cairn.Workspace.Backup;

namespace Cairn.Server.Tests.Api;

/// <summary>Backups and retention over the API (docs/operations.md): admins only, keys never leave over HTTP, holds by the owning agency, every call logged.</summary>
[Collection(DemoServerCollection.Name)]
public sealed class OperationsApiTests(DemoServerFixture fixture)
{
    [Fact]
    public async Task DownloadBackup_ByAnAdmin_IsARestorableArchiveWithoutTheKeys_AndOthersAreRefused()
    {
        using var admin = await fixture.AdminAsync();
        var response = await admin.GetAsync("/api/v1/admin/backup");
        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("application/gzip", response.MediaType);

        var entries = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        using (var gzip = new GZipStream(new MemoryStream(response.Body), CompressionMode.Decompress))
        using (var reader = new TarReader(gzip))
        {
            while (reader.GetNextEntry(copyData: true) is { } entry)
            {
                using var data = new MemoryStream();
                entry.DataStream?.CopyTo(data);
                entries[entry.Name] = data.ToArray();
            }
        }
        Assert.Contains("data/cairn.db", entries.Keys);
        Assert.DoesNotContain(entries.Keys, n => n is "data/custody-key.pem" or "data/installation-secret" || n.StartsWith("data/web-keys/", StringComparison.Ordinal));
        var manifest = JsonNode.Parse(entries["cairn-backup.json"])!;
        Assert.False(manifest["keys_included"]!.GetValue<bool>());
        Assert.Contains(manifest["keys_left_out"]!.AsArray(), k => k!.GetValue<string>() == "custody-key.pem");

        var archive = Path.Combine(Path.GetTempPath(), $"cairn-api-backup-{Guid.NewGuid():N}.tar.gz");
        var target = Path.Combine(Path.GetTempPath(), $"cairn-api-restore-{Guid.NewGuid():N}");
        try
        {
            await File.WriteAllBytesAsync(archive, response.Body);
            var restored = await BackupRestore.RestoreAsync(archive, target, force: false, TimeProvider.System);
            Assert.False(restored.KeysIncluded);
            Assert.True(File.Exists(Path.Combine(target, "cairn.db")));
        }
        finally
        {
            File.Delete(archive);
            if (Directory.Exists(target)) Directory.Delete(target, recursive: true);
        }

        using var olga = await fixture.SignInAsync("olga");
        Assert.Equal(HttpStatusCode.Forbidden, (await olga.GetAsync("/api/v1/admin/backup")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await olga.GetAsync("/api/v1/admin/retention")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await olga.PostAsync("/api/v1/admin/retention/purge?dry_run=true")).Status);
    }

    [Fact]
    public async Task Retention_ShowsThePoliciesInWords_AndADryRunDeletesNothing()
    {
        using var admin = await fixture.AdminAsync();
        var view = await admin.GetJsonAsync("/api/v1/admin/retention");
        Assert.Equal(4, view["policies"]!.AsArray().Count);
        Assert.All(view["policies"]!.AsArray(), p => Assert.Contains("kept until deleted by hand", p!["description"]!.GetValue<string>(), StringComparison.Ordinal));
        Assert.EndsWith("cairn.json", view["configuration_file"]!.GetValue<string>(), StringComparison.Ordinal);

        var preview = await admin.PostJsonAsync("/api/v1/admin/retention/purge?dry_run=true");
        Assert.True(preview["dry_run"]!.GetValue<bool>());
        Assert.Equal(0, preview["total"]!.GetValue<int>());
        var log = await admin.GetJsonAsync("/api/v1/log/search?action=retention");
        Assert.Contains(log["items"]!.AsArray(), e => e!["entry"]!["action"]!.GetValue<string>() == "retention.preview");
    }

    [Fact]
    public async Task CaseHold_IsSetAndReleasedByTheOwner_WithAReason_AndInvisibleToOtherAgencies()
    {
        using var admin = await fixture.AdminAsync();
        await admin.PostJsonAsync("/api/v1/cases", new { reference = "HOLD-API-1", title = "kept for the appeal", offence_type = "fraud" });
        var blank = await admin.SendAsync(HttpMethod.Put, "/api/v1/cases/HOLD-API-1/hold", new { reason = "" });
        Assert.Equal(HttpStatusCode.BadRequest, blank.Status);
        Assert.NotNull(blank.Json["errors"]!["reason"]);

        var held = (await admin.SendAsync(HttpMethod.Put, "/api/v1/cases/HOLD-API-1/hold", new { reason = "appeal pending" })).Ok().Json;
        Assert.Equal("appeal pending", held["reason"]!.GetValue<string>());
        var state = await admin.GetJsonAsync("/api/v1/cases/HOLD-API-1/hold");
        Assert.True(state["on_hold"]!.GetValue<bool>());
        Assert.Contains((await admin.GetJsonAsync("/api/v1/admin/retention"))["holds"]!.AsArray(), h => h!["case_reference"]!.GetValue<string>() == "HOLD-API-1");

        using (var olga = await fixture.SignInAsync("olga"))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await olga.GetAsync("/api/v1/cases/HOLD-API-1/hold")).Status);
            Assert.Equal(HttpStatusCode.NotFound, (await olga.SendAsync(HttpMethod.Delete, "/api/v1/cases/HOLD-API-1/hold")).Status);
        }
        Assert.Equal(HttpStatusCode.NoContent, (await admin.SendAsync(HttpMethod.Delete, "/api/v1/cases/HOLD-API-1/hold")).Status);
        Assert.False((await admin.GetJsonAsync("/api/v1/cases/HOLD-API-1/hold"))["on_hold"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.SendAsync(HttpMethod.Delete, "/api/v1/cases/HOLD-API-1/hold")).Status);
    }

    [Fact]
    public async Task ExportCase_Pseudonymised_NamesNoPerson_AndIsInvisibleToOtherAgencies()
    {
        using var admin = await fixture.AdminAsync();
        var c = await admin.PostJsonAsync("/api/v1/cases", new { reference = "PSEUDO-API-1", title = "t", offence_type = "fraud" });
        await admin.PostJsonAsync("/api/v1/cases/PSEUDO-API-1/subjects", new { kind = "person", role = "suspect", name = "Maria Musterfrau", details = "born 1990-01-01",
            identifiers = new[] { new { kind = "passport", value = "C01X00T47" } }, version = c["version"]!.GetValue<long>() });

        var pseudonymised = await admin.GetAsync("/api/v1/cases/PSEUDO-API-1/export?pseudonymise=true");
        Assert.Equal(HttpStatusCode.OK, pseudonymised.Status);
        Assert.Equal("application/json", pseudonymised.MediaType);
        foreach (var value in new[] { "Maria", "Musterfrau", "1990-01-01", "C01X00T47" })
            Assert.DoesNotContain(value, pseudonymised.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Maria Musterfrau", (await admin.GetAsync("/api/v1/cases/PSEUDO-API-1/export")).Text, StringComparison.Ordinal);
        using var olga = await fixture.SignInAsync("olga");
        Assert.Equal(HttpStatusCode.NotFound, (await olga.GetAsync("/api/v1/cases/PSEUDO-API-1/export?pseudonymise=true")).Status);
    }
}
