-- 0010: audit log of every screening answer (written by Screening.Grains/Audit/GroupCommitAuditLog).
--
-- audit_screening holds one row per answer, partitioned by month of screened_at (UTC) so that retention drops a
-- whole partition instead of deleting rows. Partitions are named audit_screening_yYYYYmMM and created ahead by
-- audit_ensure_partition (called here, by the writer for each month it meets, and by the retention service).
-- There is no DEFAULT partition on purpose: with one, every new partition would scan and lock it.
--
-- Tamper evidence: each tenant has ONE hash chain. seq counts the tenant's records from 1 without gaps;
-- hash = SHA-256(prev_hash, tenant, seq, SHA-256(canonical content)), prev_hash is the previous record's hash
-- (32 zero bytes for seq 1). The hashes are computed by the writer (see AuditChainHash), not here.
-- audit_chain keeps, per tenant, the head of the chain (last seq and hash), which writers lock (SELECT ... FOR
-- UPDATE) inside their batch transaction, so several silos append to one chain in turn; the head also reveals
-- deleted trailing records. anchor_seq / anchor_hash is the last record removed by retention: verification of
-- the retained part starts from it.
--
-- The JSON columns are text, not jsonb: jsonb reformats, and the hashes are over the exact text.
-- Applied by the migration runner inside one transaction; safe to run again.

CREATE TABLE IF NOT EXISTS audit_screening
(
    tenant_id        text        NOT NULL,
    seq              bigint      NOT NULL,
    screening_id     text        NOT NULL,
    client_reference text        NOT NULL,
    decision         text        NOT NULL,
    list_versions    text        NOT NULL,
    as_of            date        NOT NULL,
    screened_at      timestamptz NOT NULL,
    request_json     text        NOT NULL,
    response_json    text        NOT NULL,
    prev_hash        bytea       NOT NULL,
    hash             bytea       NOT NULL,
    -- A partitioned table's key must contain the partition column; (tenant_id, seq) is unique by construction.
    CONSTRAINT audit_screening_pk PRIMARY KEY (tenant_id, seq, screened_at)
) PARTITION BY RANGE (screened_at);

-- GetScreening (by id within a tenant).
CREATE INDEX IF NOT EXISTS audit_screening_id_ix ON audit_screening (tenant_id, screening_id);
-- QueryScreenings: newest first by time, keyset-paged on (screened_at, seq).
CREATE INDEX IF NOT EXISTS audit_screening_time_ix ON audit_screening (tenant_id, screened_at DESC, seq DESC);
-- QueryScreenings filtered by client reference.
CREATE INDEX IF NOT EXISTS audit_screening_reference_ix ON audit_screening (tenant_id, client_reference, screened_at DESC, seq DESC);
-- QueryScreenings filtered by decision: potential matches are the rare, interesting rows.
CREATE INDEX IF NOT EXISTS audit_screening_decision_ix ON audit_screening (tenant_id, decision, screened_at DESC, seq DESC);

CREATE TABLE IF NOT EXISTS audit_chain
(
    tenant_id   text   NOT NULL PRIMARY KEY,
    head_seq    bigint NOT NULL DEFAULT 0,
    head_hash   bytea  NOT NULL DEFAULT '\x0000000000000000000000000000000000000000000000000000000000000000'::bytea,
    anchor_seq  bigint NOT NULL DEFAULT 0,
    anchor_hash bytea  NOT NULL DEFAULT '\x0000000000000000000000000000000000000000000000000000000000000000'::bytea
);

-- Creates the month partition containing p_day (UTC) if it does not exist. Returns its name.
-- DDL on the audit table is serialised by a transaction-level advisory lock (the retention service takes the
-- same one), so two silos creating the same month do not collide.
CREATE OR REPLACE FUNCTION audit_ensure_partition(p_day date) RETURNS text
LANGUAGE plpgsql AS
$$
DECLARE
    month_start date := date_trunc('month', p_day)::date;
    part_name   text := 'audit_screening_y' || to_char(month_start, 'YYYY') || 'm' || to_char(month_start, 'MM');
BEGIN
    IF to_regclass(part_name) IS NULL THEN
        PERFORM pg_advisory_xact_lock(6634626884848910336); -- 0x5C12EE0000AD0000: audit DDL
        IF to_regclass(part_name) IS NULL THEN
            EXECUTE format('CREATE TABLE IF NOT EXISTS %I PARTITION OF audit_screening FOR VALUES FROM (%L) TO (%L)',
                           part_name,
                           (month_start::timestamp AT TIME ZONE 'UTC'),
                           ((month_start + interval '1 month')::timestamp AT TIME ZONE 'UTC'));
        END IF;
    END IF;
    RETURN part_name;
END;
$$;

SELECT audit_ensure_partition((now() AT TIME ZONE 'UTC')::date);
SELECT audit_ensure_partition(((now() AT TIME ZONE 'UTC') + interval '1 month')::date);
