-- Intelligence: attribution tags, actors, sanctions lists (docs/intel.md). Packs are replaced whole
-- when a new version is imported; intel_revision grows with every change so screening indexes rebuild.
CREATE TABLE intel_packs (
    id          TEXT NOT NULL,
    kind        TEXT NOT NULL,                -- tagpack | actorpack | sanctions
    title       TEXT NOT NULL,
    creator     TEXT NOT NULL,
    description TEXT NULL,
    is_public   BIGINT NOT NULL,              -- 0 / 1
    version     TEXT NOT NULL,                -- SHA-256 of the imported file (sanctions: of the sorted rows)
    item_count  BIGINT NOT NULL,
    imported_at TEXT NOT NULL,
    PRIMARY KEY (kind, id)
);

CREATE TABLE intel_tags (
    pack_id            TEXT NOT NULL,          -- intel_packs.id (kind tagpack) or 'user'
    position           BIGINT NOT NULL,        -- order within the pack
    currency           TEXT NOT NULL,
    network            TEXT NOT NULL,
    subject            TEXT NOT NULL,          -- address | tx
    identifier         TEXT NOT NULL,          -- address or tx hash as the source wrote it
    label              TEXT NOT NULL,
    source             TEXT NOT NULL,
    creator            TEXT NOT NULL,
    confidence         TEXT NULL,
    category           TEXT NULL,
    abuse              TEXT NULL,
    actor              TEXT NULL,
    context            TEXT NULL,
    concepts           TEXT NOT NULL,          -- JSON array of concept ids
    tag_type           TEXT NULL,
    lastmod            TEXT NULL,              -- ISO 8601 with offset
    is_cluster_definer BIGINT NOT NULL,
    is_public          BIGINT NOT NULL,
    PRIMARY KEY (pack_id, position)
);
CREATE INDEX ix_intel_tags_identifier ON intel_tags (identifier);
CREATE INDEX ix_intel_tags_actor ON intel_tags (actor);

CREATE TABLE intel_actors (
    id            TEXT PRIMARY KEY,
    pack_id       TEXT NOT NULL,
    label         TEXT NOT NULL,
    uri           TEXT NULL,
    categories    TEXT NOT NULL,               -- JSON array
    jurisdictions TEXT NOT NULL,               -- JSON array of ISO 3166-1 alpha-2 codes
    legal_name    TEXT NULL,
    aliases       TEXT NOT NULL,               -- JSON array
    refs          TEXT NOT NULL,               -- JSON array
    context       TEXT NULL,                   -- the source's context object as JSON
    lastmod       TEXT NULL
);
CREATE INDEX ix_intel_actors_pack ON intel_actors (pack_id);

CREATE TABLE intel_sanctions (
    list_name    TEXT NOT NULL,
    position     BIGINT NOT NULL,
    currency     TEXT NOT NULL,                -- OFAC asset code (XBT, ETH…)
    address      TEXT NOT NULL,
    entry_number BIGINT NULL,                  -- SDN ent_num; NULL = name unavailable
    entry_name   TEXT NULL,
    entry_type   TEXT NULL,
    programs     TEXT NOT NULL,                -- JSON array
    list_date    TEXT NULL,                    -- yyyy-MM-dd
    source_file  TEXT NOT NULL,
    PRIMARY KEY (list_name, position)
);
CREATE INDEX ix_intel_sanctions_address ON intel_sanctions (address);

CREATE TABLE intel_revision (
    id       BIGINT PRIMARY KEY,
    revision BIGINT NOT NULL
);
INSERT INTO intel_revision (id, revision) VALUES (1, 0);
