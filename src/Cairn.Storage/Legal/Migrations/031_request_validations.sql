-- Validations of legal requests before they are sent (docs/legal.md, "Validation before sending";
-- issue 18). Rows are only added: a validation lapses when the request's text changes (its hash no
-- longer matches), never by deleting the row, so who validated what stays on record.
CREATE TABLE legal_request_validations (
    request_id      TEXT NOT NULL REFERENCES legal_requests (id),
    request_version BIGINT NOT NULL,    -- legal_requests.version the validator saw
    validated_by    TEXT NOT NULL,      -- login of the validating user
    agency          TEXT NOT NULL,      -- agency the validator acted for
    role            TEXT NOT NULL,      -- role they validated in, e.g. Prosecutor
    validated_at    TEXT NOT NULL,      -- UTC, CustodyEntry.FormatTime
    content_sha256  TEXT NOT NULL,      -- SHA-256 (hex) of the request's text (Cairn.Legal RequestText)
    citation        TEXT NOT NULL,      -- article that requires the validation, or Cairn's own four-eyes control
    PRIMARY KEY (request_id, request_version, validated_by)
);
