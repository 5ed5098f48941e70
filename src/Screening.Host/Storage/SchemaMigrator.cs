using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Screening.Host.Storage;

/// <summary>
/// Applies the versioned SQL migrations embedded in this assembly (<c>Storage/Migrations/NNNN_name.sql</c>), in
/// order, each in its own transaction, each exactly once (recorded in <c>platform_migrations</c>). A session-level
/// advisory lock serialises hosts that start at the same time against one database.
/// </summary>
public static class SchemaMigrator
{
    private const long AdvisoryLockKey = 0x5C12EE_0001;
    private const string ResourcePrefix = "migrations/";

    /// <summary>The migrations shipped with this build, ordered by version.</summary>
    public static IReadOnlyList<Migration> Embedded { get; } = LoadEmbedded();

    /// <summary>Applies the pending migrations; returns the versions applied by this call.</summary>
    public static async Task<IReadOnlyList<int>> ApplyAsync(string connectionString, ILogger logger, CancellationToken ct)
    {
        var applied = new List<int>();
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync(ct);
        await using (var lockCmd = new NpgsqlCommand("SELECT pg_advisory_lock($1)", conn) { Parameters = { new() { Value = AdvisoryLockKey } } })
        {
            await lockCmd.ExecuteNonQueryAsync(ct);
        }

        try
        {
            await using (var create = new NpgsqlCommand(
                "CREATE TABLE IF NOT EXISTS platform_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())",
                conn))
            {
                await create.ExecuteNonQueryAsync(ct);
            }

            var done = new HashSet<int>();
            await using (var read = new NpgsqlCommand("SELECT version FROM platform_migrations", conn))
            await using (var reader = await read.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    done.Add(reader.GetInt32(0));
                }
            }

            foreach (var migration in Embedded.Where(m => !done.Contains(m.Version)))
            {
                await using var tx = await conn.BeginTransactionAsync(ct);
                await using (var run = new NpgsqlCommand(migration.Sql, conn, tx))
                {
                    await run.ExecuteNonQueryAsync(ct);
                }

                await using (var record = new NpgsqlCommand("INSERT INTO platform_migrations (version, name) VALUES ($1, $2)", conn, tx)
                {
                    Parameters = { new() { Value = migration.Version }, new() { Value = migration.Name } },
                })
                {
                    await record.ExecuteNonQueryAsync(ct);
                }

                await tx.CommitAsync(ct);
                applied.Add(migration.Version);
                EmbeddedPostgresLog.MigrationApplied(logger, migration.Version, migration.Name);
            }
        }
        finally
        {
            await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock($1)", conn) { Parameters = { new() { Value = AdvisoryLockKey } } };
            await unlock.ExecuteNonQueryAsync(CancellationToken.None);
        }

        return applied;
    }

    private static List<Migration> LoadEmbedded()
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        var list = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            var file = resource[ResourcePrefix.Length..];
            var underscore = file.IndexOf('_', StringComparison.Ordinal);
            if (underscore <= 0 || !int.TryParse(file.AsSpan(0, underscore), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            {
                throw new InvalidOperationException($"Migration resource '{resource}' is not named NNNN_name.sql.");
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            list.Add(new Migration(version, Path.GetFileNameWithoutExtension(file)[(underscore + 1)..], reader.ReadToEnd()));
        }

        var duplicates = list.GroupBy(m => m.Version).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (duplicates.Count > 0)
        {
            throw new InvalidOperationException($"Duplicate migration versions: {string.Join(", ", duplicates)}.");
        }

        return [.. list.OrderBy(m => m.Version)];
    }

    /// <summary>One embedded migration.</summary>
    public sealed record Migration(int Version, string Name, string Sql);
}
