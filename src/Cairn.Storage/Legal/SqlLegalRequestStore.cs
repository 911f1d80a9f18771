using Cairn.Cases.Agencies;
using Cairn.Cases.Custody;
using Cairn.Cases.Requests;
using Cairn.Core;
using Cairn.Core.Paging;
using Cairn.Storage.Cases;

namespace Cairn.Storage.Legal;

/// <summary>
/// Legal requests in SQL (Legal/Migrations/030_legal_requests.sql, validations in 031). Every call is one transaction
/// with its custody entry: request.create, request.read, request.list, request.&lt;action&gt; for
/// changes (e.g. request.status.sent), request.validate and request.render with the SHA-256 of the rendered file.
/// Requests are visible to the agency that drafted them.
/// </summary>
public sealed class SqlLegalRequestStore : ILegalRequestStore
{
    private const string Columns = "id AS Id, case_reference AS CaseReference, requested_state AS RequestedState, request_type AS RequestType, status AS Status, body AS Body, version AS Version, owning_agency AS OwningAgency";
    private readonly CairnDatabase _database;

    public SqlLegalRequestStore(CairnDatabase database)
    {
        _database = database;
    }

    public Task<StoredLegalRequest> CreateAsync(Actor actor, StoredLegalRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _database.InTransactionAsync(actor, async unit =>
        {
            await SqlCaseStore.EnsureActorAsync(unit).ConfigureAwait(false);
            var taken = await unit.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM legal_requests WHERE id = @Id", request).ConfigureAwait(false);
            if (taken > 0) throw new CairnException($"request '{request.Id}' already exists");
            var now = CustodyEntry.FormatTime(unit.Time.GetUtcNow());
            await unit.ExecuteAsync(
                "INSERT INTO legal_requests (id, case_reference, requested_state, request_type, status, owning_agency, body, version, created_at, updated_at) " +
                "VALUES (@Id, @CaseReference, @RequestedState, @RequestType, @Status, @Agency, @Body, 1, @Now, @Now)",
                new { request.Id, request.CaseReference, request.RequestedState, request.RequestType, request.Status, unit.Actor.Agency, request.Body, Now = now }).ConfigureAwait(false);
            await unit.RecordAsync("request.create", "request", request.Id, CustodyRecord.HashOf(request.Body)).ConfigureAwait(false);
            return request with { Version = 1 };
        }, cancellationToken);
    }

    public Task<StoredLegalRequest> GetAsync(Actor actor, string id, CancellationToken cancellationToken = default) =>
        _database.InTransactionAsync(actor, async unit =>
        {
            var found = await LoadAsync(unit, id).ConfigureAwait(false);
            var validations = await unit.QueryAsync<ValidationRow>(
                "SELECT request_id AS RequestId, request_version AS RequestVersion, validated_by AS ValidatedBy, agency AS Agency, role AS Role, validated_at AS ValidatedAt, " +
                "content_sha256 AS ContentSha256, citation AS Citation FROM legal_request_validations WHERE request_id = @id ORDER BY validated_at, request_version", new { id }).ConfigureAwait(false);
            await unit.RecordAsync("request.read", "request", id, CustodyRecord.HashOf(found.Body)).ConfigureAwait(false);
            return found with { Validations = validations.Select(v => v.ToStored()).ToList() };
        }, cancellationToken);

    public Task<IReadOnlyList<StoredLegalRequest>> ListAsync(Actor actor, CancellationToken cancellationToken = default) =>
        _database.InTransactionAsync(actor, async unit =>
        {
            var rows = await unit.QueryAsync<Row>($"SELECT {Columns} FROM legal_requests WHERE owning_agency = @Agency ORDER BY created_at, id", new { unit.Actor.Agency }).ConfigureAwait(false);
            IReadOnlyList<StoredLegalRequest> list = rows.Select(r => r.ToStored()).ToList();
            await unit.RecordAsync("request.list", "request", "*", CustodyRecord.HashOf(string.Join("\n", list.Select(r => r.Id)))).ConfigureAwait(false);
            return list;
        }, cancellationToken);

    /// <summary>One page of the agency's requests (of one case when <paramref name="caseReference"/> is given), paged by the database.</summary>
    public Task<Page<StoredLegalRequest>> ListAsync(Actor actor, string? caseReference, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(page);
        return _database.InTransactionAsync(actor, async unit =>
        {
            var where = "WHERE owning_agency = @Agency" + (caseReference is null ? "" : " AND case_reference = @caseReference");
            var total = await unit.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM legal_requests {where}", new { unit.Actor.Agency, caseReference }).ConfigureAwait(false);
            var rows = await unit.QueryAsync<Row>($"SELECT {Columns} FROM legal_requests {where} ORDER BY created_at, id LIMIT @Limit OFFSET @Offset",
                new { unit.Actor.Agency, caseReference, Limit = (long)page.Limit, page.Offset }).ConfigureAwait(false);
            IReadOnlyList<StoredLegalRequest> list = rows.Select(r => r.ToStored()).ToList();
            await unit.RecordAsync("request.list", "request", "*", CustodyRecord.HashOf(string.Join("\n", list.Select(r => r.Id)))).ConfigureAwait(false);
            return Page<StoredLegalRequest>.Of(list, page, total);
        }, cancellationToken);
    }

    public Task<Page<StoredLegalRequest>> SearchAsync(Actor actor, string? caseReference, string? status, string? requestedState, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(page);
        return _database.InTransactionAsync(actor, async unit =>
        {
            var where = "WHERE owning_agency = @Agency" + (caseReference is null ? "" : " AND case_reference = @caseReference")
                + (status is null ? "" : " AND status = @status") + (requestedState is null ? "" : " AND requested_state = @requestedState");
            var args = new { unit.Actor.Agency, caseReference, status, requestedState, Limit = (long)Math.Min(page.Limit, int.MaxValue), page.Offset };
            var total = await unit.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM legal_requests {where}", args).ConfigureAwait(false);
            var rows = await unit.QueryAsync<Row>($"SELECT {Columns} FROM legal_requests {where} ORDER BY created_at, id LIMIT @Limit OFFSET @Offset", args).ConfigureAwait(false);
            IReadOnlyList<StoredLegalRequest> list = rows.Select(r => r.ToStored()).ToList();
            await unit.RecordAsync("request.list", "request", "*", CustodyRecord.HashOf(string.Join("\n", list.Select(r => r.Id)))).ConfigureAwait(false);
            return Page<StoredLegalRequest>.Of(list, page, total);
        }, cancellationToken);
    }

    public Task<IReadOnlyList<StoredLegalRequest>> ListOfCaseAsync(Actor actor, string caseReference, CancellationToken cancellationToken = default) =>
        _database.InTransactionAsync(actor, async unit =>
        {
            var rows = await unit.QueryAsync<Row>($"SELECT {Columns} FROM legal_requests WHERE case_reference = @caseReference ORDER BY created_at, id", new { caseReference }).ConfigureAwait(false);
            IReadOnlyList<StoredLegalRequest> list = rows.Select(r => r.ToStored()).ToList();
            await unit.RecordAsync("request.list", "request", "case:" + caseReference, CustodyRecord.HashOf(string.Join("\n", list.Select(r => r.Id)))).ConfigureAwait(false);
            return list;
        }, cancellationToken);

    /// <summary>Saves a changed request (status change, content edit) if nobody saved it since <see cref="StoredLegalRequest.Version"/>; logs "request.<paramref name="action"/>".</summary>
    public Task<StoredLegalRequest> UpdateAsync(Actor actor, StoredLegalRequest changed, string action, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changed);
        return _database.InTransactionAsync(actor, async unit =>
        {
            await LoadAsync(unit, changed.Id).ConfigureAwait(false);
            var updated = await unit.ExecuteAsync(
                "UPDATE legal_requests SET status = @Status, body = @Body, version = version + 1, updated_at = @Now WHERE id = @Id AND version = @Version",
                new { changed.Status, changed.Body, changed.Id, changed.Version, Now = CustodyEntry.FormatTime(unit.Time.GetUtcNow()) }).ConfigureAwait(false);
            if (updated == 0) throw new ConcurrencyException($"request '{changed.Id}' was changed by someone else since version {changed.Version}: reload and retry");
            await unit.RecordAsync("request." + action, "request", changed.Id, CustodyRecord.HashOf(changed.Body)).ConfigureAwait(false);
            return changed with { Version = changed.Version + 1 };
        }, cancellationToken);
    }

    public Task RecordValidationAsync(Actor actor, StoredValidation validation, long expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(validation);
        return _database.InTransactionAsync(actor, async unit =>
        {
            var current = await LoadAsync(unit, validation.RequestId).ConfigureAwait(false);
            if (current.Version != expectedVersion)
                throw new ConcurrencyException($"request '{validation.RequestId}' was changed by someone else since version {expectedVersion}: reload and validate what is saved now");
            // One validation per person and text (the table's key): a second click on the same text is refused on one line, not a
            // constraint failure (a 500 found by the API fuzz pass of session 11, issue 17). ON CONFLICT keeps it atomic on both dialects.
            var inserted = await unit.ExecuteAsync(
                "INSERT INTO legal_request_validations (request_id, request_version, validated_by, agency, role, validated_at, content_sha256, citation) " +
                "VALUES (@RequestId, @RequestVersion, @ValidatedBy, @Agency, @Role, @ValidatedAt, @ContentSha256, @Citation) " +
                "ON CONFLICT (request_id, request_version, validated_by) DO NOTHING",
                new
                {
                    validation.RequestId, RequestVersion = expectedVersion, validation.ValidatedBy, validation.Agency, validation.Role,
                    ValidatedAt = CustodyEntry.FormatTime(validation.ValidatedAt), validation.ContentSha256, validation.Citation,
                }).ConfigureAwait(false);
            if (inserted == 0)
                throw CairnException.Invalid("request", $"{validation.ValidatedBy} has already validated request '{validation.RequestId}' as it is now (version {expectedVersion}): a second validation of the same text adds nothing");
            await unit.RecordAsync("request.validate", "request", validation.RequestId, validation.ContentSha256).ConfigureAwait(false);
            return 0;
        }, cancellationToken);
    }

    /// <summary>Logs that the request was rendered as <paramref name="format"/>; the content hash is that of the produced file.</summary>
    public Task RecordRenderingAsync(Actor actor, string id, string format, byte[] rendered, CancellationToken cancellationToken = default) =>
        _database.InTransactionAsync(actor, async unit =>
        {
            await LoadAsync(unit, id).ConfigureAwait(false);
            await unit.RecordAsync("request.render." + format, "request", id, CustodyRecord.HashOf(rendered)).ConfigureAwait(false);
            return 0;
        }, cancellationToken);

    private static async Task<StoredLegalRequest> LoadAsync(UnitOfWork unit, string id)
    {
        var row = await unit.QuerySingleOrDefaultAsync<Row>($"SELECT {Columns} FROM legal_requests WHERE id = @id AND owning_agency = @Agency{unit.ForUpdate}", new { id, unit.Actor.Agency }).ConfigureAwait(false);
        return row?.ToStored() ?? throw new NotFoundException($"no request '{id}'");
    }

    private sealed class ValidationRow
    {
        public string RequestId { get; set; } = "";
        public long RequestVersion { get; set; }
        public string ValidatedBy { get; set; } = "";
        public string Agency { get; set; } = "";
        public string Role { get; set; } = "";
        public string ValidatedAt { get; set; } = "";
        public string ContentSha256 { get; set; } = "";
        public string Citation { get; set; } = "";

        public StoredValidation ToStored() => new(RequestId, ValidatedBy, Agency, Role, CustodyEntry.ParseTime(ValidatedAt), ContentSha256, Citation) { RequestVersion = RequestVersion };
    }

    private sealed class Row
    {
        public string Id { get; set; } = "";
        public string? CaseReference { get; set; }
        public string RequestedState { get; set; } = "";
        public string RequestType { get; set; } = "";
        public string Status { get; set; } = "";
        public string Body { get; set; } = "";
        public long Version { get; set; }
        public string OwningAgency { get; set; } = "";

        public StoredLegalRequest ToStored() => new(Id, CaseReference, RequestedState, RequestType, Status, Body) { Version = Version, OwningAgency = OwningAgency };
    }
}
