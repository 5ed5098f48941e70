using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using Screening.Grains.Abstractions.Errors;
using Screening.Grains.Telemetry;

namespace Screening.Grains.Audit;

/// <summary>
/// The audit writer of one silo: callers queue records in a bounded channel (waiting when it is full); a
/// writer thread takes what is queued (up to <see cref="AuditOptions.MaxBatchSize"/>; when the previous batch had
/// more than one record, it lingers <see cref="AuditOptions.FlushInterval"/> for more), writes the batch in one transaction, and
/// completes every caller of the batch only after COMMIT returned. If anything fails, every caller of the batch gets
/// UNAVAILABLE and nothing of it is acknowledged. (A COMMIT whose reply is lost may still have committed: such a
/// record exists for an answer that was never returned, which is the harmless direction.) There are
/// <see cref="AuditOptions.Writers"/> such loops, each on its own thread with its own queue and connection; a tenant's records always go
/// to the same loop, so each tenant's records are chained and committed in the order they were queued, while loops
/// of different tenants overlap (one writes while another waits for its COMMIT's WAL flush).
/// </summary>
/// <remarks>
/// <para>
/// Hash chain with several silos: there is ONE chain per tenant, not one per (tenant, writer). Each batch locks its
/// tenants' head rows in <c>audit_chain</c> (<c>SELECT ... ORDER BY tenant_id FOR UPDATE</c>, always in the same
/// order, so writers cannot deadlock), numbers and links its records from those heads, inserts them and moves the heads,
/// all in one transaction. Writers of different silos therefore take turns on a tenant for the few milliseconds of a
/// batch, and a batch carries hundreds of records, so the turn-taking costs little. In return the chain is a single
/// gap-free sequence per tenant: a deleted record shows as a missing number, deleted trailing records as a head that
/// does not match, and no chain depends on writer identities that change with every silo restart.
/// </para>
/// <para>
/// A writer remembers the heads its last batch left. The next batch of the same tenants is linked from them and sent
/// in ONE round trip: <c>audit_advance_heads</c> locks the heads and moves each only from where this writer left it,
/// and the INSERT follows in the same pipeline, which PostgreSQL runs as one implicit transaction. If another writer
/// moved a head meanwhile, the function raises, nothing of the batch is written, and the batch is linked again from
/// the heads read under lock (three round trips), as a tenant's first batch on a writer always is. The belief is only
/// ever used through that check, and it is forgotten after any failure. Partitions and chain rows are created before the batch transaction (in their own statements), so the batch
/// transaction takes no DDL lock while it holds head rows.
/// </para>
/// </remarks>
public sealed class GroupCommitAuditLog : IAuditLog, IAsyncDisposable, IDisposable
{
    private const string LockHeadsSql = "SELECT tenant_id, head_seq, head_hash FROM audit_chain WHERE tenant_id = ANY($1) ORDER BY tenant_id FOR UPDATE";

    private const string AdvanceHeadsSql = "SELECT audit_advance_heads($1::text[], $2::bigint[], $3::bytea[], $4::bigint[], $5::bytea[])";

    /// <summary>SQLSTATE audit_advance_heads raises when a head is not where this writer believed (migration 0013).</summary>
    private const string HeadMovedSqlState = "SC001";

    private const string MoveHeadsSql =
        "UPDATE audit_chain AS c SET head_seq = u.seq, head_hash = u.hash FROM unnest($1::text[], $2::bigint[], $3::bytea[]) AS u(tenant_id, seq, hash) WHERE c.tenant_id = u.tenant_id";

    /// <summary>
    /// Screened-at must be this close to the writer's clock. It is set by the caller just before appending, so a
    /// larger difference is a bug; the bound also keeps writers out of partitions old enough for retention to drop.
    /// </summary>
    private static readonly TimeSpan MaxClockSkew = TimeSpan.FromHours(1);

    /// <summary>How often an idle writer thread looks whether its queue was completed without a record.</summary>
    private static readonly TimeSpan CompletionPollInterval = TimeSpan.FromMilliseconds(200);

    private readonly NpgsqlDataSource _dataSource;
    private readonly AuditOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly AuditWriterLane[] _lanes;
    private readonly ConditionalWeakTable<PendingAppend, StrongBox<ActivityContext>> _callers = [];
    private readonly int _commandTimeoutSeconds;
    private long _refuseUntilUtcTicks;
    private long _batchesFromKnownHeads;
    private long _headsMoved;
    private int _disposed;

    /// <summary>Starts the writer loops.</summary>
    public GroupCommitAuditLog(AuditDatabase database, IOptions<AuditOptions> options, TimeProvider time, ILogger<GroupCommitAuditLog> logger)
    {
        _dataSource = database.DataSource;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _commandTimeoutSeconds = Math.Max(1, (int)Math.Ceiling(_options.WriteTimeout.TotalSeconds));
        _lanes = new AuditWriterLane[Math.Max(1, _options.Writers)];
        for (var i = 0; i < _lanes.Length; i++)
        {
            var lane = new AuditWriterLane(_options.QueueCapacity);
            var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            lane.Loop = stopped.Task;
            var thread = new Thread(() =>
            {
                try
                {
                    Run(lane);
                }
                finally
                {
                    lane.DropConnection();
                    stopped.TrySetResult();
                }
            })
            {
                IsBackground = true,
                Name = $"audit-writer-{i}",
            };
            thread.Start();
            _lanes[i] = lane;
        }
    }

    /// <summary>Batches this writer committed in one round trip from the chain heads it had left (diagnostics).</summary>
    public long BatchesFromKnownHeads => Interlocked.Read(ref _batchesFromKnownHeads);

    /// <summary>Batches this writer found a chain head moved by another writer for, and re-linked (diagnostics).</summary>
    public long HeadsMoved => Interlocked.Read(ref _headsMoved);

    public async ValueTask<AuditReceipt> AppendAsync(AuditRecord record, CancellationToken ct)
    {
        var normalized = Normalize(record);
        byte[] digest;
        try
        {
            digest = AuditChainHash.ContentDigest(normalized);
        }
        catch (EncoderFallbackException)
        {
            throw PlatformException.Invalid("request", "contains text that is not valid Unicode (a lone surrogate)");
        }

        if (IsRefusing())
        {
            throw Unavailable();
        }

        var pending = new PendingAppend(normalized, digest);
        if (Activity.Current is { Recorded: true } caller)
        {
            _callers.AddOrUpdate(pending, new StrongBox<ActivityContext>(caller.Context)); // the flush span joins the caller's trace
        }

        try
        {
            var lane = LaneOf(normalized.TenantId);
            await lane.Queue.Writer.WriteAsync(pending, ct);
            lane.Queued.Set();
        }
        catch (ChannelClosedException)
        {
            throw new PlatformException(PlatformErrorCode.Unavailable, "the audit log is shutting down; the answer was not recorded, so it is withheld: retry on another node");
        }

        return await pending.Completion.Task.WaitAsync(ct);
    }

    /// <summary>Stops taking records, writes every queued one, then returns.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            foreach (var lane in _lanes)
            {
                lane.Queue.Writer.TryComplete();
                lane.Queued.Set();
            }
        }

        await Task.WhenAll(_lanes.Select(l => l.Loop));
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private AuditRecord Normalize(AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        RequireText(record.ScreeningId, nameof(AuditRecord.ScreeningId), allowEmpty: false);
        RequireText(record.TenantId, nameof(AuditRecord.TenantId), allowEmpty: false);
        RequireText(record.RequestJson, nameof(AuditRecord.RequestJson), allowEmpty: false);
        RequireText(record.ResponseJson, nameof(AuditRecord.ResponseJson), allowEmpty: false);
        RequireText(record.ListVersions, nameof(AuditRecord.ListVersions), allowEmpty: true);
        ArgumentNullException.ThrowIfNull(record.ClientReference);
        if (record.ClientReference.Contains('\0', StringComparison.Ordinal))
        {
            throw PlatformException.Invalid("client_reference", "must not contain NUL characters");
        }

        if (record.Decision is not (AuditRecord.Clear or AuditRecord.PotentialMatch))
        {
            throw new ArgumentException($"Decision must be '{AuditRecord.Clear}' or '{AuditRecord.PotentialMatch}'.", nameof(record));
        }

        var screenedAt = AuditChainHash.ToStoredPrecision(record.ScreenedAt);
        if (AuditRecord.MillisecondOf(record.ScreeningId) is not { } millisecond || millisecond.ToUnixTimeMilliseconds() != screenedAt.ToUnixTimeMilliseconds())
        {
            // GetScreening finds a record by the time its id carries (there is no index on the id).
            throw new ArgumentException("ScreeningId must be AuditRecord.NewScreeningId(ScreenedAt).", nameof(record));
        }

        if ((screenedAt - _time.GetUtcNow()).Duration() > MaxClockSkew)
        {
            throw new ArgumentOutOfRangeException(nameof(record), "ScreenedAt must be the time of the answer (within an hour of the audit writer's clock).");
        }

        return screenedAt == record.ScreenedAt && screenedAt.Offset == TimeSpan.Zero ? record : record with { ScreenedAt = screenedAt };
    }

    private static void RequireText(string value, string name, bool allowEmpty)
    {
        ArgumentNullException.ThrowIfNull(value, name);
        if (!allowEmpty && value.Length == 0)
        {
            throw new ArgumentException($"{name} must not be empty.", name);
        }

        if (value.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException($"{name} must not contain NUL characters (PostgreSQL text cannot hold them).", name);
        }
    }

    /// <summary>The tenant's loop: a stable choice within this process, so a tenant's records stay in order.</summary>
    private AuditWriterLane LaneOf(string tenantId) =>
        _lanes.Length == 1 ? _lanes[0] : _lanes[(uint)StringComparer.Ordinal.GetHashCode(tenantId) % (uint)_lanes.Length];

    private bool IsRefusing() => _time.GetUtcNow().UtcTicks < Volatile.Read(ref _refuseUntilUtcTicks);

    private static PlatformException Unavailable() =>
        new(PlatformErrorCode.Unavailable, "the audit log is unavailable; the answer was not recorded, so it is withheld: retry later");

    /// <summary>
    /// The loop of one lane, on its own thread with synchronous database calls: under load the thread pool's queue
    /// holds hundreds of request continuations, and an asynchronous loop would wait behind them at every round trip of
    /// every batch (about eight per batch), stretching the batch cycle that every caller waits for.
    /// </summary>
    private void Run(AuditWriterLane lane)
    {
        var reader = lane.Queue.Reader;
        var batch = new List<PendingAppend>(Math.Min(_options.MaxBatchSize, 4096));
        var previousBatchSize = 0;
        try
        {
            while (WaitToRead(lane))
            {
                var batchStarted = _time.GetTimestamp();
                Drain(reader, batch);

                // Linger only under concurrency (the previous batch had company): a lone caller gains nothing by waiting.
                if (batch.Count < _options.MaxBatchSize && _options.FlushInterval > TimeSpan.Zero && previousBatchSize > 1 && !IsRefusing())
                {
                    Linger();
                    Drain(reader, batch);
                }

                Write(lane, batch);
                PlatformTelemetry.RecordAuditBatch(batch.Count, _time.GetElapsedTime(batchStarted));
                previousBatchSize = batch.Count;
                batch.Clear();
            }
        }
        finally
        {
            // Should the loop ever die, no caller may wait forever, and none may be told its record was written.
            lane.Queue.Writer.TryComplete();
            FailAll(batch);
            while (reader.TryRead(out var left))
            {
                left.Completion.TrySetException(Unavailable());
            }
        }
    }

    /// <summary>
    /// Blocks until a record is queued (true) or the queue is completed and empty (false). Waits on the lane's own
    /// event, which appenders set directly: a channel's wait would wake this thread through the thread pool's queue.
    /// </summary>
    private static bool WaitToRead(AuditWriterLane lane)
    {
        var reader = lane.Queue.Reader;
        while (true)
        {
            if (reader.TryPeek(out _))
            {
                return true;
            }

            if (reader.Completion.IsCompleted)
            {
                return false;
            }

            lane.Queued.Reset();
            if (reader.TryPeek(out _) || reader.Completion.IsCompleted)
            {
                continue;
            }

            lane.Queued.Wait(CompletionPollInterval);
        }
    }

    private void Linger()
    {
        if (ReferenceEquals(_time, TimeProvider.System))
        {
            Thread.Sleep(_options.FlushInterval);
        }
        else
        {
            Task.Delay(_options.FlushInterval, _time).GetAwaiter().GetResult();
        }
    }

    private void Drain(ChannelReader<PendingAppend> reader, List<PendingAppend> batch)
    {
        while (batch.Count < _options.MaxBatchSize && reader.TryRead(out var item))
        {
            batch.Add(item);
        }
    }

    private void Write(AuditWriterLane lane, List<PendingAppend> batch)
    {
        if (IsRefusing())
        {
            AuditTrailLog.BatchRefused(_logger, batch.Count);
            FailAll(batch);
            return;
        }

        AuditReceipt[] receipts;
        using var flush = PlatformTelemetry.StartBatchActivity("audit.flush", batch, p => _callers.TryGetValue(p, out var c) ? c.Value : default);
        try
        {
            receipts = Commit(lane, batch);
        }
        catch (Exception e)
        {
            // Whatever went wrong, nothing of this batch is acknowledged; forget what we believed about the database.
            lane.KnownMonths.Clear();
            lane.KnownTenants.Clear();
            lane.Heads.Clear();
            lane.DropConnection();
            Volatile.Write(ref _refuseUntilUtcTicks, (_time.GetUtcNow() + _options.FailureBackoff).UtcTicks);
            AuditTrailLog.BatchFailed(_logger, batch.Count, e);
            FailAll(batch);
            return;
        }

        for (var i = 0; i < batch.Count; i++)
        {
            batch[i].Completion.TrySetResult(receipts[i]);
        }
    }

    private static void FailAll(List<PendingAppend> batch)
    {
        foreach (var pending in batch)
        {
            pending.Completion.TrySetException(Unavailable());
        }
    }

    private AuditReceipt[] Commit(AuditWriterLane lane, List<PendingAppend> batch)
    {
        var tenants = batch.Select(p => p.Record.TenantId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var conn = lane.Connection(_dataSource);
        Prepare(lane, conn, batch, tenants);

        var how = "read";
        if (tenants.All(lane.Heads.ContainsKey))
        {
            try
            {
                var fast = CommitFromKnownHeads(lane, conn, batch, tenants);
                Interlocked.Increment(ref _batchesFromKnownHeads);
                PlatformTelemetry.AuditBatches.Add(1, new KeyValuePair<string, object?>("heads", "known"));
                return fast;
            }
            catch (PostgresException e) when (e.SqlState == HeadMovedSqlState)
            {
                // Another writer appended to one of these chains: nothing of this batch was written (the pipeline
                // stopped before the INSERT); read the heads under lock instead.
                AuditTrailLog.HeadMoved(_logger, tenants.Length);
                Interlocked.Increment(ref _headsMoved);
                how = "moved";
            }
        }

        foreach (var tenant in tenants)
        {
            lane.Heads.Remove(tenant);
        }

        var committed = CommitReadingHeads(lane, conn, batch, tenants);
        PlatformTelemetry.AuditBatches.Add(1, new KeyValuePair<string, object?>("heads", how));

        return committed;
    }

    /// <summary>
    /// One round trip: links the batch from the heads this lane committed last, then sends audit_advance_heads (which
    /// moves each head only from where this lane left it, else raises <see cref="HeadMovedSqlState"/>) and the INSERT
    /// as one pipeline, which PostgreSQL runs as one implicit transaction committed at its end. A batch of more than
    /// <see cref="AuditRows.MaxInserted"/> records goes by COPY after audit_advance_heads, in an explicit transaction.
    /// </summary>
    private AuditReceipt[] CommitFromKnownHeads(AuditWriterLane lane, NpgsqlConnection conn, List<PendingAppend> batch, string[] tenants)
    {
        var heads = new Dictionary<string, (long Sequence, byte[] Hash)>(tenants.Length, StringComparer.Ordinal);
        foreach (var tenant in tenants)
        {
            heads[tenant] = lane.Heads[tenant];
        }

        var advance = new NpgsqlBatchCommand(AdvanceHeadsSql);
        advance.Parameters.Add(TenantsParameter(tenants));
        AddHeadParameters(advance, tenants, heads); // from where this lane left them
        var rows = new AuditRows(batch.Count);
        var receipts = Link(batch, heads, rows);
        AddHeadParameters(advance, tenants, heads); // to where this batch leaves them
        if (rows.Count <= AuditRows.MaxInserted)
        {
            using var pipeline = new NpgsqlBatch(conn) { Timeout = _commandTimeoutSeconds };
            pipeline.BatchCommands.Add(advance);
            pipeline.BatchCommands.Add(rows.ToInsert());
            pipeline.Prepare();
            pipeline.ExecuteNonQuery();
        }
        else
        {
            // A large batch streams better through COPY, which cannot share a pipeline: four round trips, each
            // small against the batch itself.
            using var tx = conn.BeginTransaction();
            using (var advanceAlone = new NpgsqlBatch(conn, tx) { Timeout = _commandTimeoutSeconds })
            {
                advanceAlone.BatchCommands.Add(advance);
                advanceAlone.Prepare();
                advanceAlone.ExecuteNonQuery();
            }

            rows.Copy(conn, _options.WriteTimeout);
            tx.Commit();
        }

        Remember(lane, heads);
        return receipts;
    }

    /// <summary>What the lane believes after a committed batch: the heads it left.</summary>
    private static void Remember(AuditWriterLane lane, Dictionary<string, (long Sequence, byte[] Hash)> heads)
    {
        foreach (var (tenant, head) in heads)
        {
            lane.Heads[tenant] = head;
        }
    }

    private static NpgsqlParameter TenantsParameter(string[] tenants) =>
        new() { Value = tenants, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text };

    /// <summary>Adds the heads of <paramref name="tenants"/>, in that order, as two array parameters (sequences, hashes).</summary>
    private static void AddHeadParameters(NpgsqlBatchCommand command, string[] tenants, Dictionary<string, (long Sequence, byte[] Hash)> heads)
    {
        command.Parameters.Add(new NpgsqlParameter { Value = tenants.Select(t => heads[t].Sequence).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
        command.Parameters.Add(new NpgsqlParameter { Value = tenants.Select(t => heads[t].Hash).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea });
    }

    /// <summary>Numbers and links the batch from <paramref name="heads"/> (moving them), filling <paramref name="rows"/>.</summary>
    private static AuditReceipt[] Link(List<PendingAppend> batch, Dictionary<string, (long Sequence, byte[] Hash)> heads, AuditRows rows)
    {
        var receipts = new AuditReceipt[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            var r = batch[i].Record;
            var (previousSeq, previousHash) = heads[r.TenantId];
            var seq = previousSeq + 1;
            var hash = AuditChainHash.Link(previousHash, r.TenantId, seq, batch[i].ContentDigest);
            heads[r.TenantId] = (seq, hash);
            receipts[i] = new AuditReceipt(r.ScreeningId, r.TenantId, seq, AuditChainHash.ToHex(hash));
            rows.Add(r, seq, previousHash, hash);
        }

        return receipts;
    }

    /// <summary>
    /// The full path: locks and reads the heads, then sends the INSERT and the head move as one pipeline (a large batch:
    /// COPY, then the head move), then commits.
    /// </summary>
    private AuditReceipt[] CommitReadingHeads(AuditWriterLane lane, NpgsqlConnection conn, List<PendingAppend> batch, string[] tenants)
    {
        using var tx = conn.BeginTransaction();
        var heads = new Dictionary<string, (long Sequence, byte[] Hash)>(tenants.Length, StringComparer.Ordinal);
        using (var lockHeads = new NpgsqlCommand(LockHeadsSql, conn, tx) { CommandTimeout = _commandTimeoutSeconds })
        {
            lockHeads.Parameters.Add(TenantsParameter(tenants));
            lockHeads.Prepare();
            using var reader = lockHeads.ExecuteReader();
            while (reader.Read())
            {
                heads[reader.GetString(0)] = (reader.GetInt64(1), reader.GetFieldValue<byte[]>(2));
            }
        }

        if (heads.Count != tenants.Length)
        {
            throw new InvalidOperationException("audit_chain has no head row for some tenants of the batch.");
        }

        var rows = new AuditRows(batch.Count);
        var receipts = Link(batch, heads, rows);
        if (rows.Count > AuditRows.MaxInserted)
        {
            rows.Copy(conn, _options.WriteTimeout);
        }

        using (var pipeline = new NpgsqlBatch(conn, tx) { Timeout = _commandTimeoutSeconds })
        {
            if (rows.Count <= AuditRows.MaxInserted)
            {
                pipeline.BatchCommands.Add(rows.ToInsert());
            }

            var moveHeads = new NpgsqlBatchCommand(MoveHeadsSql);
            moveHeads.Parameters.Add(TenantsParameter(tenants));
            AddHeadParameters(moveHeads, tenants, heads);
            pipeline.BatchCommands.Add(moveHeads);
            pipeline.Prepare();
            pipeline.ExecuteNonQuery();
        }

        tx.Commit();
        Remember(lane, heads);
        return receipts;
    }

    /// <summary>Creates missing month partitions and chain rows, each in its own short statement, outside the batch transaction.</summary>
    private void Prepare(AuditWriterLane lane, NpgsqlConnection conn, List<PendingAppend> batch, string[] tenants)
    {
        var months = batch.Select(p => new DateOnly(p.Record.ScreenedAt.Year, p.Record.ScreenedAt.Month, 1)).Distinct().Where(m => !lane.KnownMonths.Contains(m)).ToArray();
        if (months.Length > 0)
        {
            using var ensure = new NpgsqlCommand("SELECT audit_ensure_partition(d) FROM unnest($1::date[]) AS d", conn) { CommandTimeout = _commandTimeoutSeconds };
            ensure.Parameters.Add(new NpgsqlParameter { Value = months, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Date });
            ensure.ExecuteNonQuery();
            lane.KnownMonths.UnionWith(months);
        }

        var newTenants = tenants.Where(t => !lane.KnownTenants.Contains(t)).ToArray();
        if (newTenants.Length > 0)
        {
            using var insert = new NpgsqlCommand("INSERT INTO audit_chain (tenant_id) SELECT unnest($1::text[]) ON CONFLICT (tenant_id) DO NOTHING", conn) { CommandTimeout = _commandTimeoutSeconds };
            insert.Parameters.Add(new NpgsqlParameter { Value = newTenants, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            insert.ExecuteNonQuery();
            lane.KnownTenants.UnionWith(newTenants);
        }
    }
}
