-- Agencies, users and cases (docs/storage.md). Child rows of a case are replaced whole on save.
CREATE TABLE agencies (
    code    TEXT PRIMARY KEY,
    name    TEXT NOT NULL,
    country TEXT NOT NULL DEFAULT ''          -- ISO 3166-1 alpha-2, '' when unknown
);

CREATE TABLE users (
    login        TEXT PRIMARY KEY,
    agency_code  TEXT NOT NULL REFERENCES agencies (code),
    display_name TEXT NOT NULL
);

CREATE TABLE cases (
    id            TEXT PRIMARY KEY,            -- UUIDv7
    reference     TEXT NOT NULL UNIQUE,        -- typed by people, e.g. NCA-2025-0042
    title         TEXT NOT NULL,
    owning_agency TEXT NOT NULL REFERENCES agencies (code),
    offence_type  TEXT NOT NULL,
    status        TEXT NOT NULL,               -- open | suspended | closed
    opened_at     TEXT NOT NULL,
    closed_at     TEXT NULL,
    version       BIGINT NOT NULL              -- optimistic concurrency token
);

CREATE TABLE case_subjects (
    case_id  TEXT NOT NULL REFERENCES cases (id),
    position BIGINT NOT NULL,
    kind     TEXT NOT NULL,                    -- person | organisation
    name     TEXT NOT NULL,
    details  TEXT NOT NULL,
    PRIMARY KEY (case_id, position)
);

CREATE TABLE case_wallets (
    case_id TEXT NOT NULL REFERENCES cases (id),
    chain   TEXT NOT NULL,
    address TEXT NOT NULL,
    role    TEXT NOT NULL,                     -- victim | perpetrator | service | unknown
    label   TEXT NOT NULL,
    PRIMARY KEY (case_id, chain, address)
);
CREATE INDEX case_wallets_address ON case_wallets (chain, address);

CREATE TABLE case_notes (
    case_id    TEXT NOT NULL REFERENCES cases (id),
    position   BIGINT NOT NULL,
    author     TEXT NOT NULL,
    agency     TEXT NOT NULL,
    written_at TEXT NOT NULL,
    text       TEXT NOT NULL,
    PRIMARY KEY (case_id, position)
);

CREATE TABLE case_links (
    case_id TEXT NOT NULL REFERENCES cases (id),
    kind    TEXT NOT NULL,                     -- trace | request | evidence
    target  TEXT NOT NULL,
    PRIMARY KEY (case_id, kind, target)
);

CREATE TABLE case_grants (
    case_id         TEXT NOT NULL REFERENCES cases (id),
    agency          TEXT NOT NULL REFERENCES agencies (code),
    granted_by      TEXT NOT NULL,
    granting_agency TEXT NOT NULL,
    granted_at      TEXT NOT NULL,
    PRIMARY KEY (case_id, agency)
);
