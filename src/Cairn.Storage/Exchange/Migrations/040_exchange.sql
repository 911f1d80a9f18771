-- Node-to-node exchange (docs/exchange.md). Envelopes are stored sealed (encrypted for the
-- recipient, signed by the sender): the database never holds a decrypted payload, and node
-- private keys live only in the data directory (exchange-*-key.pem).
CREATE TABLE exchange_partners (
    node_id                TEXT PRIMARY KEY,   -- the partner's node id, from its node card
    name                   TEXT NOT NULL,
    agency                 TEXT NOT NULL,      -- agency code at the partner
    country                TEXT NOT NULL,      -- ISO 3166-1 alpha-2
    endpoint               TEXT NOT NULL,      -- base URL; envelopes go to <endpoint>/exchange/v1/envelopes
    signing_fingerprint    TEXT NOT NULL,      -- SHA-256 of the signing key SPKI, grouped hex
    encryption_fingerprint TEXT NOT NULL,
    card                   TEXT NOT NULL,      -- the node card JSON as registered (public keys)
    added_at               TEXT NOT NULL,
    added_by               TEXT NOT NULL       -- user@agency
);

CREATE TABLE exchange_outbox (
    message_id      TEXT PRIMARY KEY,          -- UUIDv7, also inside the signed envelope
    recipient_node  TEXT NOT NULL REFERENCES exchange_partners (node_id),
    message_type    TEXT NOT NULL,             -- request | response | fiu_disclosure | fiu_request | ack | receipt
    subject         TEXT NOT NULL,
    case_reference  TEXT NULL,                 -- our case the message is about
    in_reply_to     TEXT NULL,
    envelope        TEXT NOT NULL,             -- the sealed envelope, wire JSON
    envelope_digest TEXT NOT NULL,             -- lowercase hex SHA-256 the sender signed
    created_at      TEXT NOT NULL,
    expires_at      TEXT NOT NULL,
    state           TEXT NOT NULL,             -- pending | delivered | expired | rejected
    attempts        BIGINT NOT NULL,
    next_attempt_at TEXT NOT NULL,
    last_error      TEXT NOT NULL,
    delivered_at    TEXT NULL,                 -- from the partner's signed delivery receipt
    accepted_at     TEXT NULL,                 -- from the partner's signed acceptance receipt
    sent_by         TEXT NOT NULL
);
CREATE INDEX exchange_outbox_due ON exchange_outbox (state, next_attempt_at);

CREATE TABLE exchange_inbox (
    message_id      TEXT PRIMARY KEY,          -- unique: a second arrival is a duplicate or a replay
    sender_node     TEXT NOT NULL,
    message_type    TEXT NOT NULL,
    subject         TEXT NOT NULL,
    case_reference  TEXT NULL,                 -- the sender's case reference
    in_reply_to     TEXT NULL,
    envelope        TEXT NOT NULL,
    envelope_digest TEXT NOT NULL,
    received_at     TEXT NOT NULL,
    state           TEXT NOT NULL,             -- received | accepted | processed (receipts)
    accepted_at     TEXT NULL,
    accepted_by     TEXT NULL,
    local_case      TEXT NULL,                 -- our case reference it was accepted into
    delivery_receipt TEXT NOT NULL             -- the signed receipt we answered with (returned again on duplicates)
);

CREATE TABLE exchange_receipts (
    message_id  TEXT NOT NULL,
    kind        TEXT NOT NULL,                 -- delivery | acceptance
    issuer_node TEXT NOT NULL,
    direction   TEXT NOT NULL,                 -- issued (by us) | received (from the partner)
    receipt     TEXT NOT NULL,                 -- signed receipt JSON
    recorded_at TEXT NOT NULL,
    PRIMARY KEY (message_id, kind, issuer_node)
);

CREATE TABLE exchange_rejections (
    id                 TEXT PRIMARY KEY,       -- UUIDv7
    received_at        TEXT NOT NULL,
    reason             TEXT NOT NULL,          -- malformed | tampered | bad_signature | unknown_sender | misaddressed | expired | replay | undecryptable
    claimed_sender     TEXT NOT NULL,          -- as written in the envelope ('' when unreadable): not authenticated
    claimed_message_id TEXT NOT NULL,
    detail             TEXT NOT NULL,
    body_sha256        TEXT NOT NULL           -- SHA-256 of the bytes received
);

CREATE TABLE fiu_disclosures (
    message_id        TEXT PRIMARY KEY REFERENCES exchange_inbox (message_id),
    disclosing_node   TEXT NOT NULL,
    disclosing_agency TEXT NOT NULL,
    receiving_agency  TEXT NOT NULL,
    purpose           TEXT NOT NULL,
    restrictions      TEXT NOT NULL,           -- handling codes, comma-separated
    recorded_at       TEXT NOT NULL
);

CREATE TABLE fiu_consents (
    message_id  TEXT NOT NULL REFERENCES fiu_disclosures (message_id),
    agency      TEXT NOT NULL,                 -- agency the disclosing FIU consented to onward dissemination to
    source      TEXT NOT NULL,                 -- 'disclosure' (in the signed terms) or the message id of a later consent message
    recorded_at TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    PRIMARY KEY (message_id, agency)
);

CREATE TABLE fiu_disclosure_cases (
    message_id  TEXT NOT NULL REFERENCES fiu_disclosures (message_id),
    case_id     TEXT NOT NULL REFERENCES cases (id),
    attached_at TEXT NOT NULL,
    attached_by TEXT NOT NULL,
    PRIMARY KEY (message_id, case_id)
);
