using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace Screening.Grains.Audit;

/// <summary>
/// Creates audit partitions ahead of time and drops those wholly older than <see cref="AuditOptions.RetentionDays"/>.
/// Before a partition is dropped, each tenant's last record in it becomes the tenant's retention anchor
/// (<c>audit_chain.anchor_seq/anchor_hash</c>), so the retained part of the chain still verifies from there.
/// </summary>
public sealed class AuditPartitionMaintenance(AuditDatabase database, IOptions<AuditOptions> options, TimeProvider time, ILogger<AuditPartitionMaintenance> logger)
{
    /// <summary>Same key as <c>audit_ensure_partition</c> in migration 0010: serialises DDL on the audit table across silos.</summary>
    private const long DdlLockKey = 0x5C12EE0000AD0000;

    private const string PartitionPrefix = "audit_screening_y";

    private readonly NpgsqlDataSource _dataSource = database.DataSource;
    private readonly AuditOptions _options = options.Value;

    /// <summary>The cut-off now: records screened before it have passed retention.</summary>
    public DateTimeOffset Cutoff() => time.GetUtcNow() - TimeSpan.FromDays(_options.RetentionDays);

    /// <summary>Ensures this month's and next month's partitions, then drops expired ones. Returns the dropped partitions.</summary>
    public async Task<IReadOnlyList<string>> RunOnceAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await EnsureAsync([DateOnly.FromDateTime(now.UtcDateTime), DateOnly.FromDateTime(now.UtcDateTime.AddMonths(1))], ct);
        return await DropExpiredAsync(Cutoff(), ct);
    }

    /// <summary>Creates the month partitions containing <paramref name="days"/> where missing.</summary>
    public async Task EnsureAsync(IReadOnlyCollection<DateOnly> days, CancellationToken ct)
    {
        await using var cmd = _dataSource.CreateCommand("SELECT audit_ensure_partition(d) FROM unnest($1::date[]) AS d");
        cmd.Parameters.Add(new NpgsqlParameter { Value = days.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Date });
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Drops every partition whose whole month lies before <paramref name="cutoff"/>, oldest first, one transaction each.</summary>
    public async Task<IReadOnlyList<string>> DropExpiredAsync(DateTimeOffset cutoff, CancellationToken ct)
    {
        var expired = new List<(DateOnly Month, string Name)>();
        await using (var list = _dataSource.CreateCommand(
            "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'audit_screening'::regclass"))
        await using (var reader = await list.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                var name = reader.GetString(0);
                if (TryParseMonth(name, out var month) && new DateTimeOffset(month.AddMonths(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) <= cutoff)
                {
                    expired.Add((month, name));
                }
            }
        }

        var dropped = new List<string>();
        foreach (var (_, name) in expired.OrderBy(e => e.Month))
        {
            if (!await DropAsync(name, ct))
            {
                AuditTrailLog.RetentionBusy(logger);
                break;
            }

            dropped.Add(name);
            AuditTrailLog.PartitionDropped(logger, name, cutoff);
        }

        return dropped;
    }

    private async Task<bool> DropAsync(string partition, CancellationToken ct)
    {
        await using var conn = await _dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await using (var setup = new NpgsqlCommand("SET LOCAL lock_timeout = '5s'", conn, tx))
        {
            await setup.ExecuteNonQueryAsync(ct);
        }

        await using (var ddlLock = new NpgsqlCommand("SELECT pg_try_advisory_xact_lock($1)", conn, tx))
        {
            ddlLock.Parameters.Add(new NpgsqlParameter { Value = DdlLockKey, NpgsqlDbType = NpgsqlDbType.Bigint });
            if (await ddlLock.ExecuteScalarAsync(ct) is not true)
            {
                return false;
            }
        }

        // Order matters: head rows first (like the writers), the table lock of DROP last, so no writer can hold what
        // this transaction waits for while waiting for what it holds. The partition name is ours (parsed above) and quoted.
        var quoted = new NpgsqlCommandBuilder().QuoteIdentifier(partition);
        await using (var anchor = new NpgsqlCommand(
            $"""
            UPDATE audit_chain AS c SET anchor_seq = p.seq, anchor_hash = p.hash
            FROM (SELECT DISTINCT ON (tenant_id) tenant_id, seq, hash FROM {quoted} ORDER BY tenant_id, seq DESC) AS p
            WHERE c.tenant_id = p.tenant_id AND c.anchor_seq < p.seq
            """, conn, tx))
        {
            anchor.CommandTimeout = 0;
            await anchor.ExecuteNonQueryAsync(ct);
        }

        await using (var drop = new NpgsqlCommand($"DROP TABLE {quoted}", conn, tx))
        {
            await drop.ExecuteNonQueryAsync(ct);
        }

        await tx.CommitAsync(ct);
        return true;
    }

    private static bool TryParseMonth(string name, out DateOnly month)
    {
        month = default;
        if (name.Length != PartitionPrefix.Length + 7
            || !name.StartsWith(PartitionPrefix, StringComparison.Ordinal)
            || name[PartitionPrefix.Length + 4] != 'm'
            || !int.TryParse(name.AsSpan(PartitionPrefix.Length, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(name.AsSpan(PartitionPrefix.Length + 5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            || year is < 1 or > 9998
            || m is < 1 or > 12)
        {
            return false;
        }

        month = new DateOnly(year, m, 1);
        return true;
    }
}
