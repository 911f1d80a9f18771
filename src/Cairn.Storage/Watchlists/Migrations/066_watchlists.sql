-- Watchlists and alerts of cases (docs/watchlists.md). A watch is an address, cluster or service a
-- case follows on a chain, or an address its funds reached (kind followed, origin = the watch).
-- Alerts are raised by ingest; one per watch, transaction, kind and recipient.
CREATE TABLE case_watches (
    id          TEXT PRIMARY KEY,            -- UUIDv7
    case_id     TEXT NOT NULL REFERENCES cases (id),
    chain       TEXT NOT NULL,
    kind        TEXT NOT NULL,               -- address | cluster | actor | followed
    value       TEXT NOT NULL,
    label       TEXT NULL,
    threshold   TEXT NULL,                   -- base units
    origin      TEXT NULL,                   -- the watch a followed address came from
    hops        BIGINT NOT NULL,
    created_by  TEXT NOT NULL,
    agency      TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
CREATE INDEX case_watches_chain ON case_watches (chain);
CREATE INDEX case_watches_case ON case_watches (case_id, created_at);

CREATE TABLE case_alerts (
    id            TEXT PRIMARY KEY,          -- UUIDv7
    case_id       TEXT NOT NULL REFERENCES cases (id),
    watch_id      TEXT NOT NULL,
    chain         TEXT NOT NULL,
    kind          TEXT NOT NULL,             -- funds_left | reached_service | reached_sanctioned | threshold
    tx_id         TEXT NOT NULL,
    block_height  BIGINT NOT NULL,
    block_time    TEXT NULL,
    from_address  TEXT NOT NULL,
    to_address    TEXT NOT NULL,             -- '' when the alert names no recipient
    amount        TEXT NOT NULL,             -- base units
    asset         TEXT NOT NULL,
    actor         TEXT NULL,
    actor_label   TEXT NULL,
    jurisdictions TEXT NOT NULL,             -- comma-separated ISO 3166-1 alpha-2
    detail        TEXT NOT NULL,
    seen_at       TEXT NOT NULL,
    raised_at     TEXT NOT NULL,
    state         TEXT NOT NULL,             -- open | acknowledged | drafted
    requests      TEXT NOT NULL,             -- comma-separated request ids drafted from it
    UNIQUE (watch_id, tx_id, kind, to_address)
);
CREATE INDEX case_alerts_case ON case_alerts (case_id, raised_at);
