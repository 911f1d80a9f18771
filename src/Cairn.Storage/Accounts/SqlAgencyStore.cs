using Cairn.Cases.Agencies;
using Cairn.Cases.Custody;
using Cairn.Core;
using Cairn.Core.Paging;

namespace Cairn.Storage.Accounts;

/// <summary>
/// The agency registry in SQL: the <c>agencies</c> table of 002 with the registry columns of
/// Accounts/Migrations/051_agency_registry.sql. A row with <c>registered_at</c> NULL was only seen
/// acting (CLI users, older installations) and is not in the registry until an admin registers it.
/// </summary>
public sealed class SqlAgencyStore : IAgencyStore
{
    private const string Columns = "code AS Code, name AS Name, country AS State, kind AS Kind";

    private readonly CairnDatabase _database;

    public SqlAgencyStore(CairnDatabase database) => _database = database;

    public Task<Page<Agency>> ListAsync(PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(page);
        return _database.QueryAsync(async connection =>
        {
            var total = await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection, "SELECT COUNT(*) FROM agencies WHERE registered_at IS NOT NULL").ConfigureAwait(false);
            var rows = await Dapper.SqlMapper.QueryAsync<Row>(connection, $"SELECT {Columns} FROM agencies WHERE registered_at IS NOT NULL ORDER BY code LIMIT @Limit OFFSET @Offset",
                new { Limit = (long)page.Limit, page.Offset }).ConfigureAwait(false);
            return Page<Agency>.Of(rows.Select(r => r.ToAgency()).ToList(), page, total);
        }, cancellationToken);
    }

    public Task<Agency?> FindAsync(string code, CancellationToken cancellationToken = default) =>
        _database.QueryAsync(async connection =>
        {
            var row = await Dapper.SqlMapper.QuerySingleOrDefaultAsync<Row>(connection, $"SELECT {Columns} FROM agencies WHERE code = @code AND registered_at IS NOT NULL", new { code }).ConfigureAwait(false);
            return row?.ToAgency();
        }, cancellationToken);

    public Task<Agency> RegisterAsync(Actor by, Agency agency, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(agency);
        return _database.InTransactionAsync(by, async unit =>
        {
            var registered = await unit.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM agencies WHERE code = @Code AND registered_at IS NOT NULL", agency).ConfigureAwait(false);
            if (registered > 0) throw CairnException.Invalid("code", $"agency '{agency.Code}' is already registered");
            var values = new { agency.Code, agency.Name, agency.State, Kind = KindText(agency.Kind), At = CustodyEntry.FormatTime(unit.Time.GetUtcNow()), By = unit.Actor.User };
            await unit.ExecuteAsync(
                "INSERT INTO agencies (code, name, country, kind, registered_at, registered_by) VALUES (@Code, @Name, @State, @Kind, @At, @By) " +
                "ON CONFLICT (code) DO UPDATE SET name = @Name, country = @State, kind = @Kind, registered_at = @At, registered_by = @By", values).ConfigureAwait(false);
            await unit.RecordAsync("agency.register", "agency", agency.Code, HashOf(agency)).ConfigureAwait(false);
            return agency;
        }, cancellationToken);
    }

    public Task<Agency> UpdateAsync(Actor by, Agency agency, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(agency);
        return _database.InTransactionAsync(by, async unit =>
        {
            var changed = await unit.ExecuteAsync("UPDATE agencies SET name = @Name, country = @State, kind = @Kind WHERE code = @Code AND registered_at IS NOT NULL",
                new { agency.Code, agency.Name, agency.State, Kind = KindText(agency.Kind) }).ConfigureAwait(false);
            if (changed == 0) throw new NotFoundException($"no registered agency '{agency.Code}'");
            await unit.RecordAsync("agency.update", "agency", agency.Code, HashOf(agency)).ConfigureAwait(false);
            return agency;
        }, cancellationToken);
    }

    private static string? KindText(AgencyKind? kind) => kind?.ToString().ToLowerInvariant();

    private static string HashOf(Agency agency) => CustodyRecord.HashOf($"{agency.Code}|{agency.Name}|{agency.State}|{KindText(agency.Kind)}");

    private sealed class Row
    {
        public string Code { get; set; } = "";
        public string Name { get; set; } = "";
        public string State { get; set; } = "";
        public string? Kind { get; set; }

        public Agency ToAgency() => new(Code, Name, State, Kind is null ? null : Enum.Parse<AgencyKind>(Kind, ignoreCase: true));
    }
}
