-- The agency registry (issue 15). Rows of agencies (002) were created for every agency seen
-- acting; an admin registers an agency with its name, State (agencies.country, ISO 3166-1
-- alpha-2) and kind. Only registered agencies receive shares and accounts.
ALTER TABLE agencies ADD COLUMN kind TEXT NULL;            -- police | prosecution | fiu | aro | court; NULL until set
ALTER TABLE agencies ADD COLUMN registered_at TEXT NULL;   -- UTC; NULL: seen acting, not registered
ALTER TABLE agencies ADD COLUMN registered_by TEXT NULL;   -- login of the admin who registered it
