using Cairn.Cases.Cases;
using Cairn.Cases.Custody;
using Cairn.Core;
using Cairn.Storage.Cases;
using Cairn.Storage.Custody;
using Cairn.Storage.Security;
using Cairn.TestSupport.Database;
using Dapper;

namespace Cairn.Storage.Tests.Security;

/// <summary>Issue 17: a node whose custody key or installation secret differs from the ones registered in the shared database refuses to run (and so never signs a head).</summary>
public class InstallationKeyRegistryTests
{
    [DatabaseTheory]
    public async Task ANodeWithAnotherCustodyKey_RefusesToOpen_NamingBothKeys_AndLeavesNoTrace(SqlDialect dialect)
    {
        await using var test = await TestDatabase.CreateAsync(dialect);
        await new SqlCaseStore(test.Database).CreateAsync(TestDatabase.Alice, new NewCase("K-1", "keys", "fraud"));
        var stray = Directory.CreateTempSubdirectory("cairn-stray-node-").FullName;
        File.Copy(Path.Combine(test.DataDirectory, InstallationSecret.FileName), Path.Combine(stray, InstallationSecret.FileName));
        using var strayKey = CustodyKeyFile.LoadOrCreate(stray);

        var refused = await Assert.ThrowsAsync<CairnException>(() => CairnDatabase.OpenAsync(test.Database.Location, strayKey, test.Time, stray));

        Assert.Contains("custody key mismatch", refused.Message, StringComparison.Ordinal);
        Assert.Contains(strayKey.KeyId, refused.Message, StringComparison.Ordinal);
        Assert.Contains(test.Database.Signer.KeyId, refused.Message, StringComparison.Ordinal);
        Assert.Contains("refusing to sign", refused.Message, StringComparison.Ordinal);
        var keys = await test.Database.QueryAsync(c => c.QueryAsync<string>("SELECT key_id FROM custody_keys"));
        Assert.Equal([test.Database.Signer.KeyId], keys);
        Assert.True((await new SqlCustodyLog(test.Database).VerifyAsync()).IsValid);
    }

    [DatabaseTheory]
    public async Task ANodeWithAnotherInstallationSecret_RefusesToOpen(SqlDialect dialect)
    {
        await using var test = await TestDatabase.CreateAsync(dialect);
        var stray = Directory.CreateTempSubdirectory("cairn-stray-secret-").FullName;
        File.Copy(Path.Combine(test.DataDirectory, CustodyKeyFile.FileName), Path.Combine(stray, CustodyKeyFile.FileName));

        var refused = await Assert.ThrowsAsync<CairnException>(() => CairnDatabase.OpenAsync(test.Database.Location, CustodyKeyFile.LoadOrCreate(stray), test.Time, stray));

        Assert.Contains("installation secret mismatch", refused.Message, StringComparison.Ordinal);
    }

    [DatabaseTheory]
    public async Task ANodeWithTheSameKeyFiles_Opens_AndSignsHeadsTheOthersVerify(SqlDialect dialect)
    {
        await using var test = await TestDatabase.CreateAsync(dialect);
        var twin = Directory.CreateTempSubdirectory("cairn-twin-node-").FullName;
        foreach (var file in new[] { CustodyKeyFile.FileName, InstallationSecret.FileName })
            File.Copy(Path.Combine(test.DataDirectory, file), Path.Combine(twin, file));

        await using var second = await CairnDatabase.OpenAsync(test.Database.Location, CustodyKeyFile.LoadOrCreate(twin), test.Time, twin);
        await new SqlCaseStore(second).CreateAsync(TestDatabase.Alice, new NewCase("K-2", "keys", "fraud"));

        Assert.True((await new SqlCustodyLog(test.Database).VerifyAsync()).IsValid);
        Assert.Equal(test.Database.Secret.Fingerprint, second.Secret.Fingerprint);
    }
}
