using System.Globalization;
using System.Numerics;
using Cairn.Cases.Agencies;
using Cairn.Cases.Cases;
using Cairn.Cases.Custody;
using Cairn.Cases.Ledger;
using Cairn.Cases.Victims;
using Cairn.Core;
using Cairn.Storage.Cases;

namespace Cairn.Storage.Victims;

/// <summary>
/// Victims and losses in SQL (Victims/Migrations/013_victims.sql). What a victim received is read from the case's
/// return-to-victim ledger events that point to them: approved ones count, pending ones are shown apart.
/// </summary>
public sealed class SqlVictimStore : IVictimStore
{
    private readonly CairnDatabase _database;

    public SqlVictimStore(CairnDatabase database)
    {
        _database = database;
    }

    public Task<Victim> AddAsync(Actor actor, string caseReference, string name, string details, CancellationToken cancellationToken = default) =>
        _database.InTransactionAsync(actor, async unit =>
        {
            var owner = await SqlCaseStore.LoadVisibleAsync(unit, caseReference, forUpdate: true, need: CaseAccess.Contribute).ConfigureAwait(false);
            var now = unit.Time.GetUtcNow();
            var victim = new Victim(CairnIds.New(unit.Time), owner.Id, name, details, now, unit.Actor.User, unit.Actor.Agency);
            await unit.ExecuteAsync(
                "INSERT INTO victims (id, case_id, name, details, recorded_at, recorded_by, recorded_agency) VALUES (@Id, @CaseId, @Name, @Details, @RecordedAt, @RecordedBy, @RecordedAgency)",
                new { victim.Id, victim.CaseId, victim.Name, victim.Details, RecordedAt = CustodyEntry.FormatTime(now), victim.RecordedBy, victim.RecordedAgency }).ConfigureAwait(false);
            await unit.RecordAsync("victim.add", "victim", victim.Id, CustodyRecord.HashOf(string.Join("|", victim.Id, victim.CaseId, victim.Name, victim.Details))).ConfigureAwait(false);
            return victim;
        }, cancellationToken);

    public Task<VictimLoss> AddLossAsync(Actor actor, string caseReference, string victimId, VictimLoss loss, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(loss);
        return _database.InTransactionAsync(actor, async unit =>
        {
            var owner = await SqlCaseStore.LoadVisibleAsync(unit, caseReference, forUpdate: true, need: CaseAccess.Contribute).ConfigureAwait(false);
            var found = await unit.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM victims WHERE id = @victimId AND case_id = @Id", new { victimId, owner.Id }).ConfigureAwait(false);
            if (found == 0) throw new NotFoundException($"victim '{victimId}' is not part of case '{caseReference}'");
            var recorded = loss with { Id = CairnIds.New(unit.Time), VictimId = victimId, RecordedAt = unit.Time.GetUtcNow(), RecordedBy = unit.Actor.User };
            await unit.ExecuteAsync(
                "INSERT INTO victim_losses (id, victim_id, chain, token, amount, decimals, transaction_ids, description, recorded_at, recorded_by) " +
                "VALUES (@Id, @VictimId, @Chain, @Token, @Amount, @Decimals, @TransactionIds, @Description, @RecordedAt, @RecordedBy)",
                new
                {
                    recorded.Id, recorded.VictimId, recorded.Chain, recorded.Token, Amount = recorded.Amount.ToString(CultureInfo.InvariantCulture), Decimals = (long?)recorded.Decimals,
                    TransactionIds = string.Join("\n", recorded.TransactionIds), recorded.Description, RecordedAt = CustodyEntry.FormatTime(recorded.RecordedAt), recorded.RecordedBy,
                }).ConfigureAwait(false);
            await unit.RecordAsync("victim.loss", "victim", victimId, CustodyRecord.HashOf(string.Join("|", recorded.Id, victimId, recorded.Chain, recorded.Token,
                recorded.Amount.ToString(CultureInfo.InvariantCulture), string.Join(",", recorded.TransactionIds), recorded.Description))).ConfigureAwait(false);
            return recorded;
        }, cancellationToken);
    }

    public Task<IReadOnlyList<VictimAccount>> ListAsync(Actor actor, string caseReference, CancellationToken cancellationToken = default) =>
        _database.InTransactionAsync(actor, async unit =>
        {
            var owner = await SqlCaseStore.LoadVisibleAsync(unit, caseReference).ConfigureAwait(false);
            var accounts = await LoadAsync(unit, owner.Id).ConfigureAwait(false);
            await unit.RecordAsync("victim.list", "case", owner.Id, CustodyRecord.HashOf(string.Join("\n", accounts.Select(a => a.Victim.Id)))).ConfigureAwait(false);
            return accounts;
        }, cancellationToken);

    /// <summary>The victims of a case with their losses and what approved (and pending) returns gave them, inside <paramref name="unit"/>.</summary>
    public static async Task<IReadOnlyList<VictimAccount>> LoadAsync(UnitOfWork unit, string caseId)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var victims = (await unit.QueryAsync<VictimRow>(
            "SELECT id AS Id, name AS Name, details AS Details, recorded_at AS RecordedAt, recorded_by AS RecordedBy, recorded_agency AS RecordedAgency FROM victims WHERE case_id = @caseId ORDER BY recorded_at, id",
            new { caseId }).ConfigureAwait(false)).ToList();
        var losses = (await unit.QueryAsync<LossRow>(
            "SELECT l.id AS Id, l.victim_id AS VictimId, l.chain AS Chain, l.token AS Token, l.amount AS Amount, l.decimals AS Decimals, l.transaction_ids AS TransactionIds, " +
            "l.description AS Description, l.recorded_at AS RecordedAt, l.recorded_by AS RecordedBy FROM victim_losses l JOIN victims v ON v.id = l.victim_id WHERE v.case_id = @caseId ORDER BY l.recorded_at, l.id",
            new { caseId }).ConfigureAwait(false)).ToLookup(l => l.VictimId);
        var returns = (await unit.QueryAsync<ReturnRow>(
            "SELECT victim_id AS VictimId, chain AS Chain, token AS Token, amount AS Amount, decimals AS Decimals, approval AS Approval FROM ledger_events " +
            "WHERE case_id = @caseId AND victim_id IS NOT NULL AND kind = 'return_to_victim' AND approval <> 'rejected'", new { caseId }).ConfigureAwait(false)).ToLookup(r => r.VictimId);
        return victims.Select(v =>
        {
            var victimLosses = losses[v.Id].Select(l => new VictimLoss(l.Id, l.VictimId, l.Chain, l.Token, BigInteger.Parse(l.Amount, CultureInfo.InvariantCulture),
                l.Decimals is { } d ? (int)d : null, l.TransactionIds.Split('\n', StringSplitOptions.RemoveEmptyEntries), l.Description, CustodyEntry.ParseTime(l.RecordedAt), l.RecordedBy)).ToList();
            var victim = new Victim(v.Id, caseId, v.Name, v.Details, CustodyEntry.ParseTime(v.RecordedAt), v.RecordedBy, v.RecordedAgency) { Losses = victimLosses };
            var lines = victimLosses.Select(l => (l.Chain, l.Token)).Concat(returns[v.Id].Select(r => (r.Chain, r.Token))).Distinct()
                .OrderBy(k => k.Chain, StringComparer.Ordinal).ThenBy(k => k.Token, StringComparer.Ordinal)
                .Select(k =>
                {
                    var mine = returns[v.Id].Where(r => r.Chain == k.Chain && r.Token == k.Token).ToList();
                    var decimals = victimLosses.FirstOrDefault(l => l.Chain == k.Chain && l.Token == k.Token && l.Decimals is not null)?.Decimals
                        ?? mine.Select(r => r.Decimals is { } d ? (int?)d : null).FirstOrDefault(d => d is not null)
                        ?? AssetDecimals.Native(new AssetKey(k.Chain, k.Token, ""));
                    return new VictimAccount.Line(k.Chain, k.Token, decimals,
                        Sum(victimLosses.Where(l => l.Chain == k.Chain && l.Token == k.Token).Select(l => l.Amount)),
                        Sum(mine.Where(r => r.Approval == "approved").Select(r => BigInteger.Parse(r.Amount, CultureInfo.InvariantCulture))),
                        Sum(mine.Where(r => r.Approval == "pending").Select(r => BigInteger.Parse(r.Amount, CultureInfo.InvariantCulture))));
                }).ToList();
            return new VictimAccount(victim, lines);
        }).ToList();
    }

    private static BigInteger Sum(IEnumerable<BigInteger> values) => values.Aggregate(BigInteger.Zero, (a, b) => a + b);

    private sealed class VictimRow
    {
        public string Id { get; set; } = "";

        public string Name { get; set; } = "";

        public string Details { get; set; } = "";

        public string RecordedAt { get; set; } = "";

        public string RecordedBy { get; set; } = "";

        public string RecordedAgency { get; set; } = "";
    }

    private sealed class LossRow
    {
        public string Id { get; set; } = "";

        public string VictimId { get; set; } = "";

        public string Chain { get; set; } = "";

        public string Token { get; set; } = "";

        public string Amount { get; set; } = "";

        public long? Decimals { get; set; }

        public string TransactionIds { get; set; } = "";

        public string Description { get; set; } = "";

        public string RecordedAt { get; set; } = "";

        public string RecordedBy { get; set; } = "";
    }

    private sealed class ReturnRow
    {
        public string VictimId { get; set; } = "";

        public string Chain { get; set; } = "";

        public string Token { get; set; } = "";

        public string Amount { get; set; } = "";

        public long? Decimals { get; set; }

        public string Approval { get; set; } = "";
    }
}
