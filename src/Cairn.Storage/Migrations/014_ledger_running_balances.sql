-- The running balances of each case's ledger (issue 17: recording or deciding an event replayed the case's whole ledger,
-- so each call cost time in proportion to the ledger). Derived data, written in the same transaction as the event or
-- decision it follows, under the case's row lock; rebuilt by a replay of ledger_events when missing (a case from before
-- this migration) or behind (last_seq is not the case's last event).
CREATE TABLE ledger_running_balances (
    case_id  TEXT PRIMARY KEY REFERENCES cases (id),
    last_seq BIGINT NOT NULL,   -- the ledger_events.seq of the last event included
    held     TEXT NOT NULL,     -- JSON AssetLedgerState of every event not rejected (pending disposals held back): what a new event is checked against
    approved TEXT NOT NULL      -- JSON AssetLedgerState of the approved events: what an approval is checked against
);
