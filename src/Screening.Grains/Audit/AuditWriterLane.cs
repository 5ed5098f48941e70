using System.Data;
using System.Threading.Channels;
using Npgsql;

namespace Screening.Grains.Audit;

/// <summary>
/// One writer loop of <see cref="GroupCommitAuditLog"/>: its queue, its wake-up event and what it believes about the
/// database. Only the loop's thread reads the queue and touches the sets, so they need no locks.
/// </summary>
internal sealed class AuditWriterLane(int capacity)
{
    private NpgsqlConnection? connection;

    public Channel<PendingAppend> Queue { get; } = Channel.CreateBounded<PendingAppend>(new BoundedChannelOptions(capacity)
    {
        SingleReader = true,
        SingleWriter = false,
        FullMode = BoundedChannelFullMode.Wait,
        AllowSynchronousContinuations = false,
    });

    /// <summary>Set by appenders after queueing, so the writer thread wakes without a thread-pool hop.</summary>
    public ManualResetEventSlim Queued { get; } = new(initialState: false);

    /// <summary>Months whose partition this loop has ensured.</summary>
    public HashSet<DateOnly> KnownMonths { get; } = [];

    /// <summary>Tenants whose chain row this loop has ensured.</summary>
    public HashSet<string> KnownTenants { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Per tenant, the chain head (sequence, hash) this lane's last committed batch left. Only a belief: the next batch
    /// moves the head only from there (audit_advance_heads) and reads it under lock when another writer moved it.
    /// Cleared after any failure.
    /// </summary>
    public Dictionary<string, (long Sequence, byte[] Hash)> Heads { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The lane's own connection, kept open between batches: a connection returned to the pool is reset (its cached
    /// plans discarded), which made PostgreSQL plan the batch statements again for every batch. Opened on first use
    /// and after <see cref="DropConnection"/>.
    /// </summary>
    public NpgsqlConnection Connection(NpgsqlDataSource dataSource)
    {
        if (connection is { State: ConnectionState.Open })
        {
            return connection;
        }

        DropConnection();
        connection = dataSource.OpenConnection();
        return connection;
    }

    /// <summary>Closes the lane's connection (after a failure: its state is unknown), so the next batch opens a fresh one.</summary>
    public void DropConnection()
    {
        var dropped = connection;
        connection = null;
        try
        {
            dropped?.Dispose();
        }
        catch (Exception e) when (e is NpgsqlException or IOException or InvalidOperationException)
        {
            // Broken already: nothing left to release.
        }
    }

    /// <summary>The running loop (set once at start).</summary>
    public Task Loop { get; set; } = Task.CompletedTask;
}
