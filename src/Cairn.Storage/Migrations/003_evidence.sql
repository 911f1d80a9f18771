-- Evidence metadata; the bytes live in <data>/evidence/<aa>/<sha256> (docs/evidence.md).
CREATE TABLE evidence (
    id               TEXT PRIMARY KEY,              -- UUIDv7
    case_id          TEXT NOT NULL REFERENCES cases (id),
    sha256           TEXT NOT NULL,                 -- lowercase hex; names the stored file
    file_name        TEXT NOT NULL,
    size_bytes       BIGINT NOT NULL,
    collected_by     TEXT NOT NULL,
    collected_agency TEXT NOT NULL,
    collected_at     TEXT NOT NULL,
    method           TEXT NOT NULL,                 -- trace | screenshot | document | received-mla | ...
    source           TEXT NOT NULL,                 -- free text: trace parameters + chain tip, URL, authority
    UNIQUE (case_id, sha256)
);
CREATE INDEX evidence_sha256 ON evidence (sha256);
