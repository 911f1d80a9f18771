-- The web key ring (ASP.NET Core data-protection keys behind session cookies and antiforgery
-- tokens) kept in the database, so every server node on one database reads the same ring
-- (issue 17, docs/operations.md "Several nodes"). Each key's XML is sealed with AES-256-GCM under
-- a key derived from installation-secret (a file every node holds), so a database dump alone
-- cannot forge sessions.
CREATE TABLE web_key_ring (
    name      TEXT PRIMARY KEY,   -- the key's name as data protection gives it (key-<guid>)
    sealed    TEXT NOT NULL,      -- base64 of nonce (12 bytes) ‖ ciphertext ‖ tag (16 bytes); the name is the associated data
    stored_at TEXT NOT NULL
);
