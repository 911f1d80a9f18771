using System.Data.Common;
using Cairn.Cases.Custody;
using Cairn.Storage;
using Dapper;
using Npgsql;

namespace Cairn.Bench.Storage;

/// <summary>
/// Fills the custody tables with N entries and every complete node directly (batched INSERT on
/// SQLite, binary COPY on PostgreSQL) plus one signed head, so proof time can be measured at a
/// million entries without a million signed appends. Only the proof figure uses this.
/// </summary>
internal static class BulkLoad
{
    public static async Task FillAsync(CairnDatabase database, int size)
    {
        var frontier = MerkleFrontier.Empty;
        var time = DateTimeOffset.UnixEpoch;
        await using var connection = await database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var entries = new List<CustodyEntry>();
        var nodes = new List<MerkleNode>();
        for (var i = 0; i < size; i++)
        {
            var entry = new CustodyEntry(i, time.AddTicks(i), "bench", "bench-agency", "case.read", "case", "c" + (i % 1000), "");
            nodes.AddRange(frontier.Append(entry.LeafHash()));
            entries.Add(entry);
            if (entries.Count == 50_000 || i == size - 1)
            {
                await WriteAsync(database.Dialect, connection, transaction, entries, nodes);
                entries.Clear();
                nodes.Clear();
            }
        }
        var head = database.Signer.Sign(new TreeHead(size, Convert.ToHexStringLower(frontier.RootHash()), time));
        await connection.ExecuteAsync("UPDATE custody_state SET tree_size = @size WHERE id = 1", new { size = (long)size }, transaction);
        await connection.ExecuteAsync("INSERT INTO custody_tree_heads (tree_size, root_hash, signed_at, key_id, signature) VALUES (@TreeSize, @RootHash, @SignedAt, @KeyId, @Signature)",
            new { head.Head.TreeSize, head.Head.RootHash, SignedAt = CustodyEntry.FormatTime(head.Head.Timestamp), head.KeyId, head.Signature }, transaction);
        await transaction.CommitAsync();
    }

    private static async Task WriteAsync(SqlDialect dialect, DbConnection connection, DbTransaction transaction, List<CustodyEntry> entries, List<MerkleNode> nodes)
    {
        if (dialect == SqlDialect.Postgres)
        {
            var npgsql = (NpgsqlConnection)connection;
            await using (var writer = await npgsql.BeginBinaryImportAsync("COPY custody_entries (seq, recorded_at, user_name, agency, action, object_type, object_id, content_hash) FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var e in entries)
                {
                    await writer.StartRowAsync();
                    await writer.WriteAsync(e.Sequence);
                    foreach (var text in new[] { e.RecordedAtText, e.User, e.Agency, e.Action, e.ObjectType, e.ObjectId, e.ContentHash }) await writer.WriteAsync(text);
                }
                await writer.CompleteAsync();
            }
            await using (var writer = await npgsql.BeginBinaryImportAsync("COPY custody_nodes (level, idx, hash) FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var n in nodes)
                {
                    await writer.StartRowAsync();
                    await writer.WriteAsync((long)n.Level);
                    await writer.WriteAsync(n.Index);
                    await writer.WriteAsync(Convert.ToHexStringLower(n.Hash));
                }
                await writer.CompleteAsync();
            }
            return;
        }
        await connection.ExecuteAsync(
            "INSERT INTO custody_entries (seq, recorded_at, user_name, agency, action, object_type, object_id, content_hash) VALUES (@Sequence, @RecordedAtText, @User, @Agency, @Action, @ObjectType, @ObjectId, @ContentHash)",
            entries, transaction);
        await connection.ExecuteAsync("INSERT INTO custody_nodes (level, idx, hash) VALUES (@Level, @Index, @Hash)",
            nodes.Select(n => new { Level = (long)n.Level, n.Index, Hash = Convert.ToHexStringLower(n.Hash) }), transaction);
    }
}
