-- Legal cooperation requests (docs/legal.md). The request itself is the JSON body written by
-- Cairn.Legal; the columns beside it are what lists and reminders filter on.
CREATE TABLE legal_requests (
    id              TEXT PRIMARY KEY,   -- request id, e.g. "c1-de-freeze" (human-readable, unique)
    case_reference  TEXT NULL,          -- case reference as typed; no FK: a draft may precede its case
    requested_state TEXT NOT NULL,      -- ISO 3166-1 alpha-2 of the requested State
    request_type    TEXT NOT NULL,      -- mla_request, eio, freezing_certificate, ...
    status          TEXT NOT NULL,      -- draft, ready, sent, acknowledged, executed, partially_executed, refused, withdrawn
    owning_agency   TEXT NOT NULL,      -- agency of the actor who drafted it
    body            TEXT NOT NULL,      -- the request as JSON (amounts as base-unit strings)
    version         BIGINT NOT NULL,    -- optimistic concurrency
    created_at      TEXT NOT NULL,      -- UTC, CustodyEntry.FormatTime
    updated_at      TEXT NOT NULL
);

CREATE INDEX legal_requests_status ON legal_requests (status);
