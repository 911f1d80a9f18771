using System.Data.Common;
using Cairn.Cases.Custody;
using Cairn.Core;
using Dapper;

namespace Cairn.Storage.Security;

/// <summary>
/// The keys of the installation, registered in <c>installation_keys</c> by the first node that
/// opens the database and checked by every node at every start. A node whose custody key or
/// installation secret differs from the registered one refuses to start (and so never signs a
/// tree head): heads signed by a stray key would break <c>cairn log verify</c> for everyone, and a
/// second secret would hash the same login two ways. On a database that already has signed heads
/// the registered custody key is the one that signed the newest head.
/// </summary>
public static class InstallationKeyRegistry
{
    public const string CustodyPurpose = "custody";
    public const string SecretPurpose = "secret";

    public static async Task CheckAsync(DbConnection connection, TreeHeadSigner signer, InstallationSecret secret, string? dataDirectory, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(time);
        var now = CustodyEntry.FormatTime(time.GetUtcNow());
        var newestSigner = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "SELECT key_id FROM custody_tree_heads ORDER BY tree_size DESC LIMIT 1", cancellationToken: cancellationToken)).ConfigureAwait(false);
        var custody = await RegisterAsync(connection, CustodyPurpose, newestSigner ?? signer.KeyId, now, cancellationToken).ConfigureAwait(false);
        var where = dataDirectory is null ? "this node" : $"this node ({dataDirectory})";
        if (custody != signer.KeyId)
            throw new CairnException(
                $"custody key mismatch: {where} has custody key {signer.KeyId}, but this database's tree heads are signed by the registered key {custody}; " +
                $"refusing to sign: give every node that shares the database the same {Custody.CustodyKeyFile.FileName} (docs/operations.md)");
        var registeredSecret = await RegisterAsync(connection, SecretPurpose, secret.Fingerprint, now, cancellationToken).ConfigureAwait(false);
        if (registeredSecret != secret.Fingerprint)
            throw new CairnException(
                $"installation secret mismatch: {where} holds another {InstallationSecret.FileName} than the one registered in this database; " +
                "refusing to start: give every node that shares the database the same file (docs/operations.md)");
    }

    /// <summary>Registers <paramref name="keyId"/> for <paramref name="purpose"/> unless a key is registered; returns the registered one.</summary>
    private static async Task<string> RegisterAsync(DbConnection connection, string purpose, string keyId, string now, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO installation_keys (purpose, key_id, registered_at) VALUES (@purpose, @keyId, @now) ON CONFLICT (purpose) DO NOTHING",
            new { purpose, keyId, now }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return await connection.QuerySingleAsync<string>(new CommandDefinition(
            "SELECT key_id FROM installation_keys WHERE purpose = @purpose", new { purpose }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }
}
