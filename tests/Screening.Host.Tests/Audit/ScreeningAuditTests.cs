using Google.Protobuf;
using Screening.Contracts.V1;
using Screening.Host.Tests.Infrastructure;

namespace Screening.Host.Tests.Audit;

/// <summary>Screening answers end to end: every answer returned has its audit record, readable and verifiable.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ScreeningAuditTests(PostgresFixture postgres) : IAsyncLifetime
{
    private TestHost _host = null!;

    public async Task InitializeAsync() => _host = await TestHost.StartAsync(postgres, new Dictionary<string, string?> { ["Seed:Demo"] = "true" });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ScreenAndScreenBatch_EveryAnswer_IsRecordedAsReturned()
    {
        var admin = new TenantAdminService.TenantAdminServiceClient(_host.Channel(TestHost.OperatorKey));
        await admin.CreateTenantAsync(new CreateTenantRequest { TenantId = "audited-bank", DisplayName = "Audited", Subscriptions = { new Subscription { Jurisdiction = "KZ" } } });
        var key = (await admin.IssueApiKeyAsync(new IssueApiKeyRequest { TenantId = "audited-bank", Role = ApiKeyRole.Screening })).Secret;
        var screening = new ScreeningService.ScreeningServiceClient(_host.Channel(key));
        var audit = new AuditService.AuditServiceClient(_host.Channel(key));

        var single = await screening.ScreenAsync(new ScreenRequest { Subject = new Subject { Names = { "Taliban" } }, AsOf = "2023-08-15", ClientReference = "auditor-question" });
        var batch = await screening.ScreenBatchAsync(new ScreenBatchRequest
        {
            Requests = { Enumerable.Range(0, 3).Select(i => new ScreenRequest { Subject = new Subject { Names = { "Taliban" } }, AsOf = "2024-01-15", ClientReference = $"batch-{i}" }) },
        });

        var record = await audit.GetScreeningAsync(new GetScreeningRequest { ScreeningId = single.ScreeningId });
        Assert.Equal(single.Decision, record.Decision);
        Assert.Equal("2023-08-15", record.AsOf);
        Assert.Equal(single.ListVersions, record.ListVersions);
        Assert.Equal(single, JsonParser.Default.Parse<ScreenResponse>(record.ResponseJson));
        var query = await audit.QueryScreeningsAsync(new QueryScreeningsRequest { ClientReference = "auditor-question" });
        Assert.Equal(single.ScreeningId, Assert.Single(query.Screenings).ScreeningId);
        foreach (var answer in batch.Responses)
        {
            var stored = await audit.GetScreeningAsync(new GetScreeningRequest { ScreeningId = answer.ScreeningId });
            Assert.Equal(answer, JsonParser.Default.Parse<ScreenResponse>(stored.ResponseJson));
        }

        var report = await audit.VerifyAuditChainAsync(new VerifyAuditChainRequest());
        Assert.True(report.Intact, report.FirstBreak?.Reason);
        Assert.Equal(4, report.RecordsChecked);
    }
}
