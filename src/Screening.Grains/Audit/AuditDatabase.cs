using Npgsql;

namespace Screening.Grains.Audit;

/// <summary>
/// The audit log's own connection pool, separate from Orleans' so that a burst of screening never starves grain
/// storage of connections (and the other way round). Connect timeout: <see cref="AuditOptions.WriteTimeout"/>.
/// </summary>
public sealed class AuditDatabase : IAsyncDisposable, IDisposable
{
    private const int MinWriteBufferSize = 64 * 1024;

    /// <summary>Least server-side statement timeout of audit connections (and at least the write timeout plus 2 s, so the client's own timeout and cancellation come first).</summary>
    public static readonly TimeSpan StatementTimeout = TimeSpan.FromSeconds(7);

    /// <summary>Server-side idle-in-transaction timeout of audit connections.</summary>
    public static readonly TimeSpan AuditIdleInTransactionTimeout = TimeSpan.FromSeconds(3);

    /// <summary>Opens a pool on <paramref name="connectionString"/>.</summary>
    public AuditDatabase(string connectionString, TimeSpan connectTimeout)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.ConnectionStringBuilder.Timeout = Math.Max(1, (int)Math.Ceiling(connectTimeout.TotalSeconds));
        builder.ConnectionStringBuilder.ApplicationName ??= "screening-audit";
        if (builder.ConnectionStringBuilder.WriteBufferSize < MinWriteBufferSize)
        {
            // A batch COPYs hundreds of kilobytes: with the 8 KB default every few records cost a socket write.
            builder.ConnectionStringBuilder.WriteBufferSize = MinWriteBufferSize;
        }

        // A silo cut off from the database in the middle of a batch's COPY leaves a backend that is not idle (the
        // server's idle-in-transaction timeout does not apply) but holds the tenant's chain-head lock, stalling that
        // tenant on every other silo: the server cancels an audit statement that runs longer than this.
        var options = builder.ConnectionStringBuilder.Options ?? string.Empty;
        if (!options.Contains("statement_timeout", StringComparison.Ordinal))
        {
            var ms = (int)Math.Max(StatementTimeout.TotalMilliseconds, connectTimeout.TotalMilliseconds + 2000);
            options = (options + " -c statement_timeout=" + ms.ToString(System.Globalization.CultureInfo.InvariantCulture)).Trim();
        }

        // A statement the server cancels leaves its transaction aborted but open, still holding the chain-head lock,
        // until the idle-in-transaction timeout ends the session. An audit transaction is never idle for longer than a
        // round trip, so audit sessions get a short one (the last -c of a setting wins): with the statement timeout, a
        // silo cut off mid-batch holds a tenant's chain for at most about 10 s instead of 20 s.
        options += " -c idle_in_transaction_session_timeout=" + AuditIdleInTransactionTimeout.TotalMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        builder.ConnectionStringBuilder.Options = options.Trim();

        DataSource = builder.Build();
    }

    /// <summary>The pool.</summary>
    public NpgsqlDataSource DataSource { get; }

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();

    public void Dispose() => DataSource.Dispose();
}
