-- 0002: Orleans cluster membership (Microsoft.Orleans.Clustering.AdoNet 10.4.2, invariant "Npgsql").
--
-- Model: one version row per cluster (ClusterId, which the provider passes as @DeploymentId) and one row per
-- silo incarnation (address, port, generation). Orleans uses the cluster's version as the etag of the whole
-- table: every insert/update of a silo row must name the version it read and bumps it by one; a stale version
-- makes the call return false and Orleans re-reads and retries.
--
-- Parameter types as Npgsql 10 sends them: strings (also @Address) -> text, ints -> integer,
-- DateTime -> timestamptz (Orleans passes UTC values), @SuspectTimes -> text or NULL.
-- Result columns are aliased in the exact case the provider reads them.
--
-- Applied by the migration runner inside one transaction; safe to run again.

CREATE TABLE IF NOT EXISTS orleans_membership_version
(
    deployment_id text        NOT NULL,
    version       integer     NOT NULL DEFAULT 0,
    updated_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT orleans_membership_version_pkey PRIMARY KEY (deployment_id)
);

COMMENT ON TABLE orleans_membership_version IS
    'Orleans membership table version per cluster id; the etag of the whole membership table.';

CREATE TABLE IF NOT EXISTS orleans_membership
(
    deployment_id   text        NOT NULL,
    address         varchar(45) NOT NULL,
    port            integer     NOT NULL,
    generation      integer     NOT NULL,
    silo_name       text        NOT NULL,
    host_name       text        NOT NULL,
    status          integer     NOT NULL, -- Orleans SiloStatus: 1 Created, 2 Joining, 3 Active, 4 ShuttingDown, 5 Stopping, 6 Dead
    proxy_port      integer     NOT NULL DEFAULT 0, -- gateway port, 0 when the silo has no gateway
    suspect_times   text        NULL,     -- Orleans' own encoding: "<silo>,<time>|<silo>,<time>..."
    start_time      timestamptz NOT NULL,
    i_am_alive_time timestamptz NOT NULL,
    CONSTRAINT orleans_membership_pkey PRIMARY KEY (deployment_id, address, port, generation),
    CONSTRAINT orleans_membership_version_fk FOREIGN KEY (deployment_id)
        REFERENCES orleans_membership_version (deployment_id) ON DELETE CASCADE
);

COMMENT ON TABLE orleans_membership IS
    'Orleans silo membership rows, one per silo incarnation (address, port, generation) per cluster id.';

-- Inserts a silo row if the cluster version is still p_expected_version and the silo row does not exist yet;
-- on success bumps the version. Returns true on success, false on a stale version or an existing row.
CREATE OR REPLACE FUNCTION orleans_membership_insert(
    p_deployment_id    text,
    p_address          text,
    p_port             integer,
    p_generation       integer,
    p_silo_name        text,
    p_host_name        text,
    p_status           integer,
    p_proxy_port       integer,
    p_start_time       timestamptz,
    p_i_am_alive_time  timestamptz,
    p_expected_version integer)
    RETURNS boolean
    LANGUAGE plpgsql
AS
$fn$
BEGIN
    -- A cluster without a version row reads as version 0 (see MembershipReadAllKey): create the row then.
    IF p_expected_version = 0 THEN
        INSERT INTO orleans_membership_version (deployment_id)
        VALUES (p_deployment_id)
        ON CONFLICT (deployment_id) DO NOTHING;
    END IF;

    -- Lock the version row, but only while it still holds the version the caller read. A concurrent writer
    -- that commits first changes the version, and the re-check after the lock wait then finds nothing.
    PERFORM 1
       FROM orleans_membership_version
      WHERE deployment_id = p_deployment_id
        AND version = p_expected_version
        FOR UPDATE;
    IF NOT FOUND THEN
        RETURN false;
    END IF;

    INSERT INTO orleans_membership (deployment_id, address, port, generation, silo_name, host_name, status,
                                    proxy_port, suspect_times, start_time, i_am_alive_time)
    VALUES (p_deployment_id, p_address, p_port, p_generation, COALESCE(p_silo_name, ''), COALESCE(p_host_name, ''),
            p_status, COALESCE(p_proxy_port, 0), NULL, p_start_time, p_i_am_alive_time)
    ON CONFLICT (deployment_id, address, port, generation) DO NOTHING;
    IF NOT FOUND THEN
        RETURN false;
    END IF;

    UPDATE orleans_membership_version
       SET version = version + 1, updated_at = now()
     WHERE deployment_id = p_deployment_id;
    RETURN true;
END
$fn$;

-- Updates status, suspect times and i-am-alive time of an existing silo row if the cluster version is still
-- p_expected_version; on success bumps the version. Returns false on a stale version or a missing row.
CREATE OR REPLACE FUNCTION orleans_membership_update(
    p_deployment_id    text,
    p_address          text,
    p_port             integer,
    p_generation       integer,
    p_status           integer,
    p_suspect_times    text,
    p_i_am_alive_time  timestamptz,
    p_expected_version integer)
    RETURNS boolean
    LANGUAGE plpgsql
AS
$fn$
BEGIN
    PERFORM 1
       FROM orleans_membership_version
      WHERE deployment_id = p_deployment_id
        AND version = p_expected_version
        FOR UPDATE;
    IF NOT FOUND THEN
        RETURN false;
    END IF;

    UPDATE orleans_membership
       SET status = p_status,
           suspect_times = p_suspect_times,
           i_am_alive_time = p_i_am_alive_time
     WHERE deployment_id = p_deployment_id
       AND address = p_address
       AND port = p_port
       AND generation = p_generation;
    IF NOT FOUND THEN
        RETURN false;
    END IF;

    UPDATE orleans_membership_version
       SET version = version + 1, updated_at = now()
     WHERE deployment_id = p_deployment_id;
    RETURN true;
END
$fn$;

-- InsertMembershipVersionKey (@DeploymentId): creates the cluster's version row (version 0) unless it exists.
-- Silos run it at start-up. Provider expects one row with one boolean column: true if a row was created.
INSERT INTO OrleansQuery (QueryKey, QueryText)
VALUES ('InsertMembershipVersionKey', $q$
WITH created AS (
    INSERT INTO orleans_membership_version (deployment_id)
    VALUES (@DeploymentId)
    ON CONFLICT (deployment_id) DO NOTHING
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM created) AS "Created"
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- MembershipReadAllKey (@DeploymentId): the table version plus every silo row of the cluster.
-- Provider expects at least one row; it takes the table version from the first row's "Version" and treats a
-- row with NULL "StartTime" as "no silo". So: one row per silo, or a single row with only "Version" when there
-- are none (version 0 when the cluster has no version row yet).
INSERT INTO OrleansQuery (QueryKey, QueryText)
VALUES ('MembershipReadAllKey', $q$
SELECT COALESCE(v.version, 0) AS "Version",
       m.address              AS "Address",
       m.port                 AS "Port",
       m.generation           AS "Generation",
       m.silo_name            AS "SiloName",
       m.host_name            AS "HostName",
       m.status               AS "Status",
       m.proxy_port           AS "ProxyPort",
       m.suspect_times        AS "SuspectTimes",
       m.start_time           AS "StartTime",
       m.i_am_alive_time      AS "IAmAliveTime"
  FROM (SELECT CAST(@DeploymentId AS text) AS deployment_id) AS d
  LEFT JOIN orleans_membership_version AS v ON v.deployment_id = d.deployment_id
  LEFT JOIN orleans_membership AS m ON m.deployment_id = d.deployment_id
 ORDER BY m.address, m.port, m.generation
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- MembershipReadRowKey (@DeploymentId, @Address, @Port, @Generation): like MembershipReadAllKey, for one silo.
-- Provider expects exactly one row: the version, with the silo's columns or NULLs when the silo is unknown.
INSERT INTO OrleansQuery (QueryKey, QueryText)
VALUES ('MembershipReadRowKey', $q$
SELECT COALESCE(v.version, 0) AS "Version",
       m.address              AS "Address",
       m.port                 AS "Port",
       m.generation           AS "Generation",
       m.silo_name            AS "SiloName",
       m.host_name            AS "HostName",
       m.status               AS "Status",
       m.proxy_port           AS "ProxyPort",
       m.suspect_times        AS "SuspectTimes",
       m.start_time           AS "StartTime",
       m.i_am_alive_time      AS "IAmAliveTime"
  FROM (SELECT CAST(@DeploymentId AS text) AS deployment_id) AS d
  LEFT JOIN orleans_membership_version AS v ON v.deployment_id = d.deployment_id
  LEFT JOIN orleans_membership AS m
         ON m.deployment_id = d.deployment_id
        AND m.address = @Address
        AND m.port = @Port
        AND m.generation = @Generation
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- InsertMembershipKey (@DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort,
-- @StartTime, @IAmAliveTime, @Version = the table version the silo read): adds a silo row and bumps the version.
-- Provider expects one row with one boolean column: true = inserted, false = stale version or row exists.
INSERT INTO OrleansQuery (QueryKey, QueryText)
VALUES ('InsertMembershipKey', $q$
SELECT orleans_membership_insert(
           p_deployment_id    => @DeploymentId,
           p_address          => @Address,
           p_port             => @Port,
           p_generation       => @Generation,
           p_silo_name        => @SiloName,
           p_host_name        => @HostName,
           p_status           => @Status,
           p_proxy_port       => @ProxyPort,
           p_start_time       => @StartTime,
           p_i_am_alive_time  => @IAmAliveTime,
           p_expected_version => @Version) AS "Inserted"
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- UpdateMembershipKey (@DeploymentId, @Address, @Port, @Generation, @Status, @SuspectTimes, @IAmAliveTime,
-- @Version = the table version the silo read): updates a silo row and bumps the version.
-- Provider expects one row with one boolean column: true = updated, false = stale version or no such row.
INSERT INTO OrleansQuery (QueryKey, QueryText)
VALUES ('UpdateMembershipKey', $q$
SELECT orleans_membership_update(
           p_deployment_id    => @DeploymentId,
           p_address          => @Address,
           p_port             => @Port,
           p_generation       => @Generation,
           p_status           => @Status,
           p_suspect_times    => @SuspectTimes,
           p_i_am_alive_time  => @IAmAliveTime,
           p_expected_version => @Version) AS "Updated"
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- UpdateIAmAlivetimeKey (@DeploymentId, @Address, @Port, @Generation, @IAmAliveTime): heartbeat. Sets the
-- silo's i-am-alive time without touching the table version. Provider reads no result.
INSERT INTO OrleansQuery (QueryKey, QueryText)
VALUES ('UpdateIAmAlivetimeKey', $q$
UPDATE orleans_membership
   SET i_am_alive_time = @IAmAliveTime
 WHERE deployment_id = @DeploymentId
   AND address = @Address
   AND port = @Port
   AND generation = @Generation
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- GatewaysQueryKey (@DeploymentId, @Status = 3 Active): gateways for clients.
-- Provider expects one row per gateway with "Address" (text), "ProxyPort" and "Generation" (integers).
INSERT INTO OrleansQuery (QueryKey, QueryText)
VALUES ('GatewaysQueryKey', $q$
SELECT address    AS "Address",
       proxy_port AS "ProxyPort",
       generation AS "Generation"
  FROM orleans_membership
 WHERE deployment_id = @DeploymentId
   AND status = @Status
   AND proxy_port > 0
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- DeleteMembershipTableEntriesKey (@DeploymentId): removes the cluster's version row and (by cascade) all its
-- silo rows. Used by tests and tooling. Provider reads no result.
INSERT INTO OrleansQuery (QueryKey, QueryText)
VALUES ('DeleteMembershipTableEntriesKey', $q$
DELETE FROM orleans_membership_version
 WHERE deployment_id = @DeploymentId
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- CleanupDefunctSiloEntriesKey (@DeploymentId, @IAmAliveTime = cut-off): deletes Dead (6) silo rows not alive
-- since the cut-off. Required key; 10.4.2 uses it only when CleanupDefunctSiloEntryKey below is absent.
-- Provider reads no result.
INSERT INTO OrleansQuery (QueryKey, QueryText)
VALUES ('CleanupDefunctSiloEntriesKey', $q$
DELETE FROM orleans_membership
 WHERE deployment_id = @DeploymentId
   AND status = 6
   AND i_am_alive_time < @IAmAliveTime
   AND start_time < @IAmAliveTime
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- CleanupDefunctSiloEntryKey (@DeploymentId, @Address, @Port, @Generation, @StartTime, @IAmAliveTime,
-- @SuspectTimes): optional key (10.4.2+). The provider reads all rows, picks the Dead ones that are old enough,
-- and deletes each one only if it is still exactly as read (still Dead, same times, same suspect list).
-- Provider reads no result.
INSERT INTO OrleansQuery (QueryKey, QueryText)
VALUES ('CleanupDefunctSiloEntryKey', $q$
DELETE FROM orleans_membership
 WHERE deployment_id = @DeploymentId
   AND address = @Address
   AND port = @Port
   AND generation = @Generation
   AND status = 6
   AND start_time = @StartTime
   AND i_am_alive_time = @IAmAliveTime
   AND COALESCE(suspect_times, '') = COALESCE(CAST(@SuspectTimes AS text), '')
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
