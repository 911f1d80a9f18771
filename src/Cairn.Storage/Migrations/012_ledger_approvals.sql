-- Four eyes on disposals (issue 18, docs/ledger.md "Approval of disposals"): liquidation, return and
-- sharing are recorded pending until a second user of the owning agency approves or rejects them.
-- Events recorded before this migration were recorded under the old rule and stay approved.
ALTER TABLE ledger_events ADD COLUMN approval TEXT NOT NULL DEFAULT 'approved';   -- approved | pending | rejected
ALTER TABLE ledger_events ADD COLUMN decided_by TEXT NULL;                         -- login of the approving or rejecting user
ALTER TABLE ledger_events ADD COLUMN decided_agency TEXT NULL;
ALTER TABLE ledger_events ADD COLUMN decided_role TEXT NULL;                       -- role they decided in
ALTER TABLE ledger_events ADD COLUMN decided_at TEXT NULL;                         -- UTC, CustodyEntry.FormatTime
ALTER TABLE ledger_events ADD COLUMN decision_reason TEXT NULL;                    -- why it was rejected
