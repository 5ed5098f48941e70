-- 0003: Orleans grain state storage (Microsoft.Orleans.Persistence.AdoNet 10.4.2, invariant "Npgsql").
--
-- Every storage call passes the same key parameters:
--   @ServiceId               text     ClusterOptions.ServiceId
--   @GrainTypeString         text     the *state name* (IPersistentState name), generic arity normalised;
--                                     NOT the grain class: two grain types using the same state name and key
--                                     share one row, so give every grain type its own state name
--   @GrainIdN0, @GrainIdN1   bigint   integer key: 0 and the key; Guid key: its two halves; string key: 0, 0
--   @GrainIdExtensionString  text     string key, or the key extension of a compound key, else NULL
--   @GrainTypeHash, @GrainIdHash integer  hashes of the above from the configured IStorageHasherPicker
-- A row is identified by the natural key (service id, state name, N0, N1, extension). The hashes are stored
-- for diagnostics only and never used for lookups, so a change of hasher cannot hide rows.
--
-- Optimistic concurrency: "version" is the grain state's ETag. Writes and clears name the version they read
-- (@GrainStateVersion, NULL = "I saw no row") and succeed only if it still matches; they return the new version.
-- Returning no row (or the same version) makes the provider throw InconsistentStateException.
--
-- Payload: the provider passes the serializer's bytes as @PayloadBinary (bytea). With
-- UseSystemTextJsonGrainStorageSerializer those bytes are UTF-8 JSON, readable with
-- convert_from(payload_binary, 'UTF8'). The bytes are stored untouched (not jsonb: jsonb reorders keys, which
-- breaks System.Text.Json polymorphic "$type" metadata that must come first).
--
-- Applied by the migration runner inside one transaction; safe to run again.

CREATE TABLE IF NOT EXISTS orleans_grain_state
(
    service_id             text        NOT NULL,
    grain_type             text        NOT NULL, -- @GrainTypeString: the state name
    grain_id_n0            bigint      NOT NULL,
    grain_id_n1            bigint      NOT NULL,
    grain_id_extension     text        NULL,     -- @GrainIdExtensionString as passed
    -- Lookup form of grain_id_extension: NOT NULL yet one-to-one ('' = NULL, '=' || text otherwise), so key
    -- lookups are plain equalities that use the unique index even in a generic (prepared) plan.
    grain_id_extension_key text        NOT NULL GENERATED ALWAYS AS (COALESCE('=' || grain_id_extension, '')) STORED,
    grain_type_hash        integer     NOT NULL,
    grain_id_hash          integer     NOT NULL,
    payload_binary         bytea       NULL,     -- NULL after a clear (the row keeps its version)
    version                integer     NOT NULL,
    modified_at            timestamptz NOT NULL DEFAULT now(),
    -- Keys longer than about 2.5 KB in total do not fit a btree entry.
    CONSTRAINT orleans_grain_state_key UNIQUE (service_id, grain_type, grain_id_n1, grain_id_n0, grain_id_extension_key)
);

COMMENT ON TABLE orleans_grain_state IS
    'Orleans grain state, one row per (service id, state name, grain key). version is the ETag.';

-- ReadFromStorageKey (key parameters): the state row, if any.
-- Provider expects zero or one row with "PayloadBinary" (bytea, NULL = no state) and "Version" (integer ETag).
-- Zero rows = no record and no ETag; a row with NULL payload = cleared record that still has an ETag.
INSERT INTO OrleansQuery (QueryKey, QueryText)
VALUES ('ReadFromStorageKey', $q$
SELECT payload_binary AS "PayloadBinary",
       version        AS "Version"
  FROM orleans_grain_state
 WHERE service_id = @ServiceId
   AND grain_type = @GrainTypeString
   AND grain_id_n0 = @GrainIdN0
   AND grain_id_n1 = @GrainIdN1
   AND grain_id_extension_key = COALESCE('=' || CAST(@GrainIdExtensionString AS text), '')
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- WriteToStorageKey (key parameters, @GrainStateVersion integer or NULL, @PayloadBinary bytea):
--   @GrainStateVersion NULL     -> insert a new row with version 1, unless a row already exists;
--   @GrainStateVersion not NULL -> replace the payload if the row still has that version; version + 1
--                                  (after 2147483647 it wraps to 1).
-- Provider expects one row with "NewGrainStateVersion" on success; no row = conflict (InconsistentStateException).
INSERT INTO OrleansQuery (QueryKey, QueryText)
VALUES ('WriteToStorageKey', $q$
WITH updated AS (
    UPDATE orleans_grain_state
       SET payload_binary = @PayloadBinary,
           version = CASE WHEN version = 2147483647 THEN 1 ELSE version + 1 END,
           modified_at = now()
     WHERE CAST(@GrainStateVersion AS integer) IS NOT NULL
       AND service_id = @ServiceId
       AND grain_type = @GrainTypeString
       AND grain_id_n0 = @GrainIdN0
       AND grain_id_n1 = @GrainIdN1
       AND grain_id_extension_key = COALESCE('=' || CAST(@GrainIdExtensionString AS text), '')
       AND version = @GrainStateVersion
    RETURNING version
), inserted AS (
    INSERT INTO orleans_grain_state (service_id, grain_type, grain_id_n0, grain_id_n1, grain_id_extension,
                                     grain_type_hash, grain_id_hash, payload_binary, version)
    SELECT @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, @GrainIdExtensionString,
           @GrainTypeHash, @GrainIdHash, @PayloadBinary, 1
     WHERE CAST(@GrainStateVersion AS integer) IS NULL
    ON CONFLICT ON CONSTRAINT orleans_grain_state_key DO NOTHING
    RETURNING version
)
SELECT version AS "NewGrainStateVersion" FROM updated
UNION ALL
SELECT version FROM inserted
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- ClearStorageKey (key parameters, @GrainStateVersion): used when DeleteStateOnClear = false (the default).
-- Drops the payload but keeps the row and bumps its version, if the row still has @GrainStateVersion.
-- Provider reads the first column of the single row as the new ETag; no row = conflict.
INSERT INTO OrleansQuery (QueryKey, QueryText)
VALUES ('ClearStorageKey', $q$
UPDATE orleans_grain_state
   SET payload_binary = NULL,
       version = CASE WHEN version = 2147483647 THEN 1 ELSE version + 1 END,
       modified_at = now()
 WHERE service_id = @ServiceId
   AND grain_type = @GrainTypeString
   AND grain_id_n0 = @GrainIdN0
   AND grain_id_n1 = @GrainIdN1
   AND grain_id_extension_key = COALESCE('=' || CAST(@GrainIdExtensionString AS text), '')
   AND version = @GrainStateVersion
RETURNING version AS "NewGrainStateVersion"
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- DeleteStorageKey (key parameters, @GrainStateVersion): used when DeleteStateOnClear = true. Deletes the row
-- if it still has @GrainStateVersion. Provider reads the first column of the single row and only checks that it
-- differs from the old ETag (it then sets the ETag to null), so return version + 1; no row = conflict.
INSERT INTO OrleansQuery (QueryKey, QueryText)
VALUES ('DeleteStorageKey', $q$
DELETE FROM orleans_grain_state
 WHERE service_id = @ServiceId
   AND grain_type = @GrainTypeString
   AND grain_id_n0 = @GrainIdN0
   AND grain_id_n1 = @GrainIdN1
   AND grain_id_extension_key = COALESCE('=' || CAST(@GrainIdExtensionString AS text), '')
   AND version = @GrainStateVersion
RETURNING CASE WHEN version = 2147483647 THEN 1 ELSE version + 1 END AS "NewGrainStateVersion"
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
