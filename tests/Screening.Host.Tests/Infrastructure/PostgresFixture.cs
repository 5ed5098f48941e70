using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Screening.Host.Storage;

namespace Screening.Host.Tests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL for the whole test run, started exactly as the host's embedded mode starts one (own temp
/// folder, free loopback port, generated password; as root, run by the postgres user), and removed afterwards.
/// Each test class takes its own fresh database from it.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private EmbeddedPostgres? _server;
    private int _databases;

    /// <summary>Temp folder of the server.</summary>
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "screening-tests-" + Guid.NewGuid().ToString("N")[..12]);

    /// <summary>Connection string of the server's platform database.</summary>
    public string AdminConnectionString => _server?.ConnectionString ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync()
    {
        _server = await EmbeddedPostgres.StartAsync(Path.Combine(Folder, "pg"), null, "postgres", NullLogger.Instance, CancellationToken.None);
    }

    /// <summary>A new empty database; returns its connection string. Migrations are not applied.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix = "t")
    {
        var name = $"{prefix}_{Interlocked.Increment(ref _databases)}_{Guid.NewGuid().ToString("N")[..6]}";
        await using (var conn = new NpgsqlConnection(AdminConnectionString))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", conn);
            await cmd.ExecuteNonQueryAsync();
        }

        // Many hosts come and go against one server during a run: let idle pooled connections close quickly.
        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name, ConnectionIdleLifetime = 5, ConnectionPruningInterval = 1 }.ConnectionString;
    }

    /// <summary>A new database with the platform's migrations applied.</summary>
    public async Task<string> CreateMigratedDatabaseAsync(string prefix = "t")
    {
        var cs = await CreateDatabaseAsync(prefix);
        await SchemaMigrator.ApplyAsync(cs, NullLogger.Instance, CancellationToken.None);
        return cs;
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // best effort: a temp folder
        }
    }
}
