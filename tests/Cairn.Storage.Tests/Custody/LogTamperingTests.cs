using Cairn.Cases.Custody;
using Cairn.Storage.Custody;
using Cairn.TestSupport.Database;
using Dapper;
using FsCheck;
using FsCheck.Fluent;

namespace Cairn.Storage.Tests.Custody;

/// <summary>Random edits, deletions, reorders and insertions in the stored log: every one is detected at the first entry it touches.</summary>
public class LogTamperingTests
{
    private const int Size = 24;

    private static readonly string[] Columns = ["recorded_at", "user_name", "agency", "action", "object_type", "object_id", "content_hash"];

    private enum Tampering
    {
        Edit,
        Delete,
        Swap,
        Insert,
    }

    [DatabaseTheory]
    public async Task Verify_DetectsEveryRandomTampering_AndNamesTheFirstBadEntry(SqlDialect dialect)
    {
        await using var test = await TestDatabase.CreateAsync(dialect);
        var log = new SqlCustodyLog(test.Database);
        for (var i = 0; i < Size; i++)
            await log.AppendAsync(new CustodyRecord(i % 2 == 0 ? TestDatabase.Alice : TestDatabase.Bruno, "evidence.read", "evidence", $"ev-{i}", CustodyRecord.HashOf($"file {i}")));
        await using var connection = await test.Database.OpenConnectionAsync();
        var original = (await connection.QueryAsync("SELECT * FROM custody_entries ORDER BY seq")).Cast<IDictionary<string, object>>().ToList();

        var tamperings =
            from kind in Gen.Elements(Enum.GetValues<Tampering>())
            from a in Gen.Choose(0, Size - 1)
            from b in Gen.Choose(0, Size)
            from column in Gen.Elements(Columns)
            select (kind, a, b, column);
        var property = Prop.ForAll(tamperings.ToArbitrary(), t =>
        {
            var expectedFirstBad = ApplyAsync(connection, t.kind, t.a, t.b, t.column).GetAwaiter().GetResult();
            try
            {
                var result = log.VerifyAsync().GetAwaiter().GetResult();
                return expectedFirstBad is null ? result.IsValid : !result.IsValid && result.FirstBadSequence == expectedFirstBad;
            }
            finally
            {
                RestoreAsync(connection, original).GetAwaiter().GetResult();
            }
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(dialect == SqlDialect.Postgres ? 60 : 100), property);
        Assert.True((await log.VerifyAsync()).IsValid);
    }

    /// <summary>Tampers with the stored entries; returns the sequence number of the first entry that is now wrong (null when nothing changed).</summary>
    private static async Task<long?> ApplyAsync(System.Data.Common.DbConnection connection, Tampering kind, int a, int b, string column)
    {
        switch (kind)
        {
            case Tampering.Edit:
                await connection.ExecuteAsync($"UPDATE custody_entries SET {column} = {column} || 'x' WHERE seq = @a", new { a = (long)a });
                return a;
            case Tampering.Delete:
                await connection.ExecuteAsync("DELETE FROM custody_entries WHERE seq = @a", new { a = (long)a });
                return a;
            case Tampering.Swap:
                var (low, high) = (Math.Min(a, b % Size), Math.Max(a, b % Size));
                if (low == high) return null;
                await connection.ExecuteAsync("UPDATE custody_entries SET seq = -1 WHERE seq = @low", new { low = (long)low });
                await connection.ExecuteAsync("UPDATE custody_entries SET seq = @low WHERE seq = @high", new { low = (long)low, high = (long)high });
                await connection.ExecuteAsync("UPDATE custody_entries SET seq = @high WHERE seq = -1", new { high = (long)high });
                return low;
            default:
                // Insert a plausible entry at position b, moving the later ones up by one.
                await connection.ExecuteAsync("UPDATE custody_entries SET seq = seq + 1000000 WHERE seq >= @b", new { b = (long)b });
                await connection.ExecuteAsync("UPDATE custody_entries SET seq = seq - 999999 WHERE seq >= 1000000");
                await connection.ExecuteAsync(
                    "INSERT INTO custody_entries (seq, recorded_at, user_name, agency, action, object_type, object_id, content_hash) " +
                    "VALUES (@b, '2025-03-14T09:30:00.0050000Z', 'mallory', 'nca-uk', 'evidence.read', 'evidence', 'ev-forged', '')", new { b = (long)b });
                return b;
        }
    }

    private static async Task RestoreAsync(System.Data.Common.DbConnection connection, List<IDictionary<string, object>> original)
    {
        await connection.ExecuteAsync("DELETE FROM custody_entries");
        foreach (var row in original)
            await connection.ExecuteAsync(
                "INSERT INTO custody_entries (seq, recorded_at, user_name, agency, action, object_type, object_id, content_hash) " +
                "VALUES (@seq, @recorded_at, @user_name, @agency, @action, @object_type, @object_id, @content_hash)", new DynamicParameters(row));
    }
}
