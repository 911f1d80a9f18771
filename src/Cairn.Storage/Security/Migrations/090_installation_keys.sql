-- Which keys this installation uses (issue 17, docs/security.md). Every node that opens the
-- database compares its own keys with these rows at start and refuses to run when they differ,
-- so a node with a stray custody-key.pem can never sign tree heads nobody can verify.
CREATE TABLE installation_keys (
    purpose       TEXT PRIMARY KEY,   -- custody (tree-head signing key) | secret (HMAC key for keyed hashes)
    key_id        TEXT NOT NULL,      -- custody: hex SHA-256 of the SubjectPublicKeyInfo; secret: HMAC of a fixed label (reveals nothing)
    registered_at TEXT NOT NULL
);
