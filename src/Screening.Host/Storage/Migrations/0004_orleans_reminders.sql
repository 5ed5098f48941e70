-- 0004: Orleans reminders (Microsoft.Orleans.Reminders.AdoNet 10.4.2, invariant "Npgsql").
--
-- Parameters as the provider passes them:
--   @ServiceId     text         ClusterOptions.ServiceId
--   @GrainId       text         GrainId.ToString(), e.g. "screening/tenant/acme"; parsed back with GrainId.Parse
--   @ReminderName  text
--   @GrainHash     integer      GrainId.GetUniformHashCode() cast from uint to int (so it can be negative)
--   @BeginHash, @EndHash integer  a ring range (begin, end], also cast from uint to int
--   @StartTime     timestamptz  UTC
--   @Period        integer or bigint, milliseconds
--   @Version       integer      the reminder's ETag
-- Rows returned to the provider carry "GrainId", "ReminderName", "StartTime", "Period" (read as int64) and
-- "Version" (the ETag).
--
-- Applied by the migration runner inside one transaction; safe to run again.

CREATE TABLE IF NOT EXISTS orleans_reminder
(
    service_id    text        NOT NULL,
    grain_id      text        NOT NULL,
    reminder_name text        NOT NULL,
    start_time    timestamptz NOT NULL,
    period_ms     bigint      NOT NULL,
    grain_hash    integer     NOT NULL,
    version       integer     NOT NULL,
    modified_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT orleans_reminder_pkey PRIMARY KEY (service_id, grain_id, reminder_name)
);

-- Each silo reads the reminders of its hash range of the ring.
CREATE INDEX IF NOT EXISTS orleans_reminder_service_hash_idx ON orleans_reminder (service_id, grain_hash);

COMMENT ON TABLE orleans_reminder IS
    'Orleans reminders, one row per (service id, grain id, reminder name). version is the ETag.';

-- ReadReminderRowsKey (@ServiceId, @GrainId): all reminders of one grain. Provider expects zero or more rows.
INSERT INTO OrleansQuery (QueryKey, QueryText)
VALUES ('ReadReminderRowsKey', $q$
SELECT grain_id      AS "GrainId",
       reminder_name AS "ReminderName",
       start_time    AS "StartTime",
       period_ms     AS "Period",
       version       AS "Version"
  FROM orleans_reminder
 WHERE service_id = @ServiceId
   AND grain_id = @GrainId
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- ReadReminderRowKey (@ServiceId, @GrainId, @ReminderName): one reminder. Provider expects zero or one row.
INSERT INTO OrleansQuery (QueryKey, QueryText)
VALUES ('ReadReminderRowKey', $q$
SELECT grain_id      AS "GrainId",
       reminder_name AS "ReminderName",
       start_time    AS "StartTime",
       period_ms     AS "Period",
       version       AS "Version"
  FROM orleans_reminder
 WHERE service_id = @ServiceId
   AND grain_id = @GrainId
   AND reminder_name = @ReminderName
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- ReadRangeRows1Key (@ServiceId, @BeginHash, @EndHash): reminders whose grain hash lies in (begin, end].
-- The provider picks this key when (int)begin < (int)end, i.e. the range does not wrap in signed order.
INSERT INTO OrleansQuery (QueryKey, QueryText)
VALUES ('ReadRangeRows1Key', $q$
SELECT grain_id      AS "GrainId",
       reminder_name AS "ReminderName",
       start_time    AS "StartTime",
       period_ms     AS "Period",
       version       AS "Version"
  FROM orleans_reminder
 WHERE service_id = @ServiceId
   AND grain_hash > @BeginHash
   AND grain_hash <= @EndHash
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- ReadRangeRows2Key (@ServiceId, @BeginHash, @EndHash): the wrapping case, (int)begin >= (int)end: hashes above
-- begin or up to end. begin = end means the whole ring (a single silo).
INSERT INTO OrleansQuery (QueryKey, QueryText)
VALUES ('ReadRangeRows2Key', $q$
SELECT grain_id      AS "GrainId",
       reminder_name AS "ReminderName",
       start_time    AS "StartTime",
       period_ms     AS "Period",
       version       AS "Version"
  FROM orleans_reminder
 WHERE service_id = @ServiceId
   AND (grain_hash > @BeginHash OR grain_hash <= @EndHash)
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- UpsertReminderRowKey (@ServiceId, @GrainHash, @GrainId, @ReminderName, @StartTime, @Period): creates the
-- reminder (version 1) or overwrites start time and period (version + 1, wrapping to 1 after 2147483647).
-- No etag check: the last registration wins. Provider expects one row with the new "Version".
INSERT INTO OrleansQuery (QueryKey, QueryText)
VALUES ('UpsertReminderRowKey', $q$
INSERT INTO orleans_reminder AS r (service_id, grain_id, reminder_name, start_time, period_ms, grain_hash, version)
VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 1)
ON CONFLICT ON CONSTRAINT orleans_reminder_pkey DO UPDATE
   SET start_time = EXCLUDED.start_time,
       period_ms = EXCLUDED.period_ms,
       grain_hash = EXCLUDED.grain_hash,
       version = CASE WHEN r.version = 2147483647 THEN 1 ELSE r.version + 1 END,
       modified_at = now()
RETURNING r.version AS "Version"
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- DeleteReminderRowKey (@ServiceId, @GrainId, @ReminderName, @Version): deletes the reminder if it still has
-- that version. Provider expects one row with one boolean column: true = deleted, false = missing or changed.
INSERT INTO OrleansQuery (QueryKey, QueryText)
VALUES ('DeleteReminderRowKey', $q$
WITH deleted AS (
    DELETE FROM orleans_reminder
     WHERE service_id = @ServiceId
       AND grain_id = @GrainId
       AND reminder_name = @ReminderName
       AND version = @Version
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM deleted) AS "Deleted"
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- DeleteReminderRowsKey (@ServiceId): deletes every reminder of the service (test clean-up). No result read.
INSERT INTO OrleansQuery (QueryKey, QueryText)
VALUES ('DeleteReminderRowsKey', $q$
DELETE FROM orleans_reminder
 WHERE service_id = @ServiceId
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
