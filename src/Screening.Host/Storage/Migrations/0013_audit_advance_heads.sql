-- 0013: one round trip per audit batch (issue 7, screening latency).
--
-- A writer that committed a tenant's last batch knows the tenant's chain head. It links the next batch from that
-- head and sends, in one pipeline (one implicit transaction), audit_advance_heads and the INSERT of the records.
-- audit_advance_heads locks the heads (in tenant order, as the full path does, so writers cannot deadlock) and moves
-- each one only if it is still where the writer believed: if another writer (another silo, or a retention repair)
-- moved it, it raises SQLSTATE SC001, the pipeline stops before the INSERT, nothing is written, and the writer
-- falls back to reading the heads under lock (GroupCommitAuditLog.Commit).
-- Applied by the migration runner inside one transaction; safe to run again.

CREATE OR REPLACE FUNCTION audit_advance_heads(
    p_tenants   text[],
    p_from_seq  bigint[],
    p_from_hash bytea[],
    p_to_seq    bigint[],
    p_to_hash   bytea[]) RETURNS void
LANGUAGE plpgsql AS
$$
DECLARE
    moved integer;
BEGIN
    PERFORM 1 FROM audit_chain WHERE tenant_id = ANY (p_tenants) ORDER BY tenant_id FOR UPDATE;
    UPDATE audit_chain AS c
       SET head_seq = u.to_seq, head_hash = u.to_hash
      FROM unnest(p_tenants, p_from_seq, p_from_hash, p_to_seq, p_to_hash) AS u(tenant_id, from_seq, from_hash, to_seq, to_hash)
     WHERE c.tenant_id = u.tenant_id AND c.head_seq = u.from_seq AND c.head_hash = u.from_hash;
    GET DIAGNOSTICS moved = ROW_COUNT;
    IF moved <> cardinality(p_tenants) THEN
        RAISE EXCEPTION 'audit chain head moved by another writer (% of % heads where expected)', moved, cardinality(p_tenants)
            USING ERRCODE = 'SC001';
    END IF;
END;
$$;
