using Cairn.Cases.Agencies;
using Cairn.Cases.Custody;
using Cairn.Core;
using Cairn.Core.Paging;
using Cairn.Exchange.Nodes;
using Cairn.Exchange.Store;

namespace Cairn.Storage.Exchange;

/// <summary>
/// Registered partner nodes (exchange_partners): their node cards, registered out of band after
/// comparing fingerprints. Registering logs "exchange.partner.add" with the card's hash; a node id
/// can be registered once (a key change is a new registration decision, not a silent update).
/// </summary>
public sealed class SqlPartnerStore : IPartnerStore
{
    private const string Columns = "node_id AS NodeId, card AS Card, added_at AS AddedAt, added_by AS AddedBy";
    private readonly CairnDatabase _database;

    public SqlPartnerStore(CairnDatabase database)
    {
        _database = database;
    }

    public Task<NodeCard> AddAsync(Actor actor, NodeCard card, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(card);
        card.Validate($"node card of '{card.NodeId}'");
        return _database.InTransactionAsync(actor, async unit =>
        {
            var existing = await FindAsync(unit, card.NodeId).ConfigureAwait(false);
            if (existing is not null)
            {
                if (existing.SigningKey == card.SigningKey && existing.EncryptionKey == card.EncryptionKey) return existing;
                throw new CairnException($"partner '{card.NodeId}' is already registered with other keys (signing {existing.SigningFingerprint}); keys are never replaced silently");
            }
            var json = card.ToJson();
            await unit.ExecuteAsync(
                "INSERT INTO exchange_partners (node_id, name, agency, country, endpoint, signing_fingerprint, encryption_fingerprint, card, added_at, added_by) " +
                "VALUES (@NodeId, @Name, @Agency, @Country, @Endpoint, @SigningFingerprint, @EncryptionFingerprint, @Card, @Now, @By)",
                new { card.NodeId, card.Name, card.Agency, card.Country, card.Endpoint, card.SigningFingerprint, card.EncryptionFingerprint, Card = json, Now = CustodyEntry.FormatTime(unit.Time.GetUtcNow()), By = unit.Actor.ToString() }).ConfigureAwait(false);
            await unit.RecordAsync("exchange.partner.add", "partner", card.NodeId, CustodyRecord.HashOf(json)).ConfigureAwait(false);
            return card;
        }, cancellationToken);
    }

    public Task<IReadOnlyList<NodeCard>> ListAsync(CancellationToken cancellationToken = default) =>
        _database.QueryAsync<IReadOnlyList<NodeCard>>(async connection =>
        {
            var rows = await Dapper.SqlMapper.QueryAsync<Row>(connection, new Dapper.CommandDefinition($"SELECT {Columns} FROM exchange_partners ORDER BY node_id", cancellationToken: cancellationToken)).ConfigureAwait(false);
            return rows.Select(r => r.ToCard()).ToList();
        }, cancellationToken);

    /// <summary>One page of the registered partners, by node id (paged by the database).</summary>
    public Task<Page<NodeCard>> ListAsync(PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(page);
        return _database.QueryAsync(async connection =>
        {
            var total = await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection, new Dapper.CommandDefinition("SELECT COUNT(*) FROM exchange_partners", cancellationToken: cancellationToken)).ConfigureAwait(false);
            var rows = await Dapper.SqlMapper.QueryAsync<Row>(connection, new Dapper.CommandDefinition($"SELECT {Columns} FROM exchange_partners ORDER BY node_id LIMIT @Limit OFFSET @Offset",
                new { Limit = (long)page.Limit, page.Offset }, cancellationToken: cancellationToken)).ConfigureAwait(false);
            return Page<NodeCard>.Of(rows.Select(r => r.ToCard()).ToList(), page, total);
        }, cancellationToken);
    }

    public Task<NodeCard?> FindAsync(string nodeId, CancellationToken cancellationToken = default) =>
        _database.QueryAsync(async connection =>
        {
            var row = await Dapper.SqlMapper.QuerySingleOrDefaultAsync<Row>(connection, new Dapper.CommandDefinition($"SELECT {Columns} FROM exchange_partners WHERE node_id = @nodeId", new { nodeId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
            return row?.ToCard();
        }, cancellationToken);

    public static async Task<NodeCard?> FindAsync(UnitOfWork unit, string nodeId)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var row = await unit.QuerySingleOrDefaultAsync<Row>($"SELECT {Columns} FROM exchange_partners WHERE node_id = @nodeId", new { nodeId }).ConfigureAwait(false);
        return row?.ToCard();
    }

    public static async Task<NodeCard> GetAsync(UnitOfWork unit, string nodeId) =>
        await FindAsync(unit, nodeId).ConfigureAwait(false) ?? throw new NotFoundException($"unknown partner node '{nodeId}': register it with 'cairn exchange partner add'");

    private sealed class Row
    {
        public string NodeId { get; set; } = "";
        public string Card { get; set; } = "";
        public string AddedAt { get; set; } = "";
        public string AddedBy { get; set; } = "";

        public NodeCard ToCard() => NodeCard.Parse(Card, $"stored card of partner '{NodeId}'");
    }
}
