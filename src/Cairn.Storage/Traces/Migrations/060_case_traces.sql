-- Saved traces of a case (docs/server.md): the request as run, the chain tip it ran on (so a
-- re-run on the same index must give the same result), and the result as JSON with its hash.
CREATE TABLE case_traces (
    id            TEXT PRIMARY KEY,            -- UUIDv7
    case_id       TEXT NOT NULL REFERENCES cases (id),
    chain         TEXT NOT NULL,               -- btc | eth
    title         TEXT NOT NULL,
    request_json  TEXT NOT NULL,
    tip_height    BIGINT NOT NULL,
    tip_hash      TEXT NOT NULL,
    result_json   TEXT NOT NULL,
    result_sha256 TEXT NOT NULL,
    created_by    TEXT NOT NULL,
    agency        TEXT NOT NULL,
    created_at    TEXT NOT NULL
);
CREATE INDEX case_traces_case ON case_traces (case_id, created_at);
