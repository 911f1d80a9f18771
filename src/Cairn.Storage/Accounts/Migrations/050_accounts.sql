-- Sign-in accounts and API tokens (docs/server.md). A row in users (002) is the person as the
-- custody log names them; accounts adds what signing in needs.
CREATE TABLE accounts (
    login                TEXT PRIMARY KEY REFERENCES users (login),
    roles                TEXT NOT NULL,      -- comma-separated Role names
    password_hash        TEXT NOT NULL,      -- ASP.NET Core PasswordHasher v3 (PBKDF2-HMAC-SHA512)
    must_change_password INTEGER NOT NULL,   -- 1 for the bootstrap admin and admin-created accounts
    disabled             INTEGER NOT NULL,
    created_at           TEXT NOT NULL
);

CREATE TABLE api_tokens (
    id          TEXT PRIMARY KEY,            -- UUIDv7; also the public prefix of the token
    login       TEXT NOT NULL REFERENCES accounts (login),
    name        TEXT NOT NULL,
    secret_hash TEXT NOT NULL,               -- SHA-256 hex of the secret part
    created_at  TEXT NOT NULL,
    expires_at  TEXT NULL,
    revoked_at  TEXT NULL
);
CREATE INDEX api_tokens_login ON api_tokens (login);
