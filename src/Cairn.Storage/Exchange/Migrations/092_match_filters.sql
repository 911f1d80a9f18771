-- Deconfliction across nodes (issue 18, docs/deconfliction.md): the match filters an agency sent to
-- partner nodes. The key is kept so that a partner's answer (keyed hashes of the addresses that hit)
-- can be checked against our own addresses; it is the filter's HMAC key, which the partner holds too
-- (it is in the filter), not a secret of this node.
CREATE TABLE exchange_match_filters (
    id          TEXT PRIMARY KEY,              -- UUIDv7, named in the envelope and in the partner's answer
    agency      TEXT NOT NULL,                 -- the publishing agency: only it checks answers
    partner     TEXT NOT NULL,                 -- node id the filter was sent to
    message_id  TEXT NULL,                     -- the outbox message that carried it
    hmac_key    TEXT NOT NULL,                 -- base64, 32 bytes
    entries     INTEGER NOT NULL,
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL
);
CREATE INDEX exchange_match_filters_agency ON exchange_match_filters (agency, created_at);
