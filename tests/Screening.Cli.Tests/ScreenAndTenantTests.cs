using System.Text.Json;
using Screening.Cli.Tests.Infrastructure;
using Screening.Host.Tests.Infrastructure;

namespace Screening.Cli.Tests;

/// <summary>Tenants, keys and screening through screenctl on the demo seed (the Taliban case).</summary>
[Collection(PostgresCollection.Name)]
public sealed class ScreenAndTenantTests(PostgresFixture postgres) : IAsyncLifetime
{
    private TestHost _host = null!;

    public async Task InitializeAsync() => _host = await TestHost.StartAsync(postgres, new Dictionary<string, string?> { ["Seed:Demo"] = "true" });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task TenantsCreateAndKeysIssue_NewTenant_KeyScreens()
    {
        var key = await PlatformSetup.TenantKeyAsync(_host, "cli-bank", "KZ", "UN");

        var shown = await Screenctl.RunAsync(_host, TestHost.OperatorKey, "tenants", "show", "cli-bank", "--json");
        var keys = await Screenctl.RunAsync(_host, TestHost.OperatorKey, "keys", "list", "cli-bank", "--json");
        var ping = await Screenctl.RunAsync(_host, key, "ping");

        Assert.StartsWith("sk_", key, StringComparison.Ordinal);
        Assert.Equal(0, shown.ExitCode);
        using var tenant = JsonDocument.Parse(shown.Output);
        Assert.Equal(["KZ", "UN"], tenant.RootElement.GetProperty("subscriptions").EnumerateArray().Select(s => s.GetProperty("jurisdiction").GetString()));
        Assert.Equal(0, keys.ExitCode);
        using var keyList = JsonDocument.Parse(keys.Output);
        Assert.Single(keyList.RootElement.GetProperty("keys").EnumerateArray());
        Assert.True(ping.ExitCode == 0, ping.ToString());
    }

    [Fact]
    public async Task TenantsCreate_Twice_ExitsConflict()
    {
        await PlatformSetup.TenantKeyAsync(_host, "twice-bank", "KZ");

        var again = await Screenctl.RunAsync(_host, TestHost.OperatorKey, "tenants", "create", "twice-bank");

        Assert.Equal(ExitCodes.Conflict, again.ExitCode);
        Assert.Single(ConnectionTests.Lines(again.Error));
    }

    [Fact]
    public async Task TenantsShow_Unknown_ExitsNotFound()
    {
        var result = await Screenctl.RunAsync(_host, TestHost.OperatorKey, "tenants", "show", "no-such-bank");

        Assert.Equal(ExitCodes.NotFound, result.ExitCode);
    }

    [Fact]
    public async Task Screen_Json_PotentialMatchWithHitAndVersions()
    {
        var key = await PlatformSetup.TenantKeyAsync(_host, "json-bank", "KZ", "UN");

        var result = await Screenctl.RunAsync(_host, key, "screen", "Taliban", "--as-of", "2023-08-15", "--reference", "cust-1", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        Assert.Equal("DECISION_POTENTIAL_MATCH", root.GetProperty("decision").GetString());
        Assert.Equal("cust-1", root.GetProperty("clientReference").GetString());
        Assert.Contains(root.GetProperty("hits").EnumerateArray(), h => h.GetProperty("listId").GetString() == "KZ/terrorist-organisations");
        Assert.NotEmpty(root.GetProperty("listVersions").EnumerateArray());
        Assert.False(string.IsNullOrEmpty(root.GetProperty("screeningId").GetString()));
    }

    [Fact]
    public async Task Screen_Readable_ExplainsHitAndFormerDesignation()
    {
        var key = await PlatformSetup.TenantKeyAsync(_host, "readable-bank", "KZ");

        var before = await Screenctl.RunAsync(_host, key, "screen", "Taliban", "--as-of", "2023-08-15");
        var after = await Screenctl.RunAsync(_host, key, "screen", "Taliban", "--as-of", "2024-01-15", "--type", "entity");

        Assert.Equal(0, before.ExitCode);
        Assert.StartsWith("POTENTIAL MATCH", before.Output, StringComparison.Ordinal);
        Assert.Contains("KZ/terrorist-organisations", before.Output, StringComparison.Ordinal);
        Assert.Contains("legal basis: ", before.Output, StringComparison.Ordinal);
        Assert.StartsWith("CLEAR", after.Output, StringComparison.Ordinal);
        Assert.Contains("Former designations", after.Output, StringComparison.Ordinal);
        Assert.Contains("delisted 2023-12-29", after.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Screen_BadDate_ExitsUsageWithOneLine()
    {
        var key = await PlatformSetup.TenantKeyAsync(_host, "baddate-bank", "KZ");

        var result = await Screenctl.RunAsync(_host, key, "screen", "Taliban", "--dob", "1975-13");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("1975-13", Assert.Single(ConnectionTests.Lines(result.Error)), StringComparison.Ordinal);
    }
}
