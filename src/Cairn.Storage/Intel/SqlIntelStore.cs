using Cairn.Cases.Custody;
using Cairn.Intel.Actors;
using Cairn.Intel.Sanctions;
using Cairn.Intel.Store;
using Cairn.Intel.Tags;
using Actor = Cairn.Intel.Actors.Actor;
using Investigator = Cairn.Cases.Agencies.Actor;

namespace Cairn.Storage.Intel;

/// <summary>
/// Tags, actors and sanctions lists in SQL (Intel/Migrations/020_intel.sql), one transaction per
/// call. Saving a pack whose version is stored already writes nothing; a new version deletes the
/// pack's rows and inserts the new ones in the same transaction, bumps <c>intel_revision</c> and
/// records <c>intel.import</c> in the custody log (imports change what investigators will see).
/// </summary>
public sealed class SqlIntelStore : IIntelStore
{
    private readonly CairnDatabase _database;
    private readonly Investigator _actor;

    /// <summary><paramref name="actor"/> is who the custody log names for imports and user tags.</summary>
    public SqlIntelStore(CairnDatabase database, Investigator actor)
    {
        _database = database;
        _actor = actor;
    }

    public Task<PackChange> SaveTagPackAsync(TagPack pack, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pack);
        var info = new PackInfo(pack.Id, PackKind.TagPack, pack.Title, pack.Creator, pack.Version, pack.Tags.Count, pack.IsPublic);
        return SavePackAsync(info, pack.Description, async unit =>
        {
            await unit.ExecuteAsync("DELETE FROM intel_tags WHERE pack_id = @Id", new { pack.Id }).ConfigureAwait(false);
            await BatchInsert.RunAsync(unit, "intel_tags", IntelRows.TagInsertColumns, pack.Tags.Select((t, i) => IntelRows.TagValues(t with { PackId = pack.Id }, i))).ConfigureAwait(false);
        }, cancellationToken);
    }

    public Task<PackChange> SaveActorPackAsync(ActorPack pack, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pack);
        var info = new PackInfo(pack.Id, PackKind.ActorPack, pack.Title, pack.Creator, pack.Version, pack.Actors.Count, true);
        return SavePackAsync(info, pack.Description, async unit =>
        {
            // Actor ids are global: a pack's new version replaces its own actors and takes over ids another pack defined.
            await unit.ExecuteAsync("DELETE FROM intel_actors WHERE pack_id = @Id", new { pack.Id }).ConfigureAwait(false);
            await unit.ExecuteAsync("DELETE FROM intel_actors WHERE id = @Id", pack.Actors.Select(a => new { a.Id }).ToList()).ConfigureAwait(false);
            await BatchInsert.RunAsync(unit, "intel_actors", IntelRows.ActorInsertColumns, pack.Actors.Select(a => IntelRows.ActorValues(a with { PackId = pack.Id }))).ConfigureAwait(false);
        }, cancellationToken);
    }

    public Task<PackChange> SaveSanctionsAsync(string listName, string version, IReadOnlyList<SanctionedAddress> addresses, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        var info = new PackInfo(listName, PackKind.SanctionsList, listName, "OFAC", version, addresses.Count, true);
        return SavePackAsync(info, null, async unit =>
        {
            await unit.ExecuteAsync("DELETE FROM intel_sanctions WHERE list_name = @listName", new { listName }).ConfigureAwait(false);
            await BatchInsert.RunAsync(unit, "intel_sanctions", IntelRows.SanctionInsertColumns, addresses.Select((a, i) => IntelRows.SanctionValues(listName, a, i))).ConfigureAwait(false);
        }, cancellationToken);
    }

    public Task AddUserTagAsync(Tag tag, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tag);
        return _database.InTransactionAsync(_actor, async unit =>
        {
            var position = await unit.ExecuteScalarAsync<long?>("SELECT MAX(position) FROM intel_tags WHERE pack_id = @UserPackId", new { Tag.UserPackId }).ConfigureAwait(false);
            var row = IntelRows.TagValues(tag with { PackId = Tag.UserPackId }, (position ?? -1) + 1);
            await BatchInsert.RunAsync(unit, "intel_tags", IntelRows.TagInsertColumns, [row]).ConfigureAwait(false);
            await BumpRevisionAsync(unit).ConfigureAwait(false);
            await unit.RecordAsync("intel.tag.add", "tag", $"{tag.Currency}:{tag.Identifier}", CustodyRecord.HashOf(string.Join("\t", row))).ConfigureAwait(false);
        }, cancellationToken);
    }

    public Task<IReadOnlyList<Tag>> LoadTagsAsync(TagFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var conditions = new List<string>();
        if (filter.PackId is not null) conditions.Add("pack_id = @PackId");
        if (filter.Currency is not null) conditions.Add("UPPER(currency) = UPPER(@Currency)");
        if (filter.Category is not null) conditions.Add("category = @Category");
        if (filter.Abuse is not null) conditions.Add("abuse = @Abuse");
        if (filter.Actor is not null) conditions.Add("actor = @Actor");
        if (filter.Address is not null) conditions.Add("LOWER(identifier) = LOWER(@Address)");
        if (filter.IsPublic is not null) conditions.Add("is_public = @PublicFlag");
        var where = conditions.Count == 0 ? "" : " WHERE " + string.Join(" AND ", conditions);
        var parameters = new { filter.PackId, filter.Currency, filter.Category, filter.Abuse, filter.Actor, Address = filter.Address?.Trim(), PublicFlag = filter.IsPublic == true ? 1L : 0L };
        return _database.QueryAsync<IReadOnlyList<Tag>>(async connection =>
        {
            var rows = await Dapper.SqlMapper.QueryAsync<IntelRows.TagRow>(connection,
                new Dapper.CommandDefinition($"SELECT {IntelRows.TagColumns} FROM intel_tags{where} ORDER BY pack_id, position", parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
            return rows.Select(r => r.ToTag()).ToList();
        }, cancellationToken);
    }

    public Task<TagPackHeader?> LoadTagPackHeaderAsync(string packId, CancellationToken cancellationToken = default) =>
        _database.QueryAsync(async connection =>
        {
            var row = await Dapper.SqlMapper.QuerySingleOrDefaultAsync<IntelRows.PackHeaderRow>(connection, new Dapper.CommandDefinition(
                "SELECT id AS Id, title AS Title, creator AS Creator, description AS Description, is_public AS IsPublic FROM intel_packs WHERE kind = 'tagpack' AND id = @packId",
                new { packId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
            return row is null ? null : new TagPackHeader(row.Id, row.Title, row.Creator, row.Description, row.IsPublic != 0);
        }, cancellationToken);

    public Task<IReadOnlyList<Actor>> LoadActorsAsync(CancellationToken cancellationToken = default) =>
        _database.QueryAsync<IReadOnlyList<Actor>>(async connection =>
        {
            var rows = await Dapper.SqlMapper.QueryAsync<IntelRows.ActorRow>(connection,
                new Dapper.CommandDefinition($"SELECT {IntelRows.ActorColumns} FROM intel_actors ORDER BY id", cancellationToken: cancellationToken)).ConfigureAwait(false);
            return rows.Select(r => r.ToActor()).ToList();
        }, cancellationToken);

    public Task<Actor?> FindActorAsync(string id, CancellationToken cancellationToken = default) =>
        _database.QueryAsync(async connection =>
        {
            var row = await Dapper.SqlMapper.QuerySingleOrDefaultAsync<IntelRows.ActorRow>(connection,
                new Dapper.CommandDefinition($"SELECT {IntelRows.ActorColumns} FROM intel_actors WHERE id = @id", new { id }, cancellationToken: cancellationToken)).ConfigureAwait(false);
            return row?.ToActor();
        }, cancellationToken);

    public Task<IReadOnlyList<SanctionedAddress>> LoadSanctionsAsync(CancellationToken cancellationToken = default) =>
        _database.QueryAsync<IReadOnlyList<SanctionedAddress>>(async connection =>
        {
            var rows = await Dapper.SqlMapper.QueryAsync<IntelRows.SanctionRow>(connection,
                new Dapper.CommandDefinition($"SELECT {IntelRows.SanctionColumns} FROM intel_sanctions ORDER BY list_name, position", cancellationToken: cancellationToken)).ConfigureAwait(false);
            return rows.Select(r => r.ToSanctionedAddress()).ToList();
        }, cancellationToken);

    public async Task<IntelStats> GetStatsAsync(CancellationToken cancellationToken = default)
    {
        var tags = await LoadTagsAsync(TagFilter.All, cancellationToken).ConfigureAwait(false);
        return await _database.QueryAsync(async connection =>
        {
            var packs = (await Dapper.SqlMapper.QueryAsync<IntelRows.PackRow>(connection, new Dapper.CommandDefinition(
                "SELECT id AS Id, kind AS Kind, title AS Title, creator AS Creator, version AS Version, item_count AS ItemCount, is_public AS IsPublic FROM intel_packs",
                cancellationToken: cancellationToken)).ConfigureAwait(false))
                .Select(p => new PackInfo(p.Id, KindOf(p.Kind), p.Title, p.Creator, p.Version, (int)p.ItemCount, p.IsPublic != 0)).ToList();
            var userTags = tags.Count(t => t.PackId == Tag.UserPackId);
            if (userTags > 0) packs.Add(new PackInfo(Tag.UserPackId, PackKind.UserTags, "User tags", "users", "", userTags, false));
            var actors = await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection, new Dapper.CommandDefinition("SELECT COUNT(*) FROM intel_actors", cancellationToken: cancellationToken)).ConfigureAwait(false);
            var sanctioned = await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection, new Dapper.CommandDefinition("SELECT COUNT(*) FROM intel_sanctions", cancellationToken: cancellationToken)).ConfigureAwait(false);
            return IntelStatistics.Of(tags, (int)actors, (int)sanctioned, packs);
        }, cancellationToken).ConfigureAwait(false);
    }

    public Task<long> GetRevisionAsync(CancellationToken cancellationToken = default) =>
        _database.QueryAsync(connection => Dapper.SqlMapper.ExecuteScalarAsync<long>(connection,
            new Dapper.CommandDefinition("SELECT revision FROM intel_revision WHERE id = 1", cancellationToken: cancellationToken)), cancellationToken);

    private Task<PackChange> SavePackAsync(PackInfo info, string? description, Func<UnitOfWork, Task> replaceItems, CancellationToken cancellationToken) =>
        _database.InTransactionAsync(_actor, async unit =>
        {
            var kind = KindText(info.Kind);
            var stored = await unit.QuerySingleOrDefaultAsync<string>(
                "SELECT version FROM intel_packs WHERE kind = @kind AND id = @Id" + unit.ForUpdate, new { kind, info.Id }).ConfigureAwait(false);
            if (stored == info.Version) return PackChange.Unchanged;
            await replaceItems(unit).ConfigureAwait(false);
            await unit.ExecuteAsync(
                "INSERT INTO intel_packs (id, kind, title, creator, description, is_public, version, item_count, imported_at) " +
                "VALUES (@Id, @kind, @Title, @Creator, @description, @IsPublic, @Version, @ItemCount, @ImportedAt) " +
                "ON CONFLICT (kind, id) DO UPDATE SET title = excluded.title, creator = excluded.creator, description = excluded.description, " +
                "is_public = excluded.is_public, version = excluded.version, item_count = excluded.item_count, imported_at = excluded.imported_at",
                new { info.Id, kind, info.Title, info.Creator, description, IsPublic = info.IsPublic ? 1L : 0L, info.Version, ItemCount = (long)info.ItemCount, ImportedAt = CustodyEntry.FormatTime(unit.Time.GetUtcNow()) }).ConfigureAwait(false);
            await BumpRevisionAsync(unit).ConfigureAwait(false);
            await unit.RecordAsync("intel.import", kind, info.Id, info.Version).ConfigureAwait(false);
            return stored is null ? PackChange.Added : PackChange.Replaced;
        }, cancellationToken);

    private static Task BumpRevisionAsync(UnitOfWork unit) => unit.ExecuteAsync("UPDATE intel_revision SET revision = revision + 1 WHERE id = 1");

    private static string KindText(PackKind kind) => kind switch
    {
        PackKind.TagPack => "tagpack",
        PackKind.ActorPack => "actorpack",
        _ => "sanctions",
    };

    private static PackKind KindOf(string text) => text switch
    {
        "tagpack" => PackKind.TagPack,
        "actorpack" => PackKind.ActorPack,
        _ => PackKind.SanctionsList,
    };
}
