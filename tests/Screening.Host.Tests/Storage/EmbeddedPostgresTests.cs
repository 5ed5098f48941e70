using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Screening.Host.Storage;

namespace Screening.Host.Tests.Storage;

public sealed class EmbeddedPostgresTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "screening-embedded-" + Guid.NewGuid().ToString("N")[..8]);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private Task<EmbeddedPostgres> StartAsync() =>
        EmbeddedPostgres.StartAsync(_folder, null, "postgres", NullLogger.Instance, CancellationToken.None);

    private static async Task<object?> ScalarAsync(string connectionString, string sql)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        return await cmd.ExecuteScalarAsync();
    }

    [Fact]
    public async Task StartAsync_RestartOnSameFolder_KeepsData()
    {
        await using (var first = await StartAsync())
        {
            await ScalarAsync(first.ConnectionString, "CREATE TABLE kept (v text); INSERT INTO kept VALUES ('still here')");
        }

        await using var second = await StartAsync();

        Assert.Equal("still here", await ScalarAsync(second.ConnectionString, "SELECT v FROM kept"));
    }

    [Fact]
    public async Task StartAsync_ServerLeftByCrashedHost_IsStoppedAndRestarted()
    {
        var crashed = await StartAsync();
        await ScalarAsync(crashed.ConnectionString, "CREATE TABLE kept (v int); INSERT INTO kept VALUES (7)");
        await crashed.AbandonAsync();
        var stalePid = int.Parse(File.ReadLines(Path.Combine(crashed.ClusterDirectory, "postmaster.pid")).First(), System.Globalization.CultureInfo.InvariantCulture);

        await using var restarted = await StartAsync();
        var newPid = int.Parse(File.ReadLines(Path.Combine(restarted.ClusterDirectory, "postmaster.pid")).First(), System.Globalization.CultureInfo.InvariantCulture);

        Assert.NotEqual(stalePid, newPid);
        Assert.False(EmbeddedPostgres.IsAlive(stalePid));
        Assert.Equal(7, await ScalarAsync(restarted.ConnectionString, "SELECT v FROM kept"));
    }

    [Fact]
    public async Task StartAsync_FolderInUseByRunningHost_FailsNamingTheSetting()
    {
        await using var running = await StartAsync();

        var error = await Assert.ThrowsAsync<PlatformStartupException>(StartAsync);

        Assert.Contains("Storage:DataDirectory", error.Message, StringComparison.Ordinal);
        Assert.Contains("in use by another running host", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_FolderCannotBeWritten_FailsNamingTheSetting()
    {
        Directory.CreateDirectory(_folder);
        var file = Path.Combine(_folder, "a-file");
        await File.WriteAllTextAsync(file, "not a folder");

        var error = await Assert.ThrowsAsync<PlatformStartupException>(() =>
            EmbeddedPostgres.StartAsync(Path.Combine(file, "pg"), null, "postgres", NullLogger.Instance, CancellationToken.None));

        Assert.StartsWith("Storage:DataDirectory", error.Message, StringComparison.Ordinal);
        Assert.Contains("cannot be written", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Locate_NoBinariesAnywhere_SaysHowToInstallOrConnect()
    {
        var error = Assert.Throws<PlatformStartupException>(() => PostgresBinaries.Locate(null, path: "/nonexistent-bin", versionsRoot: "/nonexistent-root"));

        Assert.Contains("apt-get install postgresql", error.Message, StringComparison.Ordinal);
        Assert.Contains("Storage:ConnectionString", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Locate_ConfiguredFolderWithoutBinaries_NamesTheSetting()
    {
        var error = Assert.Throws<PlatformStartupException>(() => PostgresBinaries.Locate("/tmp"));

        Assert.StartsWith("Storage:BinDirectory", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Locate_OnThisMachine_FindsTheServerBinaries()
    {
        var binaries = PostgresBinaries.Locate(null);

        Assert.True(File.Exists(binaries.InitDb));
        Assert.True(File.Exists(binaries.PgCtl));
    }
}
