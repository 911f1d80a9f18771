using Cairn.Core;
using Cairn.Storage.Security;
using Cairn.TestSupport.Database;
using Dapper;

namespace Cairn.Storage.Tests.Security;

/// <summary>Issue 17: the web key ring in the database is shared by every node, sealed at rest, and a damaged key is a one-line error.</summary>
public class WebKeyRingTests
{
    private const string KeyXml = "<key id=\"5b1a\" version=\"1\"><descriptor><masterKey>c2VjcmV0IGtleSBtYXRlcmlhbA==</masterKey></descriptor></key>";

    [DatabaseTheory]
    public async Task AKeyStoredByOneNode_IsReadByAnother_AndIsNotReadableInTheTable(SqlDialect dialect)
    {
        await using var test = await TestDatabase.CreateAsync(dialect);
        await using var other = await test.OpenAgainAsync();

        await new SqlWebKeyRing(test.Database).StoreAsync("key-5b1a", KeyXml);
        await new SqlWebKeyRing(other).StoreAsync("key-5b1a", "<key id=\"5b1a\">a second write of the same name is ignored</key>");

        Assert.Equal([KeyXml], await new SqlWebKeyRing(other).ListAsync());
        var stored = await test.Database.QueryAsync(c => c.ExecuteScalarAsync<string>("SELECT sealed FROM web_key_ring"));
        Assert.DoesNotContain("masterKey", stored!, StringComparison.Ordinal);
        Assert.DoesNotContain("c2VjcmV0IGtleSBtYXRlcmlhbA", stored!, StringComparison.Ordinal);
    }

    [DatabaseTheory]
    public async Task ADamagedOrMovedKey_IsRefusedWithOneLineNamingIt(SqlDialect dialect)
    {
        await using var test = await TestDatabase.CreateAsync(dialect);
        var ring = new SqlWebKeyRing(test.Database);
        await ring.StoreAsync("key-5b1a", KeyXml);
        // Moved to another name: the name is the associated data, so the seal no longer opens.
        await test.Database.QueryAsync(c => c.ExecuteAsync("UPDATE web_key_ring SET name = 'key-other'"));

        var error = await Assert.ThrowsAsync<CairnException>(() => ring.ListAsync());

        Assert.Contains("'key-other'", error.Message, StringComparison.Ordinal);
        Assert.Contains("installation-secret", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }
}
