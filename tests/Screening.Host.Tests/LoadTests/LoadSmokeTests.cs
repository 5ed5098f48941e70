using Screening.Host.Tests.Infrastructure;
using Screening.LoadTests;
using Screening.LoadTests.Options;
using Screening.LoadTests.Reporting;
using Xunit.Abstractions;

namespace Screening.Host.Tests.LoadTests;

/// <summary>
/// The load generator's smoke mode against an in-process host: every scenario (ping, screen, batch, stream, tenants,
/// churn, and screen under the open model) for a second or two, failing on any error, wrong or stale answer.
/// No timing assertions: CI machines are too noisy for them.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class LoadSmokeTests(PostgresFixture postgres, ITestOutputHelper output) : IAsyncLifetime
{
    private TestHost _host = null!;

    public async Task InitializeAsync() => _host = await TestHost.StartAsync(postgres);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Smoke_EveryScenario_NoErrorsAndNoWrongAnswers()
    {
        var options = LoadOptions.SmokeProfile(_host.GrpcAddress, TestHost.OperatorKey, Path.Combine(Path.GetTempPath(), "screening-load-smoke"));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var log = new StringWriter();

        var report = await LoadRunner.RunAsync(options, log, timeout.Token);

        ReportWriter.WriteTable(report, log);
        output.WriteLine(log.ToString());
        Assert.True(report.ErrorCount == 0, log.ToString());
        Assert.Equal(LoadOptions.AllScenarios.Length + 1, report.Scenarios.Count);
        Assert.All(report.Scenarios, s => Assert.True(s.Calls > 0, $"{s.Scenario} made no call\n{log}"));
        Assert.Contains(report.Scenarios, s => s.Scenario == "churn" && s.Notes.Any(n => !n.StartsWith("0 list changes", StringComparison.Ordinal)));
    }
}
