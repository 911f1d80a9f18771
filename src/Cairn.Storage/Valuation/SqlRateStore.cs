using System.Globalization;
using Cairn.Cases.Agencies;
using Cairn.Cases.Custody;
using Cairn.Storage.Intel;
using Cairn.Valuation.Rates;

namespace Cairn.Storage.Valuation;

/// <summary>
/// Rate tables (Valuation/Migrations/065_rate_tables.sql). An import inserts the table and its days
/// in one transaction with its custody entry <c>rates.import</c> (object: asset/currency, content:
/// the file's SHA-256), so who brought which rates from which source stays on the record.
/// </summary>
public sealed class SqlRateStore : IRateStore
{
    private const string Columns = "id AS Id, asset AS Asset, currency AS Currency, source AS Source, file_name AS FileName, file_sha256 AS FileSha256, " +
        "points AS Points, first_date AS FirstDate, last_date AS LastDate, imported_by AS ImportedBy, imported_at AS ImportedAt";

    private readonly CairnDatabase _database;
    private readonly Actor _actor;

    public SqlRateStore(CairnDatabase database, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(actor);
        _database = database;
        _actor = actor;
    }

    public Task<RateTable> ImportAsync(RateTable table, IReadOnlyList<RatePoint> points, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(points);
        return _database.InTransactionAsync(_actor, async unit =>
        {
            var stored = table with { Id = CairnIds.New(unit.Time), ImportedBy = unit.Actor.ToString(), ImportedAt = unit.Time.GetUtcNow() };
            await unit.ExecuteAsync(
                "INSERT INTO rate_tables (id, asset, currency, source, file_name, file_sha256, points, first_date, last_date, imported_by, imported_at) " +
                "VALUES (@Id, @Asset, @Currency, @Source, @FileName, @FileSha256, @Points, @First, @Last, @ImportedBy, @At)",
                new { stored.Id, stored.Asset, stored.Currency, stored.Source, stored.FileName, stored.FileSha256, Points = (long)stored.Points,
                    First = Day(stored.FirstDate), Last = Day(stored.LastDate), stored.ImportedBy, At = CustodyEntry.FormatTime(stored.ImportedAt) }).ConfigureAwait(false);
            await BatchInsert.RunAsync(unit, "rate_points", ["table_id", "day", "rate"],
                points.Select(p => new object?[] { stored.Id, Day(p.Date), p.Rate.ToString(CultureInfo.InvariantCulture) })).ConfigureAwait(false);
            await unit.RecordAsync("rates.import", "rate_table", $"{stored.Asset}/{stored.Currency}", stored.FileSha256).ConfigureAwait(false);
            return stored;
        }, cancellationToken);
    }

    public Task<IReadOnlyList<RateTable>> ListAsync(CancellationToken cancellationToken = default) =>
        _database.QueryAsync<IReadOnlyList<RateTable>>(async connection =>
            [.. (await Dapper.SqlMapper.QueryAsync<Row>(connection, new Dapper.CommandDefinition($"SELECT {Columns} FROM rate_tables ORDER BY imported_at DESC, id DESC",
                cancellationToken: cancellationToken)).ConfigureAwait(false)).Select(r => r.ToTable())], cancellationToken);

    public Task<IReadOnlyList<(RateTable Table, IReadOnlyList<RatePoint> Points)>> LoadCurrentAsync(CancellationToken cancellationToken = default) =>
        _database.QueryAsync<IReadOnlyList<(RateTable, IReadOnlyList<RatePoint>)>>(async connection =>
        {
            var tables = (await Dapper.SqlMapper.QueryAsync<Row>(connection, new Dapper.CommandDefinition($"SELECT {Columns} FROM rate_tables ORDER BY imported_at DESC, id DESC",
                cancellationToken: cancellationToken)).ConfigureAwait(false)).Select(r => r.ToTable())
                .GroupBy(t => (t.Asset, t.Currency)).Select(g => g.First()).ToList();
            var result = new List<(RateTable, IReadOnlyList<RatePoint>)>(tables.Count);
            foreach (var table in tables)
            {
                var points = await Dapper.SqlMapper.QueryAsync<(string Day, string Rate)>(connection, new Dapper.CommandDefinition(
                    "SELECT day, rate FROM rate_points WHERE table_id = @Id ORDER BY day", new { table.Id }, cancellationToken: cancellationToken)).ConfigureAwait(false);
                result.Add((table, [.. points.Select(p => new RatePoint(DateOnly.ParseExact(p.Day, "yyyy-MM-dd", CultureInfo.InvariantCulture), decimal.Parse(p.Rate, CultureInfo.InvariantCulture)))]));
            }
            return result;
        }, cancellationToken);

    public Task<long> GetRevisionAsync(CancellationToken cancellationToken = default) =>
        _database.QueryAsync(connection => Dapper.SqlMapper.ExecuteScalarAsync<long>(connection,
            new Dapper.CommandDefinition("SELECT COUNT(*) FROM rate_tables", cancellationToken: cancellationToken)), cancellationToken);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private sealed class Row
    {
        public string Id { get; set; } = "";
        public string Asset { get; set; } = "";
        public string Currency { get; set; } = "";
        public string Source { get; set; } = "";
        public string FileName { get; set; } = "";
        public string FileSha256 { get; set; } = "";
        public long Points { get; set; }
        public string FirstDate { get; set; } = "";
        public string LastDate { get; set; } = "";
        public string ImportedBy { get; set; } = "";
        public string ImportedAt { get; set; } = "";

        public RateTable ToTable() => new()
        {
            Id = Id, Asset = Asset, Currency = Currency, Source = Source, FileName = FileName, FileSha256 = FileSha256, Points = (int)Points,
            FirstDate = DateOnly.ParseExact(FirstDate, "yyyy-MM-dd", CultureInfo.InvariantCulture), LastDate = DateOnly.ParseExact(LastDate, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            ImportedBy = ImportedBy, ImportedAt = CustodyEntry.ParseTime(ImportedAt),
        };
    }
}
