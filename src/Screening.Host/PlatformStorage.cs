using System.Globalization;
using Microsoft.Extensions.Logging;
using Npgsql;
using Screening.Host.Options;
using Screening.Host.Storage;

namespace Screening.Host;

/// <summary>The database a host runs on: an embedded server it owns, or an external one.</summary>
public sealed class PlatformStorage : IAsyncDisposable
{
    private readonly EmbeddedPostgres? _embedded;

    private PlatformStorage(string connectionString, EmbeddedPostgres? embedded)
    {
        ConnectionString = connectionString;
        _embedded = embedded;
    }

    /// <summary>Npgsql connection string of the platform database.</summary>
    public string ConnectionString { get; }

    /// <summary>The embedded server, when the host runs one.</summary>
    public EmbeddedPostgres? Embedded => _embedded;

    /// <summary>Starts (embedded) or checks (external) the database, then applies pending migrations.</summary>
    public static async Task<PlatformStorage> OpenAsync(StorageOptions options, ILogger logger, CancellationToken ct)
    {
        PlatformStorage storage;
        if (options.Mode == StorageMode.External || !string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            if (string.IsNullOrWhiteSpace(options.ConnectionString))
            {
                throw new PlatformStartupException("Storage:Mode is External but Storage:ConnectionString is empty: give a connection string (environment Storage__ConnectionString), or remove Storage:Mode to use the embedded server.");
            }

            await CheckConnectionAsync(options.ConnectionString, ct);
            storage = new PlatformStorage(WithSessionSafeguards(options.ConnectionString), null);
        }
        else
        {
            var embedded = await EmbeddedPostgres.StartAsync(options.DataDirectory, options.BinDirectory, options.ServerUser, logger, ct);
            storage = new PlatformStorage(WithSessionSafeguards(embedded.ConnectionString), embedded);
        }

        try
        {
            await SchemaMigrator.ApplyAsync(storage.ConnectionString, logger, ct);
        }
        catch (NpgsqlException e)
        {
            await storage.DisposeAsync();
            throw new PlatformStartupException($"Applying the database schema failed: {e.Message}", e);
        }
        catch
        {
            await storage.DisposeAsync();
            throw;
        }

        return storage;
    }

    /// <summary>Transactions left idle longer than this are ended by the server (<c>idle_in_transaction_session_timeout</c>).</summary>
    public const int IdleInTransactionTimeoutMs = 10_000;

    /// <summary>
    /// Adds the session settings every platform connection needs. A silo cut off from the database in the middle of a
    /// transaction (a network partition) would otherwise keep its row locks, such as a tenant's audit-chain head,
    /// until the path heals — hours on a real network — and stall that tenant on every healthy silo. The server ends
    /// such a session after <see cref="IdleInTransactionTimeoutMs"/>; TCP keepalives (after 10 s of silence) find dead
    /// peers on idle connections. Settings the operator already gave in the connection string win.
    /// </summary>
    internal static string WithSessionSafeguards(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.Options?.Contains("idle_in_transaction_session_timeout", StringComparison.Ordinal) != true)
        {
            var setting = string.Create(CultureInfo.InvariantCulture, $"-c idle_in_transaction_session_timeout={IdleInTransactionTimeoutMs}");
            builder.Options = string.IsNullOrWhiteSpace(builder.Options) ? setting : builder.Options + " " + setting;
        }

        // The server's side of the same: find a vanished client after about 25 s instead of the OS default of hours.
        if (builder.Options?.Contains("tcp_keepalives_idle", StringComparison.Ordinal) != true)
        {
            builder.Options += " -c tcp_keepalives_idle=10 -c tcp_keepalives_interval=5 -c tcp_keepalives_count=3";
        }

        // TCP keepalives, not Npgsql's keepalive queries: a query would reset the server's idle-in-transaction clock.
        if (builder.KeepAlive == 0 && builder.TcpKeepAliveTime == 0)
        {
            builder.TcpKeepAliveTime = 10;
        }

        return builder.ConnectionString;
    }

    private static async Task CheckConnectionAsync(string connectionString, CancellationToken ct)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new PlatformStartupException($"Storage:ConnectionString is malformed ({e.Message}): use the form Host=...;Port=5432;Username=...;Password=...;Database=...", e);
        }

        try
        {
            builder.Timeout = Math.Min(builder.Timeout, 10);
            await using var conn = new NpgsqlConnection(builder.ConnectionString);
            await conn.OpenAsync(ct);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
        {
            throw new PlatformStartupException(
                $"Storage:ConnectionString: cannot connect to PostgreSQL at {builder.Host}:{builder.Port} ({e.Message}): check host, port, database, user and password, or remove it to use the embedded server.", e);
        }
    }

    /// <summary>Stops the embedded server, if any.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_embedded is not null)
        {
            await _embedded.DisposeAsync();
        }
    }
}
