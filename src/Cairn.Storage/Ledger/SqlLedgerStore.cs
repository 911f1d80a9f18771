using Cairn.Cases.Cases;
using System.Globalization;
using System.Numerics;
using Cairn.Cases.Agencies;
using Cairn.Cases.Custody;
using Cairn.Cases.Ledger;
using Cairn.Core;
using Cairn.Storage.Cases;

namespace Cairn.Storage.Ledger;

/// <summary>
/// The ledger in SQL (Migrations/004_ledger.sql). Adding an event locks the case row, applies it through
/// <see cref="AssetLedger"/> to the case's running balances (<see cref="SqlLedgerRunningBalances"/>: what a replay of the
/// case's events would give, kept beside them), and only then inserts it with its custody entry and the new balances; a
/// broken invariant throws before anything is written. Neither recording nor deciding reads the case's other events.
/// </summary>
public sealed class SqlLedgerStore : ILedgerStore
{
    private const string Columns =
        "id AS Id, case_id AS CaseId, seq AS Seq, kind AS Kind, chain AS Chain, token AS Token, location AS Location, amount AS Amount, " +
        "legal_basis AS LegalBasis, authority AS Authority, jurisdiction AS Jurisdiction, target_location AS TargetLocation, recipient AS Recipient, " +
        "recorded_at AS RecordedAt, recorded_by AS RecordedBy, recorded_agency AS RecordedAgency, occurred_at AS OccurredAt, decimals AS Decimals, " +
        "victim_id AS VictimId, approval AS Approval, decided_by AS DecidedBy, decided_agency AS DecidedAgency, decided_role AS DecidedRole, decided_at AS DecidedAt, decision_reason AS DecisionReason";

    private readonly CairnDatabase _database;

    public SqlLedgerStore(CairnDatabase database)
    {
        _database = database;
    }

    public Task<LedgerEvent> AddAsync(Actor actor, string caseReference, NewLedgerEvent newEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(newEvent);
        return _database.InTransactionAsync(actor, async unit =>
        {
            var owner = await SqlCaseStore.LoadVisibleAsync(unit, caseReference, forUpdate: true, need: CaseAccess.Owner).ConfigureAwait(false);
            var balances = await SqlLedgerRunningBalances.LoadAsync(unit, owner.Id, () => LoadAsync(unit, owner.Id)).ConfigureAwait(false);
            if (newEvent.VictimId is { } victimId) newEvent = await ToVictimAsync(unit, owner.Id, caseReference, newEvent, victimId).ConfigureAwait(false);
            // Pending disposals are held back from what is confiscated: two returns awaiting approval cannot together exceed it.
            balances.Held.Apply(newEvent);
            foreach (var evidenceId in newEvent.EvidenceIds)
            {
                var found = await unit.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM evidence WHERE id = @evidenceId AND case_id = @Id", new { evidenceId, owner.Id }).ConfigureAwait(false);
                if (found == 0) throw new NotFoundException($"evidence '{evidenceId}' is not part of case '{caseReference}'");
            }
            var now = unit.Time.GetUtcNow();
            var recorded = new LedgerEvent(CairnIds.New(unit.Time), owner.Id, balances.LastSequence + 1, newEvent with { OccurredAt = newEvent.OccurredAt ?? now }, now, unit.Actor.User, unit.Actor.Agency)
            {
                Approval = LedgerApprovals.NeedsApproval(newEvent.Kind) ? LedgerApproval.Pending : LedgerApproval.Approved,
            };
            if (recorded.Counts) balances.Approved.Apply(recorded.Details);
            balances.Recorded(recorded.Sequence);
            await unit.ExecuteAsync(
                "INSERT INTO ledger_events (id, case_id, seq, kind, chain, token, location, amount, legal_basis, authority, jurisdiction, target_location, recipient, recorded_at, recorded_by, recorded_agency, occurred_at, decimals, approval, victim_id) " +
                "VALUES (@Id, @CaseId, @Seq, @Kind, @Chain, @Token, @Location, @Amount, @LegalBasis, @Authority, @Jurisdiction, @TargetLocation, @Recipient, @RecordedAt, @RecordedBy, @RecordedAgency, @OccurredAt, @Decimals, @Approval, @VictimId)",
                new
                {
                    recorded.Id, recorded.CaseId, Seq = recorded.Sequence, Kind = KindText(newEvent.Kind),
                    newEvent.Asset.Chain, newEvent.Asset.Token, newEvent.Asset.Location,
                    Amount = newEvent.Amount.ToString(CultureInfo.InvariantCulture),
                    newEvent.LegalBasis, newEvent.Authority, newEvent.Jurisdiction, newEvent.TargetLocation, newEvent.Recipient,
                    RecordedAt = CustodyEntry.FormatTime(recorded.RecordedAt), recorded.RecordedBy, recorded.RecordedAgency,
                    OccurredAt = CustodyEntry.FormatTime(recorded.Details.OccurredAt!.Value), Decimals = (long?)newEvent.Decimals,
                    Approval = LedgerApprovals.Name(recorded.Approval), newEvent.VictimId,
                }).ConfigureAwait(false);
            foreach (var evidenceId in newEvent.EvidenceIds.Distinct())
                await unit.ExecuteAsync("INSERT INTO ledger_event_evidence (event_id, evidence_id) VALUES (@Id, @evidenceId)", new { recorded.Id, evidenceId }).ConfigureAwait(false);
            await balances.SaveAsync(unit, owner.Id).ConfigureAwait(false);
            await SqlCaseStore.BumpVersionAsync(unit, owner).ConfigureAwait(false);
            await unit.RecordAsync("ledger.add", "ledger_event", recorded.Id, CustodyRecord.HashOf(Describe(recorded))).ConfigureAwait(false);
            return recorded;
        }, cancellationToken);
    }

    public Task<LedgerReport> GetAsync(Actor actor, string caseReference, CancellationToken cancellationToken = default) =>
        _database.InTransactionAsync(actor, async unit =>
        {
            var owner = await SqlCaseStore.LoadVisibleAsync(unit, caseReference).ConfigureAwait(false);
            var events = await LoadAsync(unit, owner.Id).ConfigureAwait(false);
            var ledger = AssetLedger.Replay(events.Where(e => e.Counts).Select(e => e.Details));
            await unit.RecordAsync("ledger.read", "case", owner.Id, CustodyRecord.HashOf(string.Join("\n", events.Select(e => e.Id)))).ConfigureAwait(false);
            return new LedgerReport(owner.Reference, events, ledger.Balances(), ledger.States());
        }, cancellationToken);

    public Task<LedgerEvent> DecideAsync(Actor actor, string caseReference, string eventId, LedgerDecision decision, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return _database.InTransactionAsync(actor, async unit =>
        {
            var owner = await SqlCaseStore.LoadVisibleAsync(unit, caseReference, forUpdate: true, need: CaseAccess.Owner).ConfigureAwait(false);
            var target = (await LoadAsync(unit, owner.Id, eventId).ConfigureAwait(false)).FirstOrDefault()
                ?? throw new NotFoundException($"ledger event '{eventId}' is not part of case '{caseReference}'");
            if (target.Approval != LedgerApproval.Pending)
                throw CairnException.Invalid("event", $"ledger event #{target.Sequence} is {LedgerApprovals.Name(target.Approval)}: only a pending disposal is approved or rejected");
            if (string.Equals(target.RecordedBy, unit.Actor.User, StringComparison.OrdinalIgnoreCase))
                throw new ForbiddenException($"four eyes: {unit.Actor.User} recorded ledger event #{target.Sequence}; another user of {unit.Actor.Agency} must approve or reject it");
            var balances = await SqlLedgerRunningBalances.LoadAsync(unit, owner.Id, () => LoadAsync(unit, owner.Id)).ConfigureAwait(false);
            // Approved: the approved ledger as it will be, every approved event and this one; rejected: it is no longer held back.
            if (decision.Outcome == LedgerApproval.Approved) balances.Approved.Apply(target.Details);
            else await balances.RejectedAsync(target, () => LoadAsync(unit, owner.Id)).ConfigureAwait(false);
            var decided = target with { Approval = decision.Outcome, Decision = decision with { By = unit.Actor.User, Agency = unit.Actor.Agency } };
            await unit.ExecuteAsync(
                "UPDATE ledger_events SET approval = @Approval, decided_by = @By, decided_agency = @Agency, decided_role = @Role, decided_at = @At, decision_reason = @Reason " +
                "WHERE id = @Id AND approval = 'pending'",
                new
                {
                    Approval = LedgerApprovals.Name(decision.Outcome), decided.Decision!.By, decided.Decision.Agency, decided.Decision.Role,
                    At = CustodyEntry.FormatTime(decided.Decision.At), decided.Decision.Reason, target.Id,
                }).ConfigureAwait(false);
            await balances.SaveAsync(unit, owner.Id).ConfigureAwait(false);
            await SqlCaseStore.BumpVersionAsync(unit, owner).ConfigureAwait(false);
            await unit.RecordAsync(decision.Outcome == LedgerApproval.Approved ? "ledger.approve" : "ledger.reject", "ledger_event", target.Id,
                CustodyRecord.HashOf(Describe(decided))).ConfigureAwait(false);
            return decided;
        }, cancellationToken);
    }

    /// <summary>The event as one line of text: what its custody entry's content hash covers.</summary>
    public static string Describe(LedgerEvent recorded)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        var d = recorded.Details;
        return string.Join("|", recorded.Id, recorded.CaseId, recorded.Sequence.ToString(CultureInfo.InvariantCulture), KindText(d.Kind), d.Asset.Chain, d.Asset.Token, d.Asset.Location,
            d.Amount.ToString(CultureInfo.InvariantCulture), d.LegalBasis, d.Authority, d.Jurisdiction, d.TargetLocation ?? "", d.Recipient ?? "", string.Join(",", d.EvidenceIds),
            CustodyEntry.FormatTime(recorded.RecordedAt), recorded.RecordedBy, recorded.RecordedAgency,
            d.OccurredAt is { } occurred ? CustodyEntry.FormatTime(occurred) : "", d.Decimals?.ToString(CultureInfo.InvariantCulture) ?? "",
            LedgerApprovals.Name(recorded.Approval), recorded.Decision?.By ?? "", recorded.Decision?.Agency ?? "", recorded.Decision?.Role ?? "",
            recorded.Decision is { } decision ? CustodyEntry.FormatTime(decision.At) : "", recorded.Decision?.Reason ?? "", d.VictimId ?? "");
    }

    /// <summary>
    /// A return pointing to a victim: the victim must be the case's; their name is the recipient unless one is given; and where they have
    /// a loss recorded in the same token, the returns to them (approved and pending) may not exceed it.
    /// </summary>
    private static async Task<NewLedgerEvent> ToVictimAsync(UnitOfWork unit, string caseId, string caseReference, NewLedgerEvent newEvent, string victimId)
    {
        var name = await unit.QuerySingleOrDefaultAsync<string>("SELECT name FROM victims WHERE id = @victimId AND case_id = @caseId", new { victimId, caseId }).ConfigureAwait(false)
            ?? throw new ValidationException("victim_id", $"victim '{victimId}' is not a victim of case '{caseReference}'");
        var lossTexts = await unit.QueryAsync<string>("SELECT amount FROM victim_losses WHERE victim_id = @victimId AND chain = @Chain AND token = @Token",
            new { victimId, newEvent.Asset.Chain, newEvent.Asset.Token }).ConfigureAwait(false);
        var losses = lossTexts.Select(t => BigInteger.Parse(t, CultureInfo.InvariantCulture)).ToList();
        if (losses.Count > 0)
        {
            var lost = losses.Aggregate(BigInteger.Zero, (a, b) => a + b);
            var returnedTexts = await unit.QueryAsync<string>(
                "SELECT amount FROM ledger_events WHERE case_id = @caseId AND victim_id = @victimId AND approval <> 'rejected' AND chain = @Chain AND token = @Token",
                new { caseId, victimId, newEvent.Asset.Chain, newEvent.Asset.Token }).ConfigureAwait(false);
            var returned = returnedTexts.Aggregate(BigInteger.Zero, (a, t) => a + BigInteger.Parse(t, CultureInfo.InvariantCulture));
            if (returned + newEvent.Amount > lost)
                throw CairnException.Invalid("amount",
                    $"{name} lost {AssetDecimals.Describe(lost, newEvent.Asset, newEvent.Decimals)} and has {AssetDecimals.Describe(returned, newEvent.Asset, newEvent.Decimals)} returned or awaiting approval: " +
                    $"a return of {AssetDecimals.Describe(newEvent.Amount, newEvent.Asset, newEvent.Decimals)} would exceed the loss");
        }
        return string.IsNullOrWhiteSpace(newEvent.Recipient) ? newEvent with { Recipient = name } : newEvent;
    }

    public static string KindText(LedgerEventKind kind) => LedgerEventKinds.Name(kind);

    public static LedgerEventKind ParseKind(string text) => LedgerEventKinds.Parse(text);

    /// <summary>The case's events in order, or only the one with <paramref name="eventId"/> (none when it is not the case's).</summary>
    private static async Task<IReadOnlyList<LedgerEvent>> LoadAsync(UnitOfWork unit, string caseId, string? eventId = null)
    {
        var only = eventId is null ? "" : " AND e.id = @eventId";
        var rows = (await unit.QueryAsync<EventRow>($"SELECT {Columns} FROM ledger_events e WHERE case_id = @caseId{only} ORDER BY seq", new { caseId, eventId }).ConfigureAwait(false)).ToList();
        var links = (await unit.QueryAsync<LinkRow>(
            $"SELECT l.event_id AS EventId, l.evidence_id AS EvidenceId FROM ledger_event_evidence l JOIN ledger_events e ON e.id = l.event_id WHERE e.case_id = @caseId{only}", new { caseId, eventId }).ConfigureAwait(false))
            .ToLookup(l => l.EventId, l => l.EvidenceId);
        return rows.Select(r => new LedgerEvent(r.Id, r.CaseId, r.Seq,
            new NewLedgerEvent(ParseKind(r.Kind), new AssetKey(r.Chain, r.Token, r.Location), BigInteger.Parse(r.Amount, CultureInfo.InvariantCulture),
                r.LegalBasis, r.Authority, r.Jurisdiction, r.TargetLocation, r.Recipient, links[r.Id].Order(StringComparer.Ordinal).ToList())
            {
                OccurredAt = string.IsNullOrEmpty(r.OccurredAt) ? CustodyEntry.ParseTime(r.RecordedAt) : CustodyEntry.ParseTime(r.OccurredAt),
                Decimals = r.Decimals is { } d ? (int)d : null,
                VictimId = r.VictimId,
            },
            CustodyEntry.ParseTime(r.RecordedAt), r.RecordedBy, r.RecordedAgency)
            {
                Approval = LedgerApprovals.Parse(r.Approval),
                Decision = r.DecidedBy is null || r.DecidedAt is null ? null
                    : new LedgerDecision(LedgerApprovals.Parse(r.Approval), r.DecidedBy, r.DecidedAgency ?? "", r.DecidedRole ?? "", CustodyEntry.ParseTime(r.DecidedAt), r.DecisionReason),
            }).ToList();
    }

    private sealed class EventRow
    {
        public string Id { get; set; } = "";

        public string CaseId { get; set; } = "";

        public long Seq { get; set; }

        public string Kind { get; set; } = "";

        public string Chain { get; set; } = "";

        public string Token { get; set; } = "";

        public string Location { get; set; } = "";

        public string Amount { get; set; } = "";

        public string LegalBasis { get; set; } = "";

        public string Authority { get; set; } = "";

        public string Jurisdiction { get; set; } = "";

        public string? TargetLocation { get; set; }

        public string? Recipient { get; set; }

        public string RecordedAt { get; set; } = "";

        public string RecordedBy { get; set; } = "";

        public string RecordedAgency { get; set; } = "";

        public string OccurredAt { get; set; } = "";

        public long? Decimals { get; set; }

        public string? VictimId { get; set; }

        public string Approval { get; set; } = "approved";

        public string? DecidedBy { get; set; }

        public string? DecidedAgency { get; set; }

        public string? DecidedRole { get; set; }

        public string? DecidedAt { get; set; }

        public string? DecisionReason { get; set; }
    }

    private sealed class LinkRow
    {
        public string EventId { get; set; } = "";

        public string EvidenceId { get; set; } = "";
    }
}
