-- Retention (issue 17, docs/operations.md): legal holds per case, the record of every purge (the
-- custody log holds only its hash), and the marks left where content was deleted.
CREATE TABLE case_holds (
    case_id   TEXT PRIMARY KEY REFERENCES cases (id),
    reason    TEXT NOT NULL,
    held_by   TEXT NOT NULL,
    agency    TEXT NOT NULL,
    held_at   TEXT NOT NULL
);

CREATE TABLE retention_purges (
    id            TEXT PRIMARY KEY,              -- UUIDv7; the custody entry's object id
    purged_at     TEXT NOT NULL,
    purged_by     TEXT NOT NULL,
    agency        TEXT NOT NULL,
    report        TEXT NOT NULL,                 -- JSON: policies applied, classes, counts, case references
    report_sha256 TEXT NOT NULL                  -- the custody entry's content hash
);

ALTER TABLE evidence ADD COLUMN purged_at TEXT NULL;          -- stored file deleted under the evidence policy; the row stays (ledger events cite it)
ALTER TABLE exchange_inbox ADD COLUMN purged_at TEXT NULL;    -- envelope and subject deleted under the received-disclosures policy; digest and receipts stay
