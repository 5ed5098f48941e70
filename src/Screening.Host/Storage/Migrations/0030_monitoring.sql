-- Continuous monitoring: each tenant's customer book, its alerts and how far it has been re-screened.
-- Owned by the monitoring grains (src/Screening.Grains/Monitoring): a MonitoringShardGrain owns the customers of one
-- shard, the tenant's MonitoringGrain its alerts and cursors. See docs/MONITORING.md.

-- Tenants that monitor customers, with their shard count (fixed when the tenant starts monitoring).
CREATE TABLE IF NOT EXISTS monitoring_tenants
(
    tenant_id   text        NOT NULL PRIMARY KEY,
    shard_count integer     NOT NULL,
    created_at  timestamptz NOT NULL
);

CREATE TABLE IF NOT EXISTS monitoring_customers
(
    tenant_id     text        NOT NULL,
    customer_id   text        NOT NULL,
    shard         integer     NOT NULL,          -- stable hash of customer_id modulo the tenant's shard_count
    kind          smallint    NOT NULL,          -- Screening.Matching.SubjectKind
    names         text[]      NOT NULL,
    birth_dates   integer[]   NOT NULL,          -- yyyymmdd, 00 for an unknown month or day
    countries     text[]      NOT NULL,
    identifiers   text[]      NOT NULL,          -- "kind<US>value"
    updated_at    timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, customer_id)
);

CREATE INDEX IF NOT EXISTS monitoring_customers_by_shard ON monitoring_customers (tenant_id, shard);

-- Every change of an alert takes the next value; WatchAlerts delivers changes in this order.
CREATE SEQUENCE IF NOT EXISTS monitoring_alert_change_seq;

-- One row per (tenant, customer, designation): re-screening the same delta never duplicates an alert.
CREATE TABLE IF NOT EXISTS monitoring_alerts
(
    alert_id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id         text             NOT NULL,
    customer_id       text             NOT NULL,
    designation_id    text             NOT NULL,
    list_id           text             NOT NULL,
    jurisdiction      text             NOT NULL,
    score             double precision NOT NULL,
    matched_name      text             NOT NULL,
    explanation       text             NOT NULL,
    opened_at         timestamptz      NOT NULL,
    opened_by_version integer          NOT NULL,
    state             text             NOT NULL,  -- OPEN, CLOSED, DECIDED
    closed_at         timestamptz      NULL,
    closed_by_version integer          NULL,
    close_reason      text             NULL,
    decision          text             NULL,      -- TRUE_MATCH, FALSE_POSITIVE
    note              text             NULL,
    decided_at        timestamptz      NULL,
    change_seq        bigint           NOT NULL,
    UNIQUE (tenant_id, customer_id, designation_id)
);

CREATE INDEX IF NOT EXISTS monitoring_alerts_by_designation ON monitoring_alerts (tenant_id, designation_id) WHERE state = 'OPEN';
CREATE INDEX IF NOT EXISTS monitoring_alerts_by_change ON monitoring_alerts (tenant_id, change_seq);

-- The last list version whose change has been fully screened for a tenant; advanced only after the alerts of
-- that change are committed.
CREATE TABLE IF NOT EXISTS monitoring_cursors
(
    tenant_id  text        NOT NULL,
    list_id    text        NOT NULL,
    version    integer     NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, list_id)
);
