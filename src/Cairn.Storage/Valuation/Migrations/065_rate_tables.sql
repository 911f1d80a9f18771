-- Fiat rate tables (docs/valuation.md): one row per import with its provenance, one row per day.
-- The newest import of an (asset, currency) pair is the table in use; older ones stay for the record.
CREATE TABLE rate_tables (
    id           TEXT PRIMARY KEY,            -- UUIDv7
    asset        TEXT NOT NULL,               -- BTC, ETH, token symbol (upper) or contract (0x…, lower); USD for cross rates
    currency     TEXT NOT NULL,               -- ISO 4217
    source       TEXT NOT NULL,               -- who published the rates, as the importer stated it
    file_name    TEXT NOT NULL,
    file_sha256  TEXT NOT NULL,
    points       BIGINT NOT NULL,
    first_date   TEXT NOT NULL,               -- yyyy-MM-dd
    last_date    TEXT NOT NULL,
    imported_by  TEXT NOT NULL,               -- user@agency
    imported_at  TEXT NOT NULL
);
CREATE INDEX rate_tables_pair ON rate_tables (asset, currency, imported_at);

CREATE TABLE rate_points (
    table_id  TEXT NOT NULL REFERENCES rate_tables (id),
    day       TEXT NOT NULL,                  -- yyyy-MM-dd
    rate      TEXT NOT NULL,                  -- decimal as written (exact), price of one whole unit
    PRIMARY KEY (table_id, day)
);
