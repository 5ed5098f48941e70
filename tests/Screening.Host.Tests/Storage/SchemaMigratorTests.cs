using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Screening.Host.Storage;
using Screening.Host.Tests.Infrastructure;

namespace Screening.Host.Tests.Storage;

[Collection(PostgresCollection.Name)]
public sealed class SchemaMigratorTests(PostgresFixture postgres)
{
    [Fact]
    public async Task ApplyAsync_Twice_SecondRunAppliesNothing()
    {
        var cs = await postgres.CreateDatabaseAsync("mig");

        var first = await SchemaMigrator.ApplyAsync(cs, NullLogger.Instance, CancellationToken.None);
        var second = await SchemaMigrator.ApplyAsync(cs, NullLogger.Instance, CancellationToken.None);

        Assert.Equal(SchemaMigrator.Embedded.Select(m => m.Version), first);
        Assert.Empty(second);
    }

    [Fact]
    public async Task ApplyAsync_TwoHostsAtOnce_EachMigrationAppliedOnce()
    {
        var cs = await postgres.CreateDatabaseAsync("mig");

        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => SchemaMigrator.ApplyAsync(cs, NullLogger.Instance, CancellationToken.None))));

        Assert.Equal(SchemaMigrator.Embedded.Select(m => m.Version).Order(), runs.SelectMany(r => r).Order());
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM platform_migrations", conn);
        Assert.Equal((long)SchemaMigrator.Embedded.Count, await count.ExecuteScalarAsync());
    }

    [Fact]
    public void Embedded_IncludesOrleansSchema()
    {
        Assert.Contains(SchemaMigrator.Embedded, m => m.Name.Contains("clustering", StringComparison.Ordinal));
        Assert.Contains(SchemaMigrator.Embedded, m => m.Name.Contains("persistence", StringComparison.Ordinal));
        Assert.Contains(SchemaMigrator.Embedded, m => m.Name.Contains("reminders", StringComparison.Ordinal));
    }
}
