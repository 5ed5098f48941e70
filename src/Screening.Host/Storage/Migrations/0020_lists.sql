-- Designation lists: the authoritative, append-only record of every list version and every revision.
-- A JurisdictionGrain writes one version (its revisions and the version row) in one transaction; every silo's
-- index registry reads from here. The version row is written last in that transaction, so a reader that sees
-- version N sees all of N's revisions.

CREATE TABLE IF NOT EXISTS list_versions
(
    list_id           text        NOT NULL,          -- "<jurisdiction>/<list>", e.g. "KZ/terrorist-organisations"
    version           integer     NOT NULL,          -- 1, 2, ... per list
    recorded_at       timestamptz NOT NULL,
    publication_date  date        NULL,
    format_name       text        NULL,
    source_reference  text        NULL,
    listed            integer     NOT NULL DEFAULT 0,
    amended           integer     NOT NULL DEFAULT 0,
    delisted          integer     NOT NULL DEFAULT 0,
    relisted          integer     NOT NULL DEFAULT 0,
    unchanged         integer     NOT NULL DEFAULT 0,
    PRIMARY KEY (list_id, version)
);

CREATE TABLE IF NOT EXISTS designation_revisions
(
    list_id             text        NOT NULL,
    version             integer     NOT NULL,
    seq                 integer     NOT NULL,        -- order of the revision inside its version
    source_id           text        NOT NULL,
    kind                text        NOT NULL,        -- Listed, Amended, Delisted, Relisted
    effective_date      date        NOT NULL,
    effective_precision text        NOT NULL,
    recorded_at         timestamptz NOT NULL,
    legal_basis         text        NULL,
    reason              text        NULL,
    source_reference    text        NULL,
    fingerprint         text        NULL,
    changed_fields      text[]      NOT NULL DEFAULT '{}',
    content             jsonb       NULL,            -- the designation as of this revision (NULL for a delisting)
    PRIMARY KEY (list_id, version, seq),
    FOREIGN KEY (list_id, version) REFERENCES list_versions (list_id, version) DEFERRABLE INITIALLY DEFERRED
);

CREATE INDEX IF NOT EXISTS designation_revisions_by_source ON designation_revisions (list_id, source_id);
