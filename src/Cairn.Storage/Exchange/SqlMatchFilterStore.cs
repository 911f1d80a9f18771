using Cairn.Cases.Agencies;
using Cairn.Cases.Custody;
using Cairn.Exchange.Store;

namespace Cairn.Storage.Exchange;

/// <summary>exchange_match_filters (Exchange/Migrations/092_match_filters.sql): the filters sent to partners, with their HMAC keys.</summary>
public sealed class SqlMatchFilterStore : IMatchFilterStore
{
    private readonly CairnDatabase _database;

    public SqlMatchFilterStore(CairnDatabase database) => _database = database;

    public Task RecordAsync(Actor actor, PublishedFilter filter, string filterSha256, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return _database.InTransactionAsync(actor, async unit =>
        {
            await unit.ExecuteAsync(
                "INSERT INTO exchange_match_filters (id, agency, partner, message_id, hmac_key, entries, created_at, created_by) VALUES (@Id, @Agency, @Partner, @MessageId, @Key, @Entries, @CreatedAt, @CreatedBy)",
                new { filter.Id, filter.Agency, filter.Partner, filter.MessageId, Key = Convert.ToBase64String(filter.Key), filter.Entries, CreatedAt = CustodyEntry.FormatTime(filter.CreatedAt), filter.CreatedBy }).ConfigureAwait(false);
            await unit.RecordAsync("deconfliction.filter.publish", "match_filter", filter.Id, filterSha256).ConfigureAwait(false);
            return 0;
        }, cancellationToken);
    }

    public Task SetMessageAsync(Actor actor, string filterId, string messageId, CancellationToken cancellationToken = default) =>
        _database.InTransactionAsync(actor, unit =>
            unit.ExecuteAsync("UPDATE exchange_match_filters SET message_id = @messageId WHERE id = @filterId AND agency = @Agency", new { messageId, filterId, unit.Actor.Agency }), cancellationToken);

    public Task<PublishedFilter?> FindAsync(Actor actor, string filterId, CancellationToken cancellationToken = default) =>
        _database.InTransactionAsync(actor, async unit =>
        {
            var row = await unit.QuerySingleOrDefaultAsync<Row>(
                "SELECT id AS Id, agency AS Agency, partner AS Partner, message_id AS MessageId, hmac_key AS HmacKey, entries AS Entries, created_at AS CreatedAt, created_by AS CreatedBy " +
                "FROM exchange_match_filters WHERE id = @filterId AND agency = @Agency", new { filterId, unit.Actor.Agency }).ConfigureAwait(false);
            return row is null ? null
                : new PublishedFilter(row.Id, row.Agency, row.Partner, row.MessageId, Convert.FromBase64String(row.HmacKey), row.Entries, CustodyEntry.ParseTime(row.CreatedAt), row.CreatedBy);
        }, cancellationToken);

    private sealed class Row
    {
        public string Id { get; set; } = "";
        public string Agency { get; set; } = "";
        public string Partner { get; set; } = "";
        public string? MessageId { get; set; }
        public string HmacKey { get; set; } = "";
        public long Entries { get; set; }
        public string CreatedAt { get; set; } = "";
        public string CreatedBy { get; set; } = "";
    }
}
