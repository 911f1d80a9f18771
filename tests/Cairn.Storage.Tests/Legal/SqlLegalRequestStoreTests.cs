using Cairn.Core;
using Cairn.Storage.Custody;
using Cairn.Storage.Legal;
using Cairn.TestSupport.Database;

using Cairn.Cases.Requests;

namespace Cairn.Storage.Tests.Legal;

public class SqlLegalRequestStoreTests
{
    private static StoredLegalRequest Draft => new("c1-de-freeze", "C1", "DE", "freezing_certificate", "draft",
        """{"id":"c1-de-freeze","findings":[{"amounts":[{"asset":"BTC","base_units":"5000000000","decimals":8}]}]}""");

    [DatabaseTheory]
    public async Task Create_StatusChange_Render_Read_EachIsACustodyEntry(SqlDialect dialect)
    {
        await using var test = await TestDatabase.CreateAsync(dialect);
        var store = new SqlLegalRequestStore(test.Database);
        var created = await store.CreateAsync(TestDatabase.Alice, Draft);
        var sent = await store.UpdateAsync(TestDatabase.Alice, created with { Status = "sent", Body = created.Body.Replace("}", ",\"status\":\"sent\"}", StringComparison.Ordinal) }, "status.sent");
        await store.RecordRenderingAsync(TestDatabase.Alice, created.Id, "pdf", [1, 2, 3]);
        var loaded = await store.GetAsync(TestDatabase.Alice, created.Id);

        Assert.Equal("sent", loaded.Status);
        Assert.Equal(2, loaded.Version);
        Assert.Equal(sent.Body, loaded.Body);
        Assert.Contains("\"5000000000\"", loaded.Body, StringComparison.Ordinal);
        var entries = await new SqlCustodyLog(test.Database).GetEntriesForAsync("request", created.Id);
        Assert.Equal(["request.create", "request.status.sent", "request.render.pdf", "request.read"], entries.Select(e => e.Action));
        Assert.Equal(Cairn.Cases.Custody.CustodyRecord.HashOf(new byte[] { 1, 2, 3 }), entries[2].ContentHash);
    }

    [DatabaseTheory]
    public async Task StaleVersion_IsConcurrencyError_AndOtherAgenciesCannotSeeTheRequest(SqlDialect dialect)
    {
        await using var test = await TestDatabase.CreateAsync(dialect);
        var store = new SqlLegalRequestStore(test.Database);
        var created = await store.CreateAsync(TestDatabase.Alice, Draft);
        await store.UpdateAsync(TestDatabase.Alice, created with { Status = "ready" }, "status.ready");
        await Assert.ThrowsAsync<ConcurrencyException>(() => store.UpdateAsync(TestDatabase.Alice, created with { Status = "withdrawn" }, "status.withdrawn"));
        await Assert.ThrowsAsync<NotFoundException>(() => store.GetAsync(TestDatabase.Bruno, created.Id));
        Assert.Empty(await store.ListAsync(TestDatabase.Bruno));
        Assert.Single(await store.ListAsync(TestDatabase.Alice));
    }

    [DatabaseTheory]
    public async Task Validation_IsStoredWithTheTextHash_ReadBackWithTheRequest_LoggedAndVersionChecked(SqlDialect dialect)
    {
        await using var test = await TestDatabase.CreateAsync(dialect);
        var store = new SqlLegalRequestStore(test.Database);
        var created = await store.CreateAsync(TestDatabase.Alice, Draft);
        var at = new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);
        var hash = new string('a', 64);
        var validation = new StoredValidation(created.Id, TestDatabase.Alice.User, TestDatabase.Alice.Agency, "Prosecutor", at, hash, "Regulation (EU) 2018/1805 Art 2(8)(a)(ii)");
        await store.RecordValidationAsync(TestDatabase.Alice, validation, created.Version);
        await store.UpdateAsync(TestDatabase.Alice, created with { Status = "ready" }, "status.ready");
        await Assert.ThrowsAsync<ConcurrencyException>(() => store.RecordValidationAsync(TestDatabase.Alice, validation with { ValidatedBy = "paula" }, created.Version));
        await Assert.ThrowsAsync<NotFoundException>(() => store.RecordValidationAsync(TestDatabase.Bruno, validation, 2));

        var loaded = await store.GetAsync(TestDatabase.Alice, created.Id);
        var read = Assert.Single(loaded.Validations);
        Assert.Equal(validation with { RequestVersion = created.Version }, read);
        Assert.Equal(at, read.ValidatedAt);
        var entries = await new SqlCustodyLog(test.Database).GetEntriesForAsync("request", created.Id);
        var logged = Assert.Single(entries, e => e.Action == "request.validate");
        Assert.Equal(hash, logged.ContentHash);
    }
}
