-- 0001: the table of named queries that the Orleans ADO.NET providers read at start-up.
--
-- Clustering, persistence and reminders (Microsoft.Orleans.*.AdoNet 10.4.2) ship no SQL. When a provider
-- starts, it runs exactly
--     SELECT QueryKey, QueryText FROM OrleansQuery
-- (persistence adds a WHERE on its four keys) and fails listing any missing keys. It then executes QueryText
-- with its own named parameters (@DeploymentId, @ServiceId, ...). Migrations 0002-0004 fill the rows.
-- README.md next to this file describes each key's parameters and result.
--
-- The provider's statement is unquoted, so the names fold to lower case: orleansquery(querykey, querytext).
-- Keep them unquoted here as well.
--
-- Applied by the migration runner inside one transaction; safe to run again.

CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  varchar(64) NOT NULL,
    QueryText text        NOT NULL,
    CONSTRAINT orleansquery_pkey PRIMARY KEY (QueryKey)
);

COMMENT ON TABLE OrleansQuery IS
    'Named SQL statements the Orleans ADO.NET providers load at start-up (key -> SQL text). Filled by migrations 0002-0004.';
