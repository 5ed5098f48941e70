using System.Collections.Concurrent;
using System.Diagnostics;
using Screening.Contracts.V1;
using Screening.Host.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Screening.Host.Tests.LoadTests;

/// <summary>
/// Issue 7: one Screen call is one trace holding the gRPC server span, the platform's matching span, the grain call
/// it made (tenant lookup) and the database spans of the audit write it waited for.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ScreenTraceTests(PostgresFixture postgres, ITestOutputHelper output) : IAsyncLifetime
{
    private readonly ConcurrentBag<Activity> _stopped = [];
    private ActivityListener _listener = null!;
    private TestHost _host = null!;

    public async Task InitializeAsync()
    {
        // Listens without sampling anything itself (PropagationData): the host's OpenTelemetry sampler decides.
        _listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name is "Microsoft.AspNetCore" or "Screening.Platform" or "Microsoft.Orleans.Application" or "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.PropagationData,
            ActivityStopped = a => _stopped.Add(a),
        };
        ActivitySource.AddActivityListener(_listener);
        _host = await TestHost.StartAsync(postgres, new Dictionary<string, string?> { ["Telemetry:ConsoleExporter"] = "true" });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _listener.Dispose();
    }

    [Fact]
    public async Task Screen_WithTracing_OneTraceHasGrpcGrainAndDatabaseSpans()
    {
        var admin = new TenantAdminService.TenantAdminServiceClient(_host.Channel(TestHost.OperatorKey));
        await admin.CreateTenantAsync(new CreateTenantRequest { TenantId = "trace-bank", DisplayName = "Trace Bank", Subscriptions = { new Subscription { Jurisdiction = "UN" } } });
        var key = await admin.IssueApiKeyAsync(new IssueApiKeyRequest { TenantId = "trace-bank", Role = ApiKeyRole.Screening });
        var client = new ScreeningService.ScreeningServiceClient(_host.Channel(key.Secret));
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // past the tenant cache, so the call looks the tenant up in its grain

        await client.ScreenAsync(new ScreenRequest { Subject = new Subject { Names = { "Ivan Example" } }, ClientReference = "trace-1" });
        await Task.Delay(TimeSpan.FromMilliseconds(500));

        var server = Assert.Single(_stopped, a => a.Recorded && a.Source.Name == "Microsoft.AspNetCore" && a.DisplayName.Contains("ScreeningService/Screen", StringComparison.Ordinal));
        var trace = _stopped.Where(a => a.Recorded && a.TraceId == server.TraceId).OrderBy(a => a.StartTimeUtc).ToList();
        foreach (var a in trace)
        {
            output.WriteLine($"{a.StartTimeUtc:HH:mm:ss.ffffff} {a.Duration.TotalMilliseconds,8:F2} ms  {a.Source.Name,-30} {a.Kind,-8} {a.DisplayName}  span {a.SpanId} parent {a.ParentSpanId}");
        }

        Assert.Contains(trace, a => a.Source.Name == "Screening.Platform" && a.OperationName == "screening.match");
        Assert.Contains(trace, a => a.Source.Name == "Microsoft.Orleans.Application");
        Assert.Contains(trace, a => a.Source.Name == "Screening.Platform" && a.OperationName == "audit.flush");
        Assert.Contains(trace, a => a.Source.Name == "Npgsql");
    }
}
