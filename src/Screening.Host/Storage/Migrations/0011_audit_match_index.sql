-- 0011: a cheaper index for QueryScreenings filtered by decision (issue 6, audit throughput).
--
-- 0010 indexed every record by (tenant_id, decision, screened_at, seq). Almost every answer is CLEAR, so that index
-- cost a full index insert per record for a filter whose CLEAR half is served as well by audit_screening_time_ix
-- (most rows of a time range are CLEAR anyway). Only the rare potential matches need their own index: a partial
-- index holds just those rows. PostgresAuditReader writes the POTENTIAL_MATCH filter as a literal so the planner
-- can prove the predicate. Measured: one index fewer per record; see docs/PERFORMANCE.md "Audit log".
--
-- Rebuilding on a large table locks audit_screening against writes while the partial index is built (partitioned
-- tables have no CREATE INDEX CONCURRENTLY); the index is small (potential matches only), so this is short.
-- Applied by the migration runner inside one transaction; safe to run again.

DROP INDEX IF EXISTS audit_screening_decision_ix;
CREATE INDEX IF NOT EXISTS audit_screening_match_ix ON audit_screening (tenant_id, screened_at DESC, seq DESC)
    WHERE decision = 'POTENTIAL_MATCH';
