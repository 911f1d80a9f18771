-- Case details people edit in the web UI (issue 15): the description of an offence of type
-- 'other', the reason for the current status and every status change, subjects with a stable id,
-- their role and identifiers, and the level of each sharing grant.
ALTER TABLE cases ADD COLUMN offence_detail TEXT NOT NULL DEFAULT '';   -- description when offence_type = 'other'
ALTER TABLE cases ADD COLUMN status_reason TEXT NOT NULL DEFAULT '';    -- why the case is suspended / closed / reopened

ALTER TABLE case_subjects ADD COLUMN subject_id TEXT NOT NULL DEFAULT '';  -- stable within the case
ALTER TABLE case_subjects ADD COLUMN role TEXT NOT NULL DEFAULT 'other';   -- suspect | victim | witness | other
UPDATE case_subjects SET subject_id = 'subject-' || CAST(position AS TEXT) WHERE subject_id = '';

CREATE TABLE case_subject_identifiers (
    case_id    TEXT NOT NULL REFERENCES cases (id),
    subject_id TEXT NOT NULL,
    position   BIGINT NOT NULL,
    kind       TEXT NOT NULL,                 -- passport | national_id | iban | email | ... (IdentifierKinds)
    value      TEXT NOT NULL,
    PRIMARY KEY (case_id, subject_id, position)
);
CREATE INDEX case_subject_identifiers_value ON case_subject_identifiers (kind, value);

CREATE TABLE case_status_changes (
    case_id    TEXT NOT NULL REFERENCES cases (id),
    position   BIGINT NOT NULL,
    status     TEXT NOT NULL,                 -- open | suspended | closed
    reason     TEXT NOT NULL,
    changed_at TEXT NOT NULL,
    changed_by TEXT NOT NULL,
    agency     TEXT NOT NULL,
    PRIMARY KEY (case_id, position)
);

-- Grants made before levels existed gave write access nobody chose; they become read-only.
ALTER TABLE case_grants ADD COLUMN level TEXT NOT NULL DEFAULT 'read';   -- read | contribute
