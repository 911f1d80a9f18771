-- Victims and their losses per case (issue 18, docs/ledger.md "Victims"). A return to a victim in the
-- ledger points to the victim (ledger_events.victim_id) and counts against their loss once approved.
CREATE TABLE victims (
    id              TEXT PRIMARY KEY,            -- UUIDv7
    case_id         TEXT NOT NULL REFERENCES cases (id),
    name            TEXT NOT NULL,               -- as the case knows them
    details         TEXT NOT NULL,
    recorded_at     TEXT NOT NULL,               -- UTC, CustodyEntry.FormatTime
    recorded_by     TEXT NOT NULL,
    recorded_agency TEXT NOT NULL
);

CREATE TABLE victim_losses (
    id              TEXT PRIMARY KEY,
    victim_id       TEXT NOT NULL REFERENCES victims (id),
    chain           TEXT NOT NULL,
    token           TEXT NOT NULL,
    amount          TEXT NOT NULL,               -- base units, decimal integer text
    decimals        BIGINT NULL,                 -- a token's decimals (native coins are known)
    transaction_ids TEXT NOT NULL,               -- the transactions proving the loss, one per line
    description     TEXT NOT NULL,
    recorded_at     TEXT NOT NULL,
    recorded_by     TEXT NOT NULL
);

ALTER TABLE ledger_events ADD COLUMN victim_id TEXT NULL REFERENCES victims (id);
