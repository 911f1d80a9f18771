-- Notifications to agencies (issue 15): a case shared with them, its level changed or revoked,
-- another agency drafting to the same State for the same case. Words are composed by the reader
-- from kind and detail; read state is per person.
CREATE TABLE notifications (
    id             TEXT PRIMARY KEY,               -- UUIDv7
    agency         TEXT NOT NULL,                  -- the receiving agency
    kind           TEXT NOT NULL,                  -- case_shared | case_revoked | request_overlap
    case_reference TEXT NULL,
    detail         TEXT NOT NULL,                  -- grant level, or the overlapping request id and State
    created_at     TEXT NOT NULL,
    created_by     TEXT NOT NULL,
    created_agency TEXT NOT NULL
);
CREATE INDEX notifications_agency ON notifications (agency, created_at);

CREATE TABLE notification_reads (
    notification_id TEXT NOT NULL REFERENCES notifications (id),
    login           TEXT NOT NULL,
    read_at         TEXT NOT NULL,
    PRIMARY KEY (notification_id, login)
);
