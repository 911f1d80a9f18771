-- Pseudonymised shares (issue 17, docs/security.md): the owner may share a case so that the
-- receiving agency sees its subjects' personal data only as pseudonyms (it needs the flows, not
-- the names). 1: the grantee's every read of the case is pseudonymised; 0: the case as it is.
ALTER TABLE case_grants ADD COLUMN pseudonymised BIGINT NOT NULL DEFAULT 0;
