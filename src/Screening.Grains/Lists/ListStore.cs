using System.Collections.Immutable;
using Npgsql;
using NpgsqlTypes;
using Screening.Lists.History;
using Screening.Lists.Model;
using System.Text.Json;
using Screening.Grains.Abstractions.Lists;

namespace Screening.Grains.Lists;

/// <summary>
/// The append-only record of list versions and designation revisions in PostgreSQL (tables <c>list_versions</c>,
/// <c>designation_revisions</c>). A version is written in one transaction, revisions by binary COPY.
/// </summary>
public sealed class ListStore(NpgsqlDataSource database)
{
    /// <summary>Writes one new version with its revisions, all or nothing. A version that exists already is a conflict.</summary>
    public async Task AppendVersionAsync(ListId listId, ListVersion version, IReadOnlyList<DesignationRevision> revisions, CancellationToken ct)
    {
        var id = listId.ToString();
        await using var conn = await database.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await using (var writer = await conn.BeginBinaryImportAsync(
            "COPY designation_revisions (list_id, version, seq, source_id, kind, effective_date, effective_precision, recorded_at, legal_basis, reason, source_reference, fingerprint, changed_fields, content) FROM STDIN (FORMAT BINARY)",
            ct))
        {
            var seq = 0;
            foreach (var r in revisions)
            {
                await writer.StartRowAsync(ct);
                await writer.WriteAsync(id, NpgsqlDbType.Text, ct);
                await writer.WriteAsync(version.Number, NpgsqlDbType.Integer, ct);
                await writer.WriteAsync(seq++, NpgsqlDbType.Integer, ct);
                await writer.WriteAsync(r.SourceId, NpgsqlDbType.Text, ct);
                await writer.WriteAsync(r.Kind.ToString(), NpgsqlDbType.Text, ct);
                await writer.WriteAsync(r.EffectiveDate, NpgsqlDbType.Date, ct);
                await writer.WriteAsync(r.EffectivePrecision.ToString(), NpgsqlDbType.Text, ct);
                await writer.WriteAsync(r.RecordedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz, ct);
                await WriteNullableAsync(writer, r.LegalBasis, ct);
                await WriteNullableAsync(writer, r.Reason, ct);
                await WriteNullableAsync(writer, r.SourceReference, ct);
                await WriteNullableAsync(writer, r.Fingerprint, ct);
                await writer.WriteAsync(r.ChangedFields.Items.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
                if (r.Content is null)
                {
                    await writer.WriteNullAsync(ct);
                }
                else
                {
                    await writer.WriteAsync(JsonSerializer.Serialize(r.Content, ListJson.Options), NpgsqlDbType.Jsonb, ct);
                }
            }

            await writer.CompleteAsync(ct);
        }

        await using (var cmd = new NpgsqlCommand(
            """
            INSERT INTO list_versions (list_id, version, recorded_at, publication_date, format_name, source_reference, listed, amended, delisted, relisted, unchanged)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
            """,
            conn,
            tx))
        {
            cmd.Parameters.Add(new() { Value = id });
            cmd.Parameters.Add(new() { Value = version.Number });
            cmd.Parameters.Add(new() { Value = version.RecordedAt.ToUniversalTime() });
            cmd.Parameters.Add(new() { Value = (object?)version.PublicationDate ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Date });
            cmd.Parameters.Add(new() { Value = (object?)version.FormatName ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            cmd.Parameters.Add(new() { Value = (object?)version.SourceReference ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            cmd.Parameters.Add(new() { Value = version.Listed });
            cmd.Parameters.Add(new() { Value = version.Amended });
            cmd.Parameters.Add(new() { Value = version.Delisted });
            cmd.Parameters.Add(new() { Value = version.Relisted });
            cmd.Parameters.Add(new() { Value = version.Unchanged });
            await cmd.ExecuteNonQueryAsync(ct);
        }

        await tx.CommitAsync(ct);
    }

    /// <summary>The whole history of a list (empty when nothing was recorded).</summary>
    public async Task<ListHistory> LoadHistoryAsync(ListId listId, CancellationToken ct)
    {
        var (versions, revisions) = await LoadSinceAsync(listId.ToString(), 0, ct);
        return versions.Count == 0 ? ListHistory.Empty(listId) : ListHistory.FromRevisions(listId, versions, revisions);
    }

    /// <summary>Versions after <paramref name="afterVersion"/> and their revisions, in order.</summary>
    public async Task<(IReadOnlyList<ListVersion> Versions, IReadOnlyList<DesignationRevision> Revisions)> LoadSinceAsync(string listId, int afterVersion, CancellationToken ct)
    {
        var versions = new List<ListVersion>();
        var revisions = new List<DesignationRevision>();
        await using var conn = await database.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        await using (var cmd = new NpgsqlCommand(
            "SELECT version, recorded_at, publication_date, format_name, source_reference, listed, amended, delisted, relisted, unchanged FROM list_versions WHERE list_id = $1 AND version > $2 ORDER BY version",
            conn,
            tx))
        {
            cmd.Parameters.Add(new() { Value = listId });
            cmd.Parameters.Add(new() { Value = afterVersion });
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                versions.Add(new ListVersion
                {
                    Number = reader.GetInt32(0),
                    RecordedAt = reader.GetFieldValue<DateTimeOffset>(1),
                    PublicationDate = reader.IsDBNull(2) ? null : reader.GetFieldValue<DateOnly>(2),
                    FormatName = reader.IsDBNull(3) ? null : reader.GetString(3),
                    SourceReference = reader.IsDBNull(4) ? null : reader.GetString(4),
                    Listed = reader.GetInt32(5),
                    Amended = reader.GetInt32(6),
                    Delisted = reader.GetInt32(7),
                    Relisted = reader.GetInt32(8),
                    Unchanged = reader.GetInt32(9),
                });
            }
        }

        if (versions.Count == 0)
        {
            return (versions, revisions);
        }

        await using (var cmd = new NpgsqlCommand(
            """
            SELECT version, source_id, kind, effective_date, effective_precision, recorded_at, legal_basis, reason, source_reference, fingerprint, changed_fields, content
              FROM designation_revisions
             WHERE list_id = $1 AND version > $2 AND version <= $3
             ORDER BY version, seq
            """,
            conn,
            tx))
        {
            cmd.Parameters.Add(new() { Value = listId });
            cmd.Parameters.Add(new() { Value = afterVersion });
            cmd.Parameters.Add(new() { Value = versions[^1].Number });
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                revisions.Add(new DesignationRevision
                {
                    ListVersion = reader.GetInt32(0),
                    SourceId = reader.GetString(1),
                    Kind = Enum.Parse<RevisionKind>(reader.GetString(2)),
                    EffectiveDate = reader.GetFieldValue<DateOnly>(3),
                    EffectivePrecision = Enum.Parse<DatePrecision>(reader.GetString(4)),
                    RecordedAt = reader.GetFieldValue<DateTimeOffset>(5),
                    LegalBasis = reader.IsDBNull(6) ? null : reader.GetString(6),
                    Reason = reader.IsDBNull(7) ? null : reader.GetString(7),
                    SourceReference = reader.IsDBNull(8) ? null : reader.GetString(8),
                    Fingerprint = reader.IsDBNull(9) ? null : reader.GetString(9),
                    ChangedFields = ImmutableArray.Create(reader.GetFieldValue<string[]>(10)),
                    Content = reader.IsDBNull(11) ? null : JsonSerializer.Deserialize<Designation>(reader.GetString(11), ListJson.Options),
                });
            }
        }

        await tx.CommitAsync(ct);
        return (versions, revisions);
    }

    /// <summary>The current version of every list that has one.</summary>
    public async Task<IReadOnlyDictionary<string, int>> CurrentVersionsAsync(CancellationToken ct)
    {
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var cmd = database.CreateCommand("SELECT list_id, max(version) FROM list_versions GROUP BY list_id");
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            result[reader.GetString(0)] = reader.GetInt32(1);
        }

        return result;
    }

    private static async Task WriteNullableAsync(NpgsqlBinaryImporter writer, string? value, CancellationToken ct)
    {
        if (value is null)
        {
            await writer.WriteNullAsync(ct);
        }
        else
        {
            await writer.WriteAsync(value, NpgsqlDbType.Text, ct);
        }
    }
}
