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
            storage = new PlatformStorage(options.ConnectionString, null);
        }
        else
        {
            var embedded = await EmbeddedPostgres.StartAsync(options.DataDirectory, options.BinDirectory, options.ServerUser, logger, ct);
            storage = new PlatformStorage(embedded.ConnectionString, embedded);
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
