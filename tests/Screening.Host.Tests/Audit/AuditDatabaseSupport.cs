using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Screening.Grains.Audit;

namespace Screening.Host.Tests.Audit;

/// <summary>Writers, readers and SQL against a test database.</summary>
public sealed class AuditDatabaseSupport(string connectionString) : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _owned = [];

    public string ConnectionString { get; } = connectionString;

    public static AuditOptions FastOptions() => new() { FlushInterval = TimeSpan.FromMilliseconds(2), FailureBackoff = TimeSpan.Zero, WriteTimeout = TimeSpan.FromSeconds(5) };

    public GroupCommitAuditLog Writer(AuditOptions? options = null, TimeProvider? time = null, string? connectionString = null)
    {
        options ??= FastOptions();
        var database = new AuditDatabase(connectionString ?? ConnectionString, options.WriteTimeout);
        var writer = new GroupCommitAuditLog(database, Microsoft.Extensions.Options.Options.Create(options), time ?? TimeProvider.System, NullLogger<GroupCommitAuditLog>.Instance);
        _owned.Add(writer);
        _owned.Add(database);
        return writer;
    }

    public PostgresAuditReader Reader()
    {
        var database = new AuditDatabase(ConnectionString, TimeSpan.FromSeconds(5));
        _owned.Add(database);
        return new PostgresAuditReader(database);
    }

    public AuditPartitionMaintenance Maintenance(AuditOptions options, TimeProvider? time = null)
    {
        var database = new AuditDatabase(ConnectionString, TimeSpan.FromSeconds(5));
        _owned.Add(database);
        return new AuditPartitionMaintenance(database, Microsoft.Extensions.Options.Options.Create(options), time ?? TimeProvider.System, NullLogger<AuditPartitionMaintenance>.Instance);
    }

    public async Task<T?> ScalarAsync<T>(string sql, params object[] args)
    {
        await using var conn = new NpgsqlConnection(ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        foreach (var a in args)
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = a });
        }

        var value = await cmd.ExecuteScalarAsync();
        return value is null or DBNull ? default : (T)value;
    }

    public async Task<int> ExecuteAsync(string sql, params object[] args)
    {
        await using var conn = new NpgsqlConnection(ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        foreach (var a in args)
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = a });
        }

        return await cmd.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        // Writers first (they flush), then their pools.
        foreach (var owned in _owned)
        {
            await owned.DisposeAsync();
        }
    }
}
