-- Ledger events record when they happened (issue 15): a freeze ordered last week is recorded
-- today with last week's date. Events recorded before this migration happened when recorded.
-- A token's decimals are kept with its events, for the human amount beside the base units.
ALTER TABLE ledger_events ADD COLUMN occurred_at TEXT NOT NULL DEFAULT '';   -- UTC, CustodyEntry.FormatTime
UPDATE ledger_events SET occurred_at = recorded_at WHERE occurred_at = '';
ALTER TABLE ledger_events ADD COLUMN decimals BIGINT NULL;                  -- NULL: native coin (known) or not given
