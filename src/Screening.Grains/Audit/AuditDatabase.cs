using Npgsql;

namespace Screening.Grains.Audit;

/// <summary>
/// The audit log's own connection pool, separate from Orleans' so that a burst of screening never starves grain
/// storage of connections (and the other way round). Connect timeout: <see cref="AuditOptions.WriteTimeout"/>.
/// </summary>
public sealed class AuditDatabase : IAsyncDisposable, IDisposable
{
    private const int MinWriteBufferSize = 64 * 1024;

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

        DataSource = builder.Build();
    }

    /// <summary>The pool.</summary>
    public NpgsqlDataSource DataSource { get; }

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();

    public void Dispose() => DataSource.Dispose();
}
