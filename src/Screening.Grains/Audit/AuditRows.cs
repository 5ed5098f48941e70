using Npgsql;
using NpgsqlTypes;

namespace Screening.Grains.Audit;

/// <summary>
/// A batch of linked audit records as column arrays, written by one <c>INSERT ... SELECT FROM unnest(...)</c> when it
/// is small: unlike COPY, a statement can travel in one pipeline with the chain-head statement, so a batch costs one
/// round trip. A large batch goes by binary COPY, which PostgreSQL parses while it streams in (an INSERT's parameters
/// arrive whole before any row is written: with 1,024 callers, batches of ~700 records, INSERT gave 16,000 records/s
/// where COPY gives 26,000).
/// </summary>
internal sealed class AuditRows(int capacity)
{
    /// <summary>Most records written by INSERT; larger batches use COPY.</summary>
    public const int MaxInserted = 128;

    private const string CopySql =
        "COPY audit_screening (tenant_id, seq, screening_id, client_reference, decision, list_versions, as_of, screened_at, request_json, response_json, prev_hash, hash) FROM STDIN (FORMAT BINARY)";

    private const string InsertSql =
        "INSERT INTO audit_screening (tenant_id, seq, screening_id, client_reference, decision, list_versions, as_of, screened_at, request_json, response_json, prev_hash, hash) "
        + "SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::date[], $8::timestamptz[], $9::text[], $10::text[], $11::bytea[], $12::bytea[])";

    private readonly List<string> tenantIds = new(capacity);
    private readonly List<long> sequences = new(capacity);
    private readonly List<string> screeningIds = new(capacity);
    private readonly List<string> clientReferences = new(capacity);
    private readonly List<string> decisions = new(capacity);
    private readonly List<string> listVersions = new(capacity);
    private readonly List<DateOnly> asOf = new(capacity);
    private readonly List<DateTimeOffset> screenedAt = new(capacity);
    private readonly List<string> requests = new(capacity);
    private readonly List<string> responses = new(capacity);
    private readonly List<byte[]> previousHashes = new(capacity);
    private readonly List<byte[]> hashes = new(capacity);

    /// <summary>Adds one record with its place in the tenant's chain.</summary>
    public void Add(AuditRecord record, long sequence, byte[] previousHash, byte[] hash)
    {
        tenantIds.Add(record.TenantId);
        sequences.Add(sequence);
        screeningIds.Add(record.ScreeningId);
        clientReferences.Add(record.ClientReference);
        decisions.Add(record.Decision);
        listVersions.Add(record.ListVersions);
        asOf.Add(record.AsOf);
        screenedAt.Add(record.ScreenedAt);
        requests.Add(record.RequestJson);
        responses.Add(record.ResponseJson);
        previousHashes.Add(previousHash);
        hashes.Add(hash);
    }

    /// <summary>Records added.</summary>
    public int Count => tenantIds.Count;

    /// <summary>Writes every added record by binary COPY (inside the caller's transaction).</summary>
    public void Copy(NpgsqlConnection connection, TimeSpan timeout)
    {
        using var copy = connection.BeginBinaryImport(CopySql);
        copy.Timeout = timeout;
        for (var i = 0; i < Count; i++)
        {
            copy.StartRow();
            copy.Write(tenantIds[i], NpgsqlDbType.Text);
            copy.Write(sequences[i], NpgsqlDbType.Bigint);
            copy.Write(screeningIds[i], NpgsqlDbType.Text);
            copy.Write(clientReferences[i], NpgsqlDbType.Text);
            copy.Write(decisions[i], NpgsqlDbType.Text);
            copy.Write(listVersions[i], NpgsqlDbType.Text);
            copy.Write(asOf[i], NpgsqlDbType.Date);
            copy.Write(screenedAt[i], NpgsqlDbType.TimestampTz);
            copy.Write(requests[i], NpgsqlDbType.Text);
            copy.Write(responses[i], NpgsqlDbType.Text);
            copy.Write(previousHashes[i], NpgsqlDbType.Bytea);
            copy.Write(hashes[i], NpgsqlDbType.Bytea);
        }

        copy.Complete();
    }

    /// <summary>The INSERT of every added record.</summary>
    public NpgsqlBatchCommand ToInsert()
    {
        var insert = new NpgsqlBatchCommand(InsertSql);
        Add(insert, tenantIds, NpgsqlDbType.Text);
        Add(insert, sequences, NpgsqlDbType.Bigint);
        Add(insert, screeningIds, NpgsqlDbType.Text);
        Add(insert, clientReferences, NpgsqlDbType.Text);
        Add(insert, decisions, NpgsqlDbType.Text);
        Add(insert, listVersions, NpgsqlDbType.Text);
        Add(insert, asOf, NpgsqlDbType.Date);
        Add(insert, screenedAt, NpgsqlDbType.TimestampTz);
        Add(insert, requests, NpgsqlDbType.Text);
        Add(insert, responses, NpgsqlDbType.Text);
        Add(insert, previousHashes, NpgsqlDbType.Bytea);
        Add(insert, hashes, NpgsqlDbType.Bytea);
        return insert;
    }

    private static void Add<T>(NpgsqlBatchCommand command, List<T> values, NpgsqlDbType type) =>
        command.Parameters.Add(new NpgsqlParameter<T[]> { TypedValue = [.. values], NpgsqlDbType = NpgsqlDbType.Array | type });
}
