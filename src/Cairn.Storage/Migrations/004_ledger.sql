-- Asset-recovery ledger (docs/ledger.md). Amounts are decimal integers of base units in TEXT.
CREATE TABLE ledger_events (
    id              TEXT PRIMARY KEY,            -- UUIDv7
    case_id         TEXT NOT NULL REFERENCES cases (id),
    seq             BIGINT NOT NULL,             -- 1, 2, 3 … within the case
    kind            TEXT NOT NULL,               -- freeze | unfreeze | seize | transfer_to_custody | confiscate | liquidate | return_to_victim | return_to_state | share
    chain           TEXT NOT NULL,
    token           TEXT NOT NULL,
    location        TEXT NOT NULL,
    amount          TEXT NOT NULL,
    legal_basis     TEXT NOT NULL,
    authority       TEXT NOT NULL,
    jurisdiction    TEXT NOT NULL,               -- ISO 3166-1 alpha-2 of the acting authority
    target_location TEXT NULL,
    recipient       TEXT NULL,
    recorded_at     TEXT NOT NULL,
    recorded_by     TEXT NOT NULL,
    recorded_agency TEXT NOT NULL,
    UNIQUE (case_id, seq)
);

CREATE TABLE ledger_event_evidence (
    event_id    TEXT NOT NULL REFERENCES ledger_events (id),
    evidence_id TEXT NOT NULL REFERENCES evidence (id),
    PRIMARY KEY (event_id, evidence_id)
);
