using System.Data;
using System.Globalization;
using System.Text;
using Npgsql;
using NpgsqlTypes;
using Screening.Grains.Abstractions.Errors;

namespace Screening.Grains.Audit;

/// <summary>Reads the audit tables written by <see cref="GroupCommitAuditLog"/>.</summary>
public sealed class PostgresAuditReader(AuditDatabase database) : IAuditReader
{
    private const string EntryColumns =
        "screening_id, tenant_id, client_reference, request_json, response_json, decision, list_versions, as_of, screened_at, seq, prev_hash, hash";

    private readonly NpgsqlDataSource _dataSource = database.DataSource;

    public async Task<AuditEntry?> GetAsync(string tenantId, string screeningId, CancellationToken ct)
    {
        // Every screening id is a version-7 GUID of its record's screened-at millisecond (the writer refuses any
        // other), so the lookup is a one-millisecond range of the time index in one partition; there is no index on
        // the id itself (it would cost an index insert for every record). An id that is not such a GUID was never issued.
        if (AuditRecord.MillisecondOf(screeningId) is not { } millisecond)
        {
            return null;
        }

        await using var cmd = _dataSource.CreateCommand(
            $"SELECT {EntryColumns} FROM audit_screening WHERE tenant_id = $1 AND screened_at >= $3 AND screened_at < $4 AND screening_id = $2 ORDER BY seq LIMIT 1");
        cmd.Parameters.Add(new NpgsqlParameter { Value = tenantId, NpgsqlDbType = NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter { Value = screeningId, NpgsqlDbType = NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter { Value = millisecond, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        cmd.Parameters.Add(new NpgsqlParameter { Value = millisecond.AddMilliseconds(1), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? ReadEntry(reader) : null;
    }

    public async Task<AuditPage> QueryAsync(AuditQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.PageSize is < 1 or > AuditQuery.MaxPageSize)
        {
            throw PlatformException.Invalid("page_size", $"must be between 1 and {AuditQuery.MaxPageSize.ToString(CultureInfo.InvariantCulture)}");
        }

        // Only the filters that are present go into the SQL, so the planner can prune partitions and use the index
        // that fits (a generic "($2 IS NULL OR ...)" plan can do neither).
        var sql = new StringBuilder("SELECT screening_id, tenant_id, client_reference, decision, list_versions, as_of, screened_at, seq FROM audit_screening WHERE tenant_id = $1");
        var parameters = new List<NpgsqlParameter> { new() { Value = query.TenantId, NpgsqlDbType = NpgsqlDbType.Text } };
        void Add(string condition, object value, NpgsqlDbType type)
        {
            parameters.Add(new NpgsqlParameter { Value = value, NpgsqlDbType = type });
            sql.Append(" AND ").Append(condition.Replace("$?", "$" + parameters.Count.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
        }

        if (query.From is { } from)
        {
            Add("screened_at >= $?", from.ToUniversalTime(), NpgsqlDbType.TimestampTz);
        }

        if (query.To is { } to)
        {
            Add("screened_at < $?", to.ToUniversalTime(), NpgsqlDbType.TimestampTz);
        }

        if (query.Decision is AuditRecord.PotentialMatch)
        {
            // A literal, so the planner can use the partial index of potential matches (migration 0011); a parameter
            // would not prove the index's predicate.
            sql.Append(" AND decision = '").Append(AuditRecord.PotentialMatch).Append('\'');
        }
        else if (!string.IsNullOrEmpty(query.Decision))
        {
            Add("decision = $?", query.Decision, NpgsqlDbType.Text);
        }

        if (!string.IsNullOrEmpty(query.ClientReference))
        {
            Add("client_reference = $?", query.ClientReference, NpgsqlDbType.Text);
        }

        if (!string.IsNullOrEmpty(query.PageToken))
        {
            var (at, seq) = DecodePageToken(query.PageToken);
            // The plain bound lets the planner prune partitions; the row comparison is the keyset position.
            Add("screened_at <= $?", at, NpgsqlDbType.TimestampTz);
            parameters.Add(new NpgsqlParameter { Value = seq, NpgsqlDbType = NpgsqlDbType.Bigint });
            sql.Append(" AND (screened_at, seq) < ($").Append((parameters.Count - 1).ToString(CultureInfo.InvariantCulture))
                .Append(", $").Append(parameters.Count.ToString(CultureInfo.InvariantCulture)).Append(')');
        }

        parameters.Add(new NpgsqlParameter { Value = query.PageSize + 1, NpgsqlDbType = NpgsqlDbType.Integer });
        sql.Append(" ORDER BY screened_at DESC, seq DESC LIMIT $").Append(parameters.Count.ToString(CultureInfo.InvariantCulture));

        await using var cmd = _dataSource.CreateCommand(sql.ToString());
        cmd.Parameters.AddRange(parameters.ToArray());
        var items = new List<AuditSummary>(Math.Min(query.PageSize + 1, 256));
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                items.Add(new AuditSummary(
                    reader.GetString(0),
                    reader.GetString(1),
                    reader.GetString(2),
                    reader.GetString(3),
                    reader.GetString(4),
                    reader.GetFieldValue<DateOnly>(5),
                    reader.GetFieldValue<DateTimeOffset>(6),
                    reader.GetInt64(7)));
            }
        }

        string? next = null;
        if (items.Count > query.PageSize)
        {
            items.RemoveAt(items.Count - 1);
            next = EncodePageToken(items[^1].ScreenedAt, items[^1].Sequence);
        }

        return new AuditPage(items, next);
    }

    public async Task<AuditChainReport> VerifyChainAsync(string tenantId, CancellationToken ct)
    {
        await using var conn = await _dataSource.OpenConnectionAsync(ct);
        // One snapshot for the head and the records: a writer committing meanwhile cannot make them disagree.
        await using var tx = await conn.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);

        long headSeq = 0, anchorSeq = 0;
        byte[] headHash = AuditChainHash.Genesis.ToArray(), anchorHash = AuditChainHash.Genesis.ToArray();
        await using (var head = new NpgsqlCommand("SELECT head_seq, head_hash, anchor_seq, anchor_hash FROM audit_chain WHERE tenant_id = $1", conn, tx))
        {
            head.Parameters.Add(new NpgsqlParameter { Value = tenantId, NpgsqlDbType = NpgsqlDbType.Text });
            await using var reader = await head.ExecuteReaderAsync(ct);
            if (await reader.ReadAsync(ct))
            {
                headSeq = reader.GetInt64(0);
                headHash = reader.GetFieldValue<byte[]>(1);
                anchorSeq = reader.GetInt64(2);
                anchorHash = reader.GetFieldValue<byte[]>(3);
            }
        }

        AuditChainReport Report(long checkedCount, AuditChainBreak? broken) =>
            new(tenantId, broken is null, checkedCount, anchorSeq + 1, headSeq, AuditChainHash.ToHex(headHash), broken);

        await using var rows = new NpgsqlCommand($"SELECT {EntryColumns} FROM audit_screening WHERE tenant_id = $1 AND seq > $2 ORDER BY seq, screened_at", conn, tx)
        {
            CommandTimeout = 0,
        };
        rows.Parameters.Add(new NpgsqlParameter { Value = tenantId, NpgsqlDbType = NpgsqlDbType.Text });
        rows.Parameters.Add(new NpgsqlParameter { Value = anchorSeq, NpgsqlDbType = NpgsqlDbType.Bigint });
        await using var records = await rows.ExecuteReaderAsync(ct);

        var expectedSeq = anchorSeq + 1;
        var previousHash = anchorHash;
        long count = 0;
        while (await records.ReadAsync(ct))
        {
            var entry = ReadRaw(records);
            var id = entry.Record.ScreeningId;
            if (entry.Sequence < expectedSeq)
            {
                return Report(count, new AuditChainBreak(entry.Sequence, id, $"sequence {Text(entry.Sequence)} appears more than once (an inserted or copied record)"));
            }

            if (entry.Sequence > expectedSeq)
            {
                var missing = entry.Sequence - expectedSeq == 1 ? $"record {Text(expectedSeq)} is missing" : $"records {Text(expectedSeq)}..{Text(entry.Sequence - 1)} are missing";
                return Report(count, new AuditChainBreak(expectedSeq, id, $"{missing} (deleted); the next record present is {Text(entry.Sequence)}"));
            }

            byte[] recomputed;
            try
            {
                recomputed = AuditChainHash.Link(entry.PreviousHash, tenantId, entry.Sequence, AuditChainHash.ContentDigest(entry.Record));
            }
            catch (EncoderFallbackException)
            {
                recomputed = [];
            }

            if (!recomputed.AsSpan().SequenceEqual(entry.Hash))
            {
                return Report(count, new AuditChainBreak(entry.Sequence, id, "the record's content does not match its hash (the record was altered)"));
            }

            if (!entry.PreviousHash.AsSpan().SequenceEqual(previousHash))
            {
                return Report(count, new AuditChainBreak(entry.Sequence, id, entry.Sequence == anchorSeq + 1 && anchorSeq > 0
                    ? "prev_hash does not match the last record removed by retention (the link was rewritten)"
                    : $"prev_hash does not match the hash of record {Text(entry.Sequence - 1)} (the link was rewritten)"));
            }

            previousHash = entry.Hash;
            expectedSeq++;
            count++;
        }

        var lastSeq = expectedSeq - 1;
        if (lastSeq < headSeq)
        {
            return Report(count, new AuditChainBreak(lastSeq + 1, string.Empty, $"records {Text(lastSeq + 1)}..{Text(headSeq)} are missing: the chain head is at {Text(headSeq)} (trailing records deleted)"));
        }

        if (lastSeq > headSeq)
        {
            return Report(count, new AuditChainBreak(headSeq + 1, string.Empty, $"records after the chain head {Text(headSeq)} exist (records were added outside the writer)"));
        }

        if (!previousHash.AsSpan().SequenceEqual(headHash))
        {
            return Report(count, new AuditChainBreak(headSeq, string.Empty, "the chain head's hash does not match the last record"));
        }

        return Report(count, null);
    }

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static AuditEntry ReadEntry(NpgsqlDataReader reader)
    {
        var raw = ReadRaw(reader);
        return new AuditEntry(raw.Record, raw.Sequence, AuditChainHash.ToHex(raw.PreviousHash), AuditChainHash.ToHex(raw.Hash));
    }

    private static (AuditRecord Record, long Sequence, byte[] PreviousHash, byte[] Hash) ReadRaw(NpgsqlDataReader reader) =>
        (new AuditRecord(
                ScreeningId: reader.GetString(0),
                TenantId: reader.GetString(1),
                ClientReference: reader.GetString(2),
                RequestJson: reader.GetString(3),
                ResponseJson: reader.GetString(4),
                Decision: reader.GetString(5),
                ListVersions: reader.GetString(6),
                AsOf: reader.GetFieldValue<DateOnly>(7),
                ScreenedAt: reader.GetFieldValue<DateTimeOffset>(8)),
            reader.GetInt64(9),
            reader.GetFieldValue<byte[]>(10),
            reader.GetFieldValue<byte[]>(11));

    private static string EncodePageToken(DateTimeOffset screenedAt, long sequence)
    {
        var text = screenedAt.UtcTicks.ToString(CultureInfo.InvariantCulture) + ":" + sequence.ToString(CultureInfo.InvariantCulture);
        return Convert.ToBase64String(Encoding.ASCII.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    private static (DateTimeOffset ScreenedAt, long Sequence) DecodePageToken(string token)
    {
        try
        {
            var base64 = token.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
            var parts = Encoding.ASCII.GetString(Convert.FromBase64String(base64)).Split(':');
            if (parts.Length == 2
                && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var seq)
                && ticks <= DateTimeOffset.MaxValue.UtcTicks)
            {
                return (new DateTimeOffset(ticks, TimeSpan.Zero), seq);
            }
        }
        catch (FormatException)
        {
            // reported below
        }

        throw PlatformException.Invalid("page_token", "is not a token returned by this query");
    }
}
