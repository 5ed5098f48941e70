using System.Text.Json;
using Screening.Cli.Tests.Infrastructure;
using Screening.Host.Tests.Infrastructure;

namespace Screening.Cli.Tests;

/// <summary>audit query, show and verify through screenctl.</summary>
[Collection(PostgresCollection.Name)]
public sealed class AuditTests(PostgresFixture postgres) : IAsyncLifetime
{
    private TestHost _host = null!;

    public async Task InitializeAsync() => _host = await TestHost.StartAsync(postgres, new Dictionary<string, string?> { ["Seed:Demo"] = "true" });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task AuditQueryShowVerify_AfterScreenings_FindsAnswersAndChainIntact()
    {
        var key = await PlatformSetup.TenantKeyAsync(_host, "audit-cli-bank", "KZ");
        var screened = await Screenctl.RunAsync(_host, key, "screen", "Taliban", "--as-of", "2023-08-15", "--reference", "a-1", "--json");
        await Screenctl.RunAsync(_host, key, "screen", "Aigerim Nurlanova", "--reference", "a-2");
        using var answer = JsonDocument.Parse(screened.Output);
        var screeningId = answer.RootElement.GetProperty("screeningId").GetString()!;

        // The audit log commits in groups; the answer was recorded before it was returned, so it is there now.
        var query = await Screenctl.RunAsync(_host, key, "audit", "query", "--decision", "potential-match", "--json");
        var show = await Screenctl.RunAsync(_host, TestHost.OperatorKey, "audit", "show", screeningId, "--tenant", "audit-cli-bank");
        var verify = await Screenctl.RunAsync(_host, TestHost.OperatorKey, "audit", "verify", "--tenant", "audit-cli-bank", "--json");

        Assert.True(query.ExitCode == 0, query.ToString());
        using var page = JsonDocument.Parse(query.Output);
        var only = Assert.Single(page.RootElement.GetProperty("screenings").EnumerateArray());
        Assert.Equal("a-1", only.GetProperty("clientReference").GetString());
        Assert.True(show.ExitCode == 0, show.ToString());
        Assert.Contains("POTENTIAL MATCH", show.Output, StringComparison.Ordinal);
        Assert.Contains(screeningId, show.Output, StringComparison.Ordinal);
        Assert.True(verify.ExitCode == 0, verify.ToString());
        using var chain = JsonDocument.Parse(verify.Output);
        Assert.True(chain.RootElement.GetProperty("intact").GetBoolean());
    }

    [Fact]
    public async Task AuditQuery_OperatorWithoutTenant_ExitsUsage()
    {
        var result = await Screenctl.RunAsync(_host, TestHost.OperatorKey, "audit", "query");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Single(ConnectionTests.Lines(result.Error));
    }
}
