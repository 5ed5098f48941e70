using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Runtime;
using Orleans.Storage;
using Screening.Grains;
using Screening.Host.Tests.Infrastructure;

namespace Screening.Host.Tests.Storage;

/// <summary>The real Orleans ADO.NET providers against our own PostgreSQL schema (migrations 0001-0004).</summary>
[Collection(PostgresCollection.Name)]
public sealed class OrleansProviderTests(PostgresFixture postgres) : IAsyncLifetime
{
    private TestHost _host = null!;

    public async Task InitializeAsync() => _host = await TestHost.StartAsync(postgres);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private IGrainStorage Storage => _host.Host.Services.GetRequiredKeyedService<IGrainStorage>(GrainStorageNames.Platform);

    public sealed class Note
    {
        public string Text { get; set; } = string.Empty;
    }

    [Fact]
    public async Task Membership_AfterStart_ListsThisSiloActive()
    {
        var table = _host.Host.Services.GetRequiredService<IMembershipTable>();
        var local = _host.Host.Services.GetRequiredService<ILocalSiloDetails>();

        var data = await table.ReadAllAsync();

        var (entry, _) = Assert.Single(data.Members, m => m.Item1.SiloAddress.Equals(local.SiloAddress));
        Assert.Equal(SiloStatus.Active, entry.Status);
    }

    [Fact]
    public async Task GrainStorage_WriteReadClear_RoundTrips()
    {
        var id = GrainId.Create("test", "note/" + Guid.NewGuid());
        var state = new GrainState<Note> { State = new Note { Text = "Талибан" } };

        await Storage.WriteStateAsync("note", id, state);
        var read = new GrainState<Note>();
        await Storage.ReadStateAsync("note", id, read);
        var (existed, text) = (read.RecordExists, read.State!.Text);
        await Storage.ClearStateAsync("note", id, read);
        var cleared = new GrainState<Note>();
        await Storage.ReadStateAsync("note", id, cleared);

        Assert.True(existed);
        Assert.Equal("Талибан", text);
        Assert.False(cleared.RecordExists);
    }

    [Fact]
    public async Task GrainStorage_StaleETag_ThrowsInconsistentState()
    {
        var id = GrainId.Create("test", "note/" + Guid.NewGuid());
        var first = new GrainState<Note> { State = new Note { Text = "v1" } };
        await Storage.WriteStateAsync("note", id, first);
        var stale = new GrainState<Note>();
        await Storage.ReadStateAsync("note", id, stale);
        first.State!.Text = "v2";
        await Storage.WriteStateAsync("note", id, first);

        stale.State!.Text = "lost update";
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync("note", id, stale));

        var read = new GrainState<Note>();
        await Storage.ReadStateAsync("note", id, read);
        Assert.Equal("v2", read.State!.Text);
    }

    [Fact]
    public async Task GrainStorage_Payload_IsPlainJsonWithoutDotNetTypeNames()
    {
        var id = GrainId.Create("test", "note/" + Guid.NewGuid());
        await Storage.WriteStateAsync("note", id, new GrainState<Note> { State = new Note { Text = "plain" } });

        await using var conn = new Npgsql.NpgsqlConnection(_host.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new Npgsql.NpgsqlCommand("SELECT convert_from(payload_binary, 'UTF8') FROM orleans_grain_state WHERE grain_type = 'note'", conn);
        var json = (string?)await cmd.ExecuteScalarAsync();

        Assert.Equal("{\"Text\":\"plain\"}", json);
    }

    [Fact]
    public async Task Reminders_UpsertReadRemove_UsesETags()
    {
        var table = _host.Host.Services.GetRequiredService<IReminderTable>();
        var grain = GrainId.Create("test", "reminder/" + Guid.NewGuid());
        var entry = new ReminderEntry { GrainId = grain, ReminderName = "refresh", StartAt = DateTime.UtcNow, Period = TimeSpan.FromMinutes(5) };

        var etag = await table.UpsertRow(entry);
        var read = await table.ReadRow(grain, "refresh");
        var staleRemove = await table.RemoveRow(grain, "refresh", "999999");
        var remove = await table.RemoveRow(grain, "refresh", etag!);
        var after = await table.ReadRows(grain);

        Assert.Equal(TimeSpan.FromMinutes(5), read!.Period);
        Assert.False(staleRemove);
        Assert.True(remove);
        Assert.Empty(after.Reminders);
    }
}
