-- Custody log (RFC 9162 Merkle tree), see docs/custody-log.md.
-- Hashes are lowercase hex; times are UTC text 'yyyy-MM-ddTHH:mm:ss.fffffffZ' (sorts as it reads).

-- One row per leaf. seq is the 0-based leaf index; the leaf hash is recomputed from these columns.
CREATE TABLE custody_entries (
    seq          BIGINT PRIMARY KEY,
    recorded_at  TEXT NOT NULL,
    user_name    TEXT NOT NULL,
    agency       TEXT NOT NULL,
    action       TEXT NOT NULL,   -- e.g. case.create, evidence.add, evidence.export, case.read
    object_type  TEXT NOT NULL,   -- case, evidence, ledger_event, request, ...
    object_id    TEXT NOT NULL,
    content_hash TEXT NOT NULL    -- SHA-256 of the object's content after the action, or ''
);
CREATE INDEX custody_entries_object ON custody_entries (object_type, object_id);

-- Hash of every complete subtree: level L, index i covers leaves [i*2^L, (i+1)*2^L).
CREATE TABLE custody_nodes (
    level BIGINT NOT NULL,
    idx   BIGINT NOT NULL,
    hash  TEXT NOT NULL,
    PRIMARY KEY (level, idx)
);

-- A head is signed after each append (ECDSA P-256, DER signature in base64).
CREATE TABLE custody_tree_heads (
    tree_size       BIGINT PRIMARY KEY,
    root_hash       TEXT NOT NULL,
    signed_at       TEXT NOT NULL,
    key_id          TEXT NOT NULL,
    signature       TEXT NOT NULL,
    timestamp_token TEXT NULL       -- RFC 3161 token (base64 DER) when a TSA was asked
);

-- Public keys that signed heads (key_id = hex SHA-256 of the SubjectPublicKeyInfo).
CREATE TABLE custody_keys (
    key_id         TEXT PRIMARY KEY,
    public_key_pem TEXT NOT NULL,
    created_at     TEXT NOT NULL
);

-- The single row whose update serialises appenders.
CREATE TABLE custody_state (
    id        BIGINT PRIMARY KEY CHECK (id = 1),
    tree_size BIGINT NOT NULL
);
INSERT INTO custody_state (id, tree_size) VALUES (1, 0);
