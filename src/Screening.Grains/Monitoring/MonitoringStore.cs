using System.Collections.Immutable;
using Npgsql;
using NpgsqlTypes;
using Screening.Grains.Abstractions.Monitoring;

namespace Screening.Grains.Monitoring;

/// <summary>
/// Monitoring's tables in PostgreSQL (migration 0030_monitoring.sql): customers, alerts, cursors, monitored tenants.
/// Every statement that changes alerts first takes a per-tenant transaction advisory lock and then numbers its
/// changes from <c>monitoring_alert_change_seq</c>, so a tenant's changes commit in sequence order and a watcher
/// that reads "after sequence N" never skips one that commits late.
/// </summary>
public sealed class MonitoringStore(NpgsqlDataSource database)
{
    private const string AlertColumns =
        "alert_id, customer_id, designation_id, list_id, jurisdiction, score, matched_name, explanation, opened_at, opened_by_version, state, closed_at, closed_by_version, close_reason, decision, note, decided_at, change_seq";

    /// <summary>Registers a tenant with <paramref name="shardCount"/> shards unless it is registered; returns its shard count.</summary>
    public async Task<int> RegisterTenantAsync(string tenantId, int shardCount, DateTimeOffset now, CancellationToken ct)
    {
        await using var cmd = database.CreateCommand(
            """
            WITH ins AS (INSERT INTO monitoring_tenants (tenant_id, shard_count, created_at) VALUES ($1, $2, $3)
                         ON CONFLICT (tenant_id) DO NOTHING RETURNING shard_count)
            SELECT shard_count FROM ins UNION ALL SELECT shard_count FROM monitoring_tenants WHERE tenant_id = $1 LIMIT 1
            """);
        cmd.Parameters.Add(new() { Value = tenantId });
        cmd.Parameters.Add(new() { Value = shardCount });
        cmd.Parameters.Add(new() { Value = now.ToUniversalTime() });
        return Convert.ToInt32(await cmd.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The shard count of a registered tenant, or null.</summary>
    public async Task<int?> ShardCountAsync(string tenantId, CancellationToken ct)
    {
        await using var cmd = database.CreateCommand("SELECT shard_count FROM monitoring_tenants WHERE tenant_id = $1");
        cmd.Parameters.Add(new() { Value = tenantId });
        return await cmd.ExecuteScalarAsync(ct) is int n ? n : null;
    }

    /// <summary>Every tenant that monitors customers.</summary>
    public async Task<IReadOnlyList<string>> MonitoredTenantsAsync(CancellationToken ct)
    {
        var result = new List<string>();
        await using var cmd = database.CreateCommand("SELECT tenant_id FROM monitoring_tenants ORDER BY tenant_id");
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            result.Add(reader.GetString(0));
        }

        return result;
    }

    /// <summary>The customers of one shard.</summary>
    public async Task<List<MonitoredCustomer>> LoadShardAsync(string tenantId, int shard, CancellationToken ct)
    {
        var result = new List<MonitoredCustomer>();
        await using var cmd = database.CreateCommand(
            "SELECT customer_id, kind, names, birth_dates, countries, identifiers FROM monitoring_customers WHERE tenant_id = $1 AND shard = $2");
        cmd.Parameters.Add(new() { Value = tenantId });
        cmd.Parameters.Add(new() { Value = shard });
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            result.Add(new MonitoredCustomer(
                reader.GetString(0),
                reader.GetInt16(1),
                ImmutableArray.Create(reader.GetFieldValue<string[]>(2)),
                ImmutableArray.Create(reader.GetFieldValue<int[]>(3)),
                ImmutableArray.Create(reader.GetFieldValue<string[]>(4)),
                ImmutableArray.Create(reader.GetFieldValue<string[]>(5))));
        }

        return result;
    }

    /// <summary>Inserts or updates customers of one shard (ids unique within the batch), in one transaction.</summary>
    public async Task UpsertCustomersAsync(string tenantId, int shard, IReadOnlyCollection<MonitoredCustomer> customers, DateTimeOffset now, CancellationToken ct)
    {
        await using var conn = await database.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await using (var create = new NpgsqlCommand(
            "CREATE TEMP TABLE customer_batch (customer_id text, kind smallint, names text[], birth_dates integer[], countries text[], identifiers text[]) ON COMMIT DROP",
            conn,
            tx))
        {
            await create.ExecuteNonQueryAsync(ct);
        }

        await using (var writer = await conn.BeginBinaryImportAsync("COPY customer_batch FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var c in customers)
            {
                await writer.StartRowAsync(ct);
                await writer.WriteAsync(c.CustomerId, NpgsqlDbType.Text, ct);
                await writer.WriteAsync((short)c.Kind, NpgsqlDbType.Smallint, ct);
                await writer.WriteAsync(c.Names.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
                await writer.WriteAsync(c.BirthDates.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Integer, ct);
                await writer.WriteAsync(c.Countries.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
                await writer.WriteAsync(c.Identifiers.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
            }

            await writer.CompleteAsync(ct);
        }

        await using (var merge = new NpgsqlCommand(
            """
            INSERT INTO monitoring_customers (tenant_id, customer_id, shard, kind, names, birth_dates, countries, identifiers, updated_at)
            SELECT $1, customer_id, $2, kind, names, birth_dates, countries, identifiers, $3 FROM customer_batch
            ON CONFLICT (tenant_id, customer_id) DO UPDATE
               SET kind = EXCLUDED.kind, names = EXCLUDED.names, birth_dates = EXCLUDED.birth_dates,
                   countries = EXCLUDED.countries, identifiers = EXCLUDED.identifiers, updated_at = EXCLUDED.updated_at
            """,
            conn,
            tx))
        {
            merge.Parameters.Add(new() { Value = tenantId });
            merge.Parameters.Add(new() { Value = shard });
            merge.Parameters.Add(new() { Value = now.ToUniversalTime() });
            await merge.ExecuteNonQueryAsync(ct);
        }

        await tx.CommitAsync(ct);
    }

    /// <summary>Deletes customers and closes their open alerts with <paramref name="reason"/>; returns how many customers were deleted.</summary>
    public async Task<int> RemoveCustomersAsync(string tenantId, IReadOnlyCollection<string> customerIds, string reason, DateTimeOffset now, CancellationToken ct)
    {
        await using var conn = await database.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await LockTenantAsync(conn, tx, tenantId, ct);
        int removed;
        await using (var delete = new NpgsqlCommand("DELETE FROM monitoring_customers WHERE tenant_id = $1 AND customer_id = ANY($2)", conn, tx))
        {
            delete.Parameters.Add(new() { Value = tenantId });
            delete.Parameters.Add(new() { Value = customerIds.ToArray() });
            removed = await delete.ExecuteNonQueryAsync(ct);
        }

        await using (var close = new NpgsqlCommand(
            """
            UPDATE monitoring_alerts SET state = 'CLOSED', closed_at = $3, closed_by_version = NULL, close_reason = $4, change_seq = nextval('monitoring_alert_change_seq')
             WHERE tenant_id = $1 AND customer_id = ANY($2) AND state = 'OPEN'
            """,
            conn,
            tx))
        {
            close.Parameters.Add(new() { Value = tenantId });
            close.Parameters.Add(new() { Value = customerIds.ToArray() });
            close.Parameters.Add(new() { Value = now.ToUniversalTime() });
            close.Parameters.Add(new() { Value = reason });
            await close.ExecuteNonQueryAsync(ct);
        }

        await tx.CommitAsync(ct);
        return removed;
    }

    /// <summary>
    /// Opens an alert per candidate unless the pair has one; a pair whose alert was closed by an earlier list version
    /// (or by removal of the customer) is reopened. Idempotent: the same candidates twice change nothing the second time.
    /// Returns how many alerts were opened or reopened.
    /// </summary>
    public async Task<int> OpenAlertsAsync(string tenantId, IReadOnlyList<AlertCandidate> candidates, DateTimeOffset now, CancellationToken ct)
    {
        if (candidates.Count == 0)
        {
            return 0;
        }

        await using var conn = await database.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await LockTenantAsync(conn, tx, tenantId, ct);
        await using var cmd = new NpgsqlCommand(
            """
            INSERT INTO monitoring_alerts (tenant_id, customer_id, designation_id, list_id, jurisdiction, score, matched_name, explanation, opened_at, opened_by_version, state, change_seq)
            SELECT $1, c.customer_id, c.designation_id, c.list_id, c.jurisdiction, c.score, c.matched_name, c.explanation, $10, c.version, 'OPEN', nextval('monitoring_alert_change_seq')
              FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::float8[], $7::text[], $8::text[], $9::int[])
                   AS c (customer_id, designation_id, list_id, jurisdiction, score, matched_name, explanation, version)
            ON CONFLICT (tenant_id, customer_id, designation_id) DO UPDATE
               SET state = 'OPEN', score = EXCLUDED.score, matched_name = EXCLUDED.matched_name, explanation = EXCLUDED.explanation,
                   opened_at = EXCLUDED.opened_at, opened_by_version = EXCLUDED.opened_by_version,
                   closed_at = NULL, closed_by_version = NULL, close_reason = NULL, change_seq = EXCLUDED.change_seq
             WHERE monitoring_alerts.state = 'CLOSED'
               AND coalesce(monitoring_alerts.closed_by_version, 0) < EXCLUDED.opened_by_version
            """,
            conn,
            tx);
        cmd.Parameters.Add(new() { Value = tenantId });
        cmd.Parameters.Add(new() { Value = candidates.Select(c => c.CustomerId).ToArray() });
        cmd.Parameters.Add(new() { Value = candidates.Select(c => c.DesignationId).ToArray() });
        cmd.Parameters.Add(new() { Value = candidates.Select(c => c.ListId).ToArray() });
        cmd.Parameters.Add(new() { Value = candidates.Select(c => c.Jurisdiction).ToArray() });
        cmd.Parameters.Add(new() { Value = candidates.Select(c => c.Score).ToArray() });
        cmd.Parameters.Add(new() { Value = candidates.Select(c => c.MatchedName).ToArray() });
        cmd.Parameters.Add(new() { Value = candidates.Select(c => c.Explanation).ToArray() });
        cmd.Parameters.Add(new() { Value = candidates.Select(c => c.Version).ToArray() });
        cmd.Parameters.Add(new() { Value = now.ToUniversalTime() });
        var opened = await cmd.ExecuteNonQueryAsync(ct);
        await tx.CommitAsync(ct);
        return opened;
    }

    /// <summary>Closes every open alert of the tenant that rests on the designation; returns how many.</summary>
    public async Task<int> CloseAlertsAsync(string tenantId, string designationId, int version, string reason, DateTimeOffset now, CancellationToken ct)
    {
        await using var conn = await database.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await LockTenantAsync(conn, tx, tenantId, ct);
        await using var cmd = new NpgsqlCommand(
            """
            UPDATE monitoring_alerts SET state = 'CLOSED', closed_at = $3, closed_by_version = $4, close_reason = $5, change_seq = nextval('monitoring_alert_change_seq')
             WHERE tenant_id = $1 AND designation_id = $2 AND state = 'OPEN'
            """,
            conn,
            tx);
        cmd.Parameters.Add(new() { Value = tenantId });
        cmd.Parameters.Add(new() { Value = designationId });
        cmd.Parameters.Add(new() { Value = now.ToUniversalTime() });
        cmd.Parameters.Add(new() { Value = version });
        cmd.Parameters.Add(new() { Value = reason });
        var closed = await cmd.ExecuteNonQueryAsync(ct);
        await tx.CommitAsync(ct);
        return closed;
    }

    /// <summary>Records an analyst's decision on an open or closed alert; null when the tenant has no such alert.</summary>
    public async Task<MonitoringAlert?> DecideAsync(string tenantId, long alertId, AlertDecision decision, string note, DateTimeOffset now, CancellationToken ct)
    {
        await using var conn = await database.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await LockTenantAsync(conn, tx, tenantId, ct);
        MonitoringAlert? alert = null;
        await using (var cmd = new NpgsqlCommand(
            $"""
            UPDATE monitoring_alerts SET state = 'DECIDED', decision = $3, note = $4, decided_at = $5, change_seq = nextval('monitoring_alert_change_seq')
             WHERE tenant_id = $1 AND alert_id = $2
            RETURNING {AlertColumns}
            """,
            conn,
            tx))
        {
            cmd.Parameters.Add(new() { Value = tenantId });
            cmd.Parameters.Add(new() { Value = alertId });
            cmd.Parameters.Add(new() { Value = DecisionName(decision) });
            cmd.Parameters.Add(new() { Value = note });
            cmd.Parameters.Add(new() { Value = now.ToUniversalTime() });
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            if (await reader.ReadAsync(ct))
            {
                alert = ReadAlert(reader);
            }
        }

        await tx.CommitAsync(ct);
        return alert;
    }

    /// <summary>One alert of the tenant, or null.</summary>
    public async Task<MonitoringAlert?> GetAlertAsync(string tenantId, long alertId, CancellationToken ct)
    {
        await using var cmd = database.CreateCommand($"SELECT {AlertColumns} FROM monitoring_alerts WHERE tenant_id = $1 AND alert_id = $2");
        cmd.Parameters.Add(new() { Value = tenantId });
        cmd.Parameters.Add(new() { Value = alertId });
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? ReadAlert(reader) : null;
    }

    /// <summary>Up to <paramref name="limit"/> alerts after <paramref name="afterAlertId"/>, by id.</summary>
    public async Task<List<MonitoringAlert>> ListAlertsAsync(string tenantId, AlertState? state, string? customerId, long afterAlertId, int limit, CancellationToken ct)
    {
        await using var cmd = database.CreateCommand(
            $"""
            SELECT {AlertColumns} FROM monitoring_alerts
             WHERE tenant_id = $1 AND alert_id > $2 AND ($3::text IS NULL OR state = $3) AND ($4::text IS NULL OR customer_id = $4)
             ORDER BY alert_id LIMIT $5
            """);
        cmd.Parameters.Add(new() { Value = tenantId });
        cmd.Parameters.Add(new() { Value = afterAlertId });
        cmd.Parameters.Add(new() { Value = state is { } s ? StateName(s) : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        cmd.Parameters.Add(new() { Value = (object?)customerId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        cmd.Parameters.Add(new() { Value = limit });
        return await ReadAlertsAsync(cmd, ct);
    }

    /// <summary>Alerts of the tenant whose latest change is after <paramref name="afterSequence"/>, in change order.</summary>
    public async Task<List<MonitoringAlert>> ChangesAsync(string tenantId, long afterSequence, int limit, CancellationToken ct)
    {
        await using var cmd = database.CreateCommand(
            $"SELECT {AlertColumns} FROM monitoring_alerts WHERE tenant_id = $1 AND change_seq > $2 ORDER BY change_seq LIMIT $3");
        cmd.Parameters.Add(new() { Value = tenantId });
        cmd.Parameters.Add(new() { Value = afterSequence });
        cmd.Parameters.Add(new() { Value = limit });
        return await ReadAlertsAsync(cmd, ct);
    }

    /// <summary>The tenant's latest change sequence (0 when it has no alerts).</summary>
    public async Task<long> LatestChangeAsync(string tenantId, CancellationToken ct)
    {
        await using var cmd = database.CreateCommand("SELECT coalesce(max(change_seq), 0) FROM monitoring_alerts WHERE tenant_id = $1");
        cmd.Parameters.Add(new() { Value = tenantId });
        return (long)(await cmd.ExecuteScalarAsync(ct))!;
    }

    /// <summary>The tenant's cursors.</summary>
    public async Task<ImmutableDictionary<string, int>> CursorsAsync(string tenantId, CancellationToken ct)
    {
        var result = ImmutableDictionary.CreateBuilder<string, int>(StringComparer.Ordinal);
        await using var cmd = database.CreateCommand("SELECT list_id, version FROM monitoring_cursors WHERE tenant_id = $1");
        cmd.Parameters.Add(new() { Value = tenantId });
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            result[reader.GetString(0)] = reader.GetInt32(1);
        }

        return result.ToImmutable();
    }

    /// <summary>Moves a cursor forward (never back).</summary>
    public async Task AdvanceCursorAsync(string tenantId, string listId, int version, DateTimeOffset now, CancellationToken ct)
    {
        await using var cmd = database.CreateCommand(
            """
            INSERT INTO monitoring_cursors (tenant_id, list_id, version, updated_at) VALUES ($1, $2, $3, $4)
            ON CONFLICT (tenant_id, list_id) DO UPDATE SET version = EXCLUDED.version, updated_at = EXCLUDED.updated_at
             WHERE monitoring_cursors.version < EXCLUDED.version
            """);
        cmd.Parameters.Add(new() { Value = tenantId });
        cmd.Parameters.Add(new() { Value = listId });
        cmd.Parameters.Add(new() { Value = version });
        cmd.Parameters.Add(new() { Value = now.ToUniversalTime() });
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The stored name of a state.</summary>
    public static string StateName(AlertState state) => state switch
    {
        AlertState.Open => "OPEN",
        AlertState.Closed => "CLOSED",
        _ => "DECIDED",
    };

    private static string DecisionName(AlertDecision decision) => decision == AlertDecision.TrueMatch ? "TRUE_MATCH" : "FALSE_POSITIVE";

    private static async Task LockTenantAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string tenantId, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtext('monitoring/' || $1))", conn, tx);
        cmd.Parameters.Add(new() { Value = tenantId });
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static async Task<List<MonitoringAlert>> ReadAlertsAsync(NpgsqlCommand cmd, CancellationToken ct)
    {
        var result = new List<MonitoringAlert>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            result.Add(ReadAlert(reader));
        }

        return result;
    }

    private static MonitoringAlert ReadAlert(NpgsqlDataReader r) => new(
        r.GetInt64(0),
        r.GetString(1),
        r.GetString(2),
        r.GetString(3),
        r.GetString(4),
        r.GetDouble(5),
        r.GetString(6),
        r.GetString(7),
        r.GetFieldValue<DateTimeOffset>(8),
        r.GetInt32(9),
        r.GetString(10) switch { "OPEN" => AlertState.Open, "CLOSED" => AlertState.Closed, _ => AlertState.Decided },
        r.IsDBNull(11) ? null : r.GetFieldValue<DateTimeOffset>(11),
        r.IsDBNull(12) ? null : r.GetInt32(12),
        r.IsDBNull(13) ? null : r.GetString(13),
        r.IsDBNull(14) ? null : r.GetString(14) == "TRUE_MATCH" ? AlertDecision.TrueMatch : AlertDecision.FalsePositive,
        r.IsDBNull(15) ? null : r.GetString(15),
        r.IsDBNull(16) ? null : r.GetFieldValue<DateTimeOffset>(16),
        r.GetInt64(17));
}
