using System.Text.Json;
using Cairn.Cases.Ledger;
using Cairn.Core.Json;

namespace Cairn.Storage.Ledger;

/// <summary>
/// The running balances of a case's ledger (Migrations/014_ledger_running_balances.sql), so that recording an event or
/// deciding on one checks it against the balances as they stand instead of replaying the case's whole ledger, which made each
/// call cost time in proportion to the ledger (issue 17: the fuzz pass of session 10 slowed to 5 cases a second).
/// <para>
/// Two states are kept, the two the checks read: <see cref="Held"/>, every event not rejected in the order recorded (a pending
/// disposal is held back, so two returns awaiting approval cannot together exceed what is confiscated), and
/// <see cref="Approved"/>, the approved events. A check against the end state of a replay decides as the replay with the new
/// event would: each rule reads only the running balances and the decimals already recorded. An approval is checked at the end
/// of the approved ledger where the replay put the event at its own place: the same, because the held ledger (approved and
/// pending, in order) was checked whole, and the approved ledger with this event is it without some pending disposals, whose
/// absence only leaves more confiscated at every later place.
/// </para>
/// </summary>
internal sealed class SqlLedgerRunningBalances
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new BigIntegerStringConverter() } };

    private SqlLedgerRunningBalances(long lastSequence, AssetLedger held, AssetLedger approved)
    {
        LastSequence = lastSequence;
        Held = held;
        Approved = approved;
    }

    /// <summary>The sequence number of the case's last event (0: none yet).</summary>
    public long LastSequence { get; private set; }

    public AssetLedger Held { get; private set; }

    public AssetLedger Approved { get; }

    /// <summary>
    /// The case's running balances, read from their row when it includes the case's last event (one indexed look-up each), else
    /// rebuilt by replaying the case's events (a case whose ledger predates the table) and written back by <see cref="SaveAsync"/>.
    /// </summary>
    public static async Task<SqlLedgerRunningBalances> LoadAsync(UnitOfWork unit, string caseId, Func<Task<IReadOnlyList<LedgerEvent>>> loadEvents)
    {
        var lastSequence = await LastSequenceAsync(unit, caseId).ConfigureAwait(false);
        var row = await unit.QuerySingleOrDefaultAsync<Row>(
            "SELECT last_seq AS LastSeq, held AS Held, approved AS Approved FROM ledger_running_balances WHERE case_id = @caseId", new { caseId }).ConfigureAwait(false);
        if (row is not null && row.LastSeq == lastSequence)
            return new SqlLedgerRunningBalances(lastSequence, Read(row.Held), Read(row.Approved));
        var events = await loadEvents().ConfigureAwait(false);
        return new SqlLedgerRunningBalances(lastSequence,
            AssetLedger.Replay(events.Where(e => e.Approval != LedgerApproval.Rejected).Select(e => e.Details)),
            AssetLedger.Replay(events.Where(e => e.Counts).Select(e => e.Details)));
    }

    /// <summary>The highest sequence number of the case's events (the unique index on case and sequence answers it).</summary>
    public static async Task<long> LastSequenceAsync(UnitOfWork unit, string caseId) =>
        await unit.ExecuteScalarAsync<long?>("SELECT MAX(seq) FROM ledger_events WHERE case_id = @caseId", new { caseId }).ConfigureAwait(false) ?? 0;

    /// <summary>Counts a newly recorded event in (its sequence number must follow the last one).</summary>
    public void Recorded(long sequence) => LastSequence = sequence;

    /// <summary>Takes a rejected disposal out of the held ledger; replays the held events without it where that cannot be done exactly.</summary>
    public async Task RejectedAsync(LedgerEvent rejected, Func<Task<IReadOnlyList<LedgerEvent>>> loadEvents)
    {
        ArgumentNullException.ThrowIfNull(rejected);
        if (Held.TryWithdraw(rejected.Details)) return;
        var events = await loadEvents().ConfigureAwait(false);
        Held = AssetLedger.Replay(events.Where(e => e.Approval != LedgerApproval.Rejected && e.Id != rejected.Id).Select(e => e.Details));
    }

    /// <summary>Writes the balances as they now stand, in the transaction of the event or decision they follow.</summary>
    public Task SaveAsync(UnitOfWork unit, string caseId) => unit.ExecuteAsync(
        "INSERT INTO ledger_running_balances (case_id, last_seq, held, approved) VALUES (@caseId, @LastSequence, @held, @approved) " +
        "ON CONFLICT (case_id) DO UPDATE SET last_seq = excluded.last_seq, held = excluded.held, approved = excluded.approved",
        new { caseId, LastSequence, held = JsonSerializer.Serialize(Held.State(), Json), approved = JsonSerializer.Serialize(Approved.State(), Json) });

    private static AssetLedger Read(string json) =>
        AssetLedger.FromState(JsonSerializer.Deserialize<AssetLedgerState>(json, Json) ?? throw new InvalidOperationException("ledger_running_balances: an empty state"));

    private sealed class Row
    {
        public long LastSeq { get; set; }

        public string Held { get; set; } = "";

        public string Approved { get; set; } = "";
    }
}
