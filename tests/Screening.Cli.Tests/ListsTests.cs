using System.Text.Json;
using Screening.Cli.Tests.Infrastructure;
using Screening.Host.Tests.Infrastructure;

namespace Screening.Cli.Tests;

/// <summary>Jurisdictions, list import of a national-json file of our own, designation history and delistings through screenctl.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ListsTests(PostgresFixture postgres) : IAsyncLifetime
{
    private static readonly string Fixture = Path.Combine(AppContext.BaseDirectory, "Fixtures", "zz-watch-list.json");
    private TestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await TestHost.StartAsync(postgres);
        var created = await Screenctl.RunAsync(_host, TestHost.OperatorKey, "jurisdictions", "create", "ZZ", "--name", "Testland", "--authority", "ZZ agency");
        Assert.True(created.ExitCode == 0, created.ToString());
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ListsImport_NationalJson_CountsThenUnchangedOnReimport()
    {
        var first = await Screenctl.RunAsync(_host, TestHost.OperatorKey, "lists", "import", Fixture, "--list", "ZZ/watch-list", "--format", "national-json", "--json");
        var again = await Screenctl.RunAsync(_host, TestHost.OperatorKey, "lists", "import", Fixture, "--list", "ZZ/watch-list", "--format", "national-json");
        var jurisdictions = await Screenctl.RunAsync(_host, TestHost.OperatorKey, "jurisdictions", "list");

        Assert.True(first.ExitCode == 0, first.ToString());
        using var json = JsonDocument.Parse(first.Output);
        Assert.True(json.RootElement.GetProperty("changed").GetBoolean());
        Assert.Equal(2, json.RootElement.GetProperty("added").GetInt32());
        Assert.Equal(0, again.ExitCode);
        Assert.StartsWith("unchanged ZZ/watch-list", again.Output, StringComparison.Ordinal);
        Assert.Contains("ZZ/watch-list", jurisdictions.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DesignationShow_DelistedEntity_TimelineListedThenDelisted()
    {
        await ImportAsync();

        var shown = await Screenctl.RunAsync(_host, TestHost.OperatorKey, "designation", "show", "ZZ/watch-list/ZZ-2");
        var json = await Screenctl.RunAsync(_host, TestHost.OperatorKey, "designation", "show", "ZZ/watch-list/ZZ-2", "--json");

        Assert.True(shown.ExitCode == 0, shown.ToString());
        Assert.Contains("Northwind Shell Trading LLP", shown.Output, StringComparison.Ordinal);
        Assert.Contains("not in force", shown.Output, StringComparison.Ordinal);
        var listed = shown.Output.IndexOf("2019-05-01", StringComparison.Ordinal);
        var delisted = shown.Output.IndexOf("2022-02-02", StringComparison.Ordinal);
        Assert.True(listed >= 0 && delisted > listed, shown.Output);
        Assert.Contains("Decision overturned on appeal.", shown.Output, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(json.Output);
        Assert.Equal(["listed", "delisted"], doc.RootElement.GetProperty("revisions").EnumerateArray().Select(r => r.GetProperty("kind").GetString()));
        Assert.False(doc.RootElement.GetProperty("inForce").GetBoolean());
    }

    [Fact]
    public async Task DelistingsRecord_ThenScreen_FormerDesignation()
    {
        await ImportAsync();
        var key = await PlatformSetup.TenantKeyAsync(_host, "zz-bank", "ZZ");
        var before = await Screenctl.RunAsync(_host, key, "screen", "Boris Fixturov", "--as-of", "2024-06-01", "--json");

        var recorded = await Screenctl.RunAsync(_host, TestHost.OperatorKey, "delistings", "record", "ZZ/watch-list/ZZ-1", "--effective", "2024-07-01", "--legal-basis", "Order 40", "--reason", "died");
        var delistings = await Screenctl.RunAsync(_host, TestHost.OperatorKey, "delistings", "list", "ZZ/watch-list", "--json");
        var after = await Screenctl.RunAsync(_host, key, "screen", "Boris Fixturov", "--as-of", "2024-08-01", "--json");

        Assert.True(before.ExitCode == 0, before.ToString());
        Assert.Contains("DECISION_POTENTIAL_MATCH", before.Output, StringComparison.Ordinal);
        Assert.True(recorded.ExitCode == 0, recorded.ToString());
        using var list = JsonDocument.Parse(delistings.Output);
        Assert.Equal(2, list.RootElement.GetProperty("revisions").GetArrayLength());
        using var answer = JsonDocument.Parse(after.Output);
        Assert.Equal("DECISION_CLEAR", answer.RootElement.GetProperty("decision").GetString());
        Assert.Equal("died", Assert.Single(answer.RootElement.GetProperty("formerDesignations").EnumerateArray()).GetProperty("delistingReason").GetString());
    }

    [Fact]
    public async Task ListsImport_MissingFile_ExitsUsage()
    {
        var result = await Screenctl.RunAsync(_host, TestHost.OperatorKey, "lists", "import", "/nonexistent/file.xml", "--list", "ZZ/watch-list", "--format", "un-xml");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Single(ConnectionTests.Lines(result.Error));
    }

    [Fact]
    public async Task DesignationShow_Unknown_ExitsNotFound()
    {
        var result = await Screenctl.RunAsync(_host, TestHost.OperatorKey, "designation", "show", "ZZ/watch-list/NOPE");

        Assert.Equal(ExitCodes.NotFound, result.ExitCode);
    }

    private async Task ImportAsync()
    {
        var result = await Screenctl.RunAsync(_host, TestHost.OperatorKey, "lists", "import", Fixture, "--list", "ZZ/watch-list", "--format", "national-json");
        Assert.True(result.ExitCode == 0, result.ToString());
    }
}
