-- 0012: no index on the screening id (issue 6, audit throughput).
--
-- 0010 indexed every record by (tenant_id, screening_id) for GetScreening. A screening id is a version-7 GUID of the
-- record's screened-at millisecond (GroupCommitAuditLog refuses any other id), so PostgresAuditReader finds a record
-- by a one-millisecond range of audit_screening_time_ix in one partition instead. Dropping the index saves an index
-- insert (and its WAL) for every record written; see docs/PERFORMANCE.md "Audit log".
-- Applied by the migration runner inside one transaction; safe to run again.

DROP INDEX IF EXISTS audit_screening_id_ix;
