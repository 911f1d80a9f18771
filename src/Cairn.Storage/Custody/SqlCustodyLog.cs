using System.Data.Common;
using System.Globalization;
using Cairn.Cases.Custody;
using Cairn.Core;
using Cairn.Core.Paging;
using Dapper;

namespace Cairn.Storage.Custody;

/// <summary>
/// The custody log in SQL: <c>custody_entries</c> (one row per leaf), <c>custody_nodes</c>
/// (every complete subtree hash, so proofs cost O(log n) reads), <c>custody_tree_heads</c> (a
/// signed head after every append) and <c>custody_state</c> (the size; updating its single row
/// serialises appenders on PostgreSQL until commit). Schema: Migrations/001_custody_log.sql.
/// </summary>
public sealed class SqlCustodyLog : ICustodyLog
{
    private const int PageSize = 5000;

    private readonly CairnDatabase _database;

    public SqlCustodyLog(CairnDatabase database)
    {
        _database = database;
    }

    public Task<CustodyEntry> AppendAsync(CustodyRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        return _database.InTransactionAsync(record.Actor,
            unit => unit.RecordAsync(record.Action, record.ObjectType, record.ObjectId, record.ContentHash), cancellationToken);
    }

    public async Task<SignedTreeHead> GetHeadAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<CustodyRows.Head>(new CommandDefinition(
            $"SELECT {CustodyRows.HeadColumns} FROM custody_tree_heads ORDER BY tree_size DESC LIMIT 1", cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (row is not null) return row.ToSignedHead();
        var empty = new TreeHead(0, Convert.ToHexStringLower(MerkleFrontier.Empty.RootHash()), _database.Time.GetUtcNow());
        return _database.Signer.Sign(empty);
    }

    public async Task<SignedTreeHead> GetHeadAsync(long treeSize, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<CustodyRows.Head>(new CommandDefinition(
            $"SELECT {CustodyRows.HeadColumns} FROM custody_tree_heads WHERE tree_size = @treeSize", new { treeSize }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row?.ToSignedHead() ?? throw new NotFoundException($"no signed custody tree head for size {treeSize}");
    }

    public async Task<CustodyEntry> GetEntryAsync(long sequence, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<CustodyRows.Entry>(new CommandDefinition(
            $"SELECT {CustodyRows.EntryColumns} FROM custody_entries WHERE seq = @sequence", new { sequence }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row?.ToEntry() ?? throw new NotFoundException($"no custody log entry {sequence}");
    }

    public async Task<IReadOnlyList<CustodyEntry>> GetEntriesForAsync(string objectType, string objectId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<CustodyRows.Entry>(new CommandDefinition(
            $"SELECT {CustodyRows.EntryColumns} FROM custody_entries WHERE object_type = @objectType AND object_id = @objectId ORDER BY seq",
            new { objectType, objectId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => r.ToEntry()).ToList();
    }

    /// <summary>One page of the entries about one object, oldest first (paged by the database).</summary>
    public async Task<Page<CustodyEntry>> GetEntriesForAsync(string objectType, string objectId, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(page);
        await using var connection = await _database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM custody_entries WHERE object_type = @objectType AND object_id = @objectId", new { objectType, objectId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var rows = await connection.QueryAsync<CustodyRows.Entry>(new CommandDefinition(
            $"SELECT {CustodyRows.EntryColumns} FROM custody_entries WHERE object_type = @objectType AND object_id = @objectId ORDER BY seq LIMIT @Limit OFFSET @Offset",
            new { objectType, objectId, Limit = (long)page.Limit, page.Offset }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return Page<CustodyEntry>.Of(rows.Select(r => r.ToEntry()).ToList(), page, total);
    }

    /// <summary>
    /// One page of the entries matching <paramref name="search"/>, newest first, as <paramref name="agency"/>'s auditors may
    /// see them: entries by the agency's own people, and every entry about a case the agency owns or was granted
    /// (another agency's reads of it and refusals on it included).
    /// </summary>
    public async Task<Page<CustodySearchHit>> SearchAsync(string agency, CustodySearch search, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(search);
        ArgumentNullException.ThrowIfNull(page);
        await using var connection = await _database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var conditions = new List<string>();
        var parameters = new DynamicParameters(new { agency, Limit = (long)page.Limit, page.Offset });
        // Cases the agency may audit: its own and those shared with it.
        const string Visible = "(SELECT id FROM cases WHERE owning_agency = @agency UNION SELECT case_id FROM case_grants WHERE agency = @agency)";
        const string AboutCase =
            "((e.object_type = 'case' AND e.object_id = {0}) OR (e.object_type = 'evidence' AND e.object_id IN (SELECT id FROM evidence WHERE case_id = {0})) " +
            "OR (e.object_type = 'ledger_event' AND e.object_id IN (SELECT id FROM ledger_events WHERE case_id = {0})) " +
            "OR (e.object_type = 'trace' AND e.object_id IN (SELECT id FROM case_traces WHERE case_id = {0})))";
        if (!string.IsNullOrWhiteSpace(search.CaseReference))
        {
            var reference = search.CaseReference.Trim();
            var caseId = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
                "SELECT id FROM cases WHERE reference = @reference", new { reference }, cancellationToken: cancellationToken)).ConfigureAwait(false);
            var escaped = reference.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
            parameters.Add("caseId", caseId ?? "");
            parameters.Add("pathExact", $"% /api/v1/cases/{escaped}");
            parameters.Add("pathUnder", $"% /api/v1/cases/{escaped}/%");
            parameters.Add("requestCase", reference);
            conditions.Add("(" + string.Format(CultureInfo.InvariantCulture, AboutCase, "@caseId") +
                " OR (e.object_type = 'request' AND e.object_id IN (SELECT id FROM legal_requests WHERE case_reference = @requestCase))" +
                " OR (e.object_type = 'http' AND (e.object_id LIKE @pathExact ESCAPE '\\' OR e.object_id LIKE @pathUnder ESCAPE '\\')))");
            conditions.Add($"(e.agency = @agency OR @caseId IN {Visible})");
        }
        else
        {
            conditions.Add($"(e.agency = @agency OR (e.object_type = 'case' AND e.object_id IN {Visible}))");
        }
        if (!string.IsNullOrWhiteSpace(search.User))
        {
            conditions.Add("e.user_name = @user");
            parameters.Add("user", search.User.Trim());
        }
        if (!string.IsNullOrWhiteSpace(search.Action))
        {
            conditions.Add("(e.action = @action OR e.action LIKE @actionArea)");
            parameters.Add("action", search.Action.Trim());
            parameters.Add("actionArea", search.Action.Trim().Replace("%", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal) + ".%");
        }
        if (search.From is { } from)
        {
            conditions.Add("e.recorded_at >= @from");
            parameters.Add("from", CustodyEntry.FormatTime(from));
        }
        if (search.To is { } to)
        {
            conditions.Add("e.recorded_at <= @to");
            parameters.Add("to", CustodyEntry.FormatTime(to));
        }
        var where = string.Join(" AND ", conditions);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT COUNT(*) FROM custody_entries e WHERE {where}", parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
        const string Columns = "e.seq AS Sequence, e.recorded_at AS RecordedAt, e.user_name AS UserName, e.agency AS Agency, e.action AS Action, " +
            "e.object_type AS ObjectType, e.object_id AS ObjectId, e.content_hash AS ContentHash, c.reference AS CaseReference";
        var rows = await connection.QueryAsync<SearchRow>(new CommandDefinition(
            $"SELECT {Columns} FROM custody_entries e LEFT JOIN cases c ON e.object_type = 'case' AND c.id = e.object_id " +
            $"WHERE {where} ORDER BY e.seq DESC LIMIT @Limit OFFSET @Offset", parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return Page<CustodySearchHit>.Of(rows.Select(r => new CustodySearchHit(r.ToEntry(), r.CaseReference)).ToList(), page, total);
    }

    public async Task<InclusionProof> GetInclusionProofAsync(long sequence, long treeSize, CancellationToken cancellationToken = default) =>
        (await GetInclusionProofsAsync([sequence], treeSize, cancellationToken).ConfigureAwait(false))[0];

    public async Task<IReadOnlyList<InclusionProof>> GetInclusionProofsAsync(IReadOnlyList<long> sequences, long treeSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        foreach (var sequence in sequences)
        {
            if (sequence < 0 || sequence >= treeSize)
                throw new CairnException($"entry {sequence} is not inside a log of {treeSize} entries");
        }
        if (sequences.Count == 0) return [];
        await using var connection = await _database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await RequireSizeAsync(connection, treeSize, cancellationToken).ConfigureAwait(false);
        var paths = await SqlMerkleNodes.ComputeAsync(connection, null,
            nodes => sequences.Select(sequence => MerkleTree.InclusionProof(nodes, sequence, treeSize)).ToList(), cancellationToken).ConfigureAwait(false);
        return [.. sequences.Select((sequence, i) => new InclusionProof(sequence, treeSize, paths[i].Select(Convert.ToHexStringLower).ToList()))];
    }

    public async Task<ConsistencyProof> GetConsistencyProofAsync(long firstSize, long secondSize, CancellationToken cancellationToken = default)
    {
        if (firstSize < 0 || firstSize > secondSize)
            throw new CairnException($"no consistency proof from size {firstSize} to size {secondSize}: the first must not exceed the second");
        await using var connection = await _database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await RequireSizeAsync(connection, secondSize, cancellationToken).ConfigureAwait(false);
        var path = await SqlMerkleNodes.ComputeAsync(connection, null, nodes => MerkleTree.ConsistencyProof(nodes, firstSize, secondSize), cancellationToken).ConfigureAwait(false);
        return new ConsistencyProof(firstSize, secondSize, path.Select(Convert.ToHexStringLower).ToList());
    }

    public async Task<LogVerification> VerifyAsync(CancellationToken cancellationToken = default)
    {
        await using var entryConnection = await _database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var headConnection = await _database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var verifier = _database.Signer.Verifier();
        return LogVerifier.Verify(ReadEntries(entryConnection), ReadHeads(headConnection), verifier);
    }

    /// <summary>Appends one entry inside <paramref name="unit"/>'s transaction and signs the new tree head.</summary>
    internal static async Task<CustodyEntry> AppendAsync(UnitOfWork unit, CustodyRecord record)
    {
        // The UPDATE takes the row lock first (PostgreSQL) so concurrent appenders queue here.
        await unit.ExecuteAsync("UPDATE custody_state SET tree_size = tree_size + 1 WHERE id = 1").ConfigureAwait(false);
        var newSize = await unit.ExecuteScalarAsync<long>("SELECT tree_size FROM custody_state WHERE id = 1").ConfigureAwait(false);
        var sequence = newSize - 1;
        var frontier = unit.Frontier is { } own && own.TreeSize == sequence ? own
            : unit.Database.CachedFrontier(sequence) ?? await LoadFrontierAsync(unit, sequence).ConfigureAwait(false);

        var entry = new CustodyEntry(sequence, unit.Time.GetUtcNow(), record.Actor.User, record.Actor.Agency,
            record.Action, record.ObjectType, record.ObjectId, record.ContentHash);
        var created = frontier.Append(entry.LeafHash());
        await unit.ExecuteAsync(
            "INSERT INTO custody_entries (seq, recorded_at, user_name, agency, action, object_type, object_id, content_hash) " +
            "VALUES (@Sequence, @RecordedAtText, @User, @Agency, @Action, @ObjectType, @ObjectId, @ContentHash)", entry).ConfigureAwait(false);
        await InsertNodesAsync(unit, created).ConfigureAwait(false);
        var head = unit.Database.Signer.Sign(new TreeHead(newSize, Convert.ToHexStringLower(frontier.RootHash()), entry.RecordedAt));
        await unit.ExecuteAsync(
            "INSERT INTO custody_tree_heads (tree_size, root_hash, signed_at, key_id, signature) VALUES (@TreeSize, @RootHash, @SignedAt, @KeyId, @Signature)",
            new { head.Head.TreeSize, head.Head.RootHash, SignedAt = CustodyEntry.FormatTime(head.Head.Timestamp), head.KeyId, head.Signature }).ConfigureAwait(false);
        unit.Frontier = frontier;
        return entry;
    }

    internal static async Task RegisterKeyAsync(DbConnection connection, TreeHeadSigner signer, TimeProvider time, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO custody_keys (key_id, public_key_pem, created_at) VALUES (@KeyId, @Pem, @CreatedAt) ON CONFLICT (key_id) DO NOTHING",
            new { signer.KeyId, Pem = signer.ExportPublicKeyPem(), CreatedAt = CustodyEntry.FormatTime(time.GetUtcNow()) }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    private static async Task<MerkleFrontier> LoadFrontierAsync(UnitOfWork unit, long treeSize)
    {
        var coordinates = MerkleFrontier.Coordinates(treeSize).ToList();
        var nodes = await SqlMerkleNodes.FetchAsync(unit.Connection, unit.Transaction, coordinates, unit.CancellationToken).ConfigureAwait(false);
        return new MerkleFrontier(treeSize, coordinates.Select(c => new MerkleNode(c.Level, c.Index,
            nodes.TryGetValue(c, out var hash) ? hash : throw new CairnException($"custody log damaged: node ({c.Level}, {c.Index}) of the right edge is missing; run 'cairn log verify'"))));
    }

    private static async Task InsertNodesAsync(UnitOfWork unit, IReadOnlyList<MerkleNode> nodes)
    {
        var parameters = new DynamicParameters();
        var values = new List<string>();
        for (var i = 0; i < nodes.Count; i++)
        {
            values.Add($"(@l{i}, @i{i}, @h{i})");
            parameters.Add($"l{i}", (long)nodes[i].Level);
            parameters.Add($"i{i}", nodes[i].Index);
            parameters.Add($"h{i}", Convert.ToHexStringLower(nodes[i].Hash));
        }
        await unit.ExecuteAsync("INSERT INTO custody_nodes (level, idx, hash) VALUES " + string.Join(", ", values), parameters).ConfigureAwait(false);
    }

    private static async Task RequireSizeAsync(DbConnection connection, long treeSize, CancellationToken cancellationToken)
    {
        var size = await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT tree_size FROM custody_state WHERE id = 1", cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (treeSize > size) throw new CairnException($"the custody log has {size} entries, not {treeSize}");
    }

    private static IEnumerable<CustodyEntry> ReadEntries(DbConnection connection)
    {
        var after = -1L;
        while (true)
        {
            var page = connection.Query<CustodyRows.Entry>(
                $"SELECT {CustodyRows.EntryColumns} FROM custody_entries WHERE seq > @after ORDER BY seq LIMIT {PageSize}", new { after }).ToList();
            foreach (var row in page) yield return ToEntryTolerant(row);
            if (page.Count < PageSize) yield break;
            after = page[^1].Sequence;
        }
    }

    private static IEnumerable<SignedTreeHead> ReadHeads(DbConnection connection)
    {
        var after = 0L;
        while (true)
        {
            var page = connection.Query<CustodyRows.Head>(
                $"SELECT {CustodyRows.HeadColumns} FROM custody_tree_heads WHERE tree_size > @after ORDER BY tree_size LIMIT {PageSize}", new { after }).ToList();
            foreach (var row in page) yield return ToHeadTolerant(row);
            if (page.Count < PageSize) yield break;
            after = page[^1].TreeSize;
        }
    }

    // A tampered time that no longer parses must surface as a mismatching entry, not a crash:
    // the minimum time can never be the original, so the recomputed leaf differs.
    private static CustodyEntry ToEntryTolerant(CustodyRows.Entry row) =>
        IsTime(row.RecordedAt) ? row.ToEntry()
            : new CustodyEntry(row.Sequence, DateTimeOffset.MinValue, row.UserName, row.Agency, row.Action, row.ObjectType, row.ObjectId, row.ContentHash);

    private static SignedTreeHead ToHeadTolerant(CustodyRows.Head row) =>
        IsTime(row.SignedAt) ? row.ToSignedHead() : new SignedTreeHead(new TreeHead(row.TreeSize, row.RootHash, DateTimeOffset.MinValue), row.KeyId, row.Signature);

    private static bool IsTime(string text) => DateTimeOffset.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'",
        CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _);

    /// <summary>An entry with the reference of the case it is about, when it is about a case.</summary>
    private sealed class SearchRow : CustodyRows.Entry
    {
        public string? CaseReference { get; set; }
    }
}
