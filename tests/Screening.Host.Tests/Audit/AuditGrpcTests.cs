using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Screening.Contracts.V1;
using Screening.Grains.Audit;
using Screening.Host.Tests.Infrastructure;

namespace Screening.Host.Tests.Audit;

/// <summary>AuditService through the real host: tenant isolation, queries, verification.</summary>
[Collection(PostgresCollection.Name)]
public sealed class AuditGrpcTests(PostgresFixture postgres) : IAsyncLifetime
{
    private TestHost _host = null!;
    private string _keyA = null!;
    private string _keyB = null!;
    private readonly List<AuditReceipt> _recordsA = [];
    private readonly List<AuditReceipt> _recordsB = [];

    public async Task InitializeAsync()
    {
        _host = await TestHost.StartAsync(postgres);
        var admin = new TenantAdminService.TenantAdminServiceClient(_host.Channel(TestHost.OperatorKey));
        await admin.CreateTenantAsync(new CreateTenantRequest { TenantId = "tenant-a", DisplayName = "A" });
        await admin.CreateTenantAsync(new CreateTenantRequest { TenantId = "tenant-b", DisplayName = "B" });
        _keyA = (await admin.IssueApiKeyAsync(new IssueApiKeyRequest { TenantId = "tenant-a", Role = ApiKeyRole.Screening })).Secret;
        _keyB = (await admin.IssueApiKeyAsync(new IssueApiKeyRequest { TenantId = "tenant-b", Role = ApiKeyRole.TenantAdmin })).Secret;

        // Screen is not wired to the audit log yet: write through the host's own writer, as Screen will.
        var log = _host.Host.Services.GetRequiredService<IAuditLog>();
        var now = TimeProvider.System.GetUtcNow();
        for (var i = 0; i < 7; i++)
        {
            _recordsA.Add(await log.AppendAsync(AuditRecords.For("tenant-a", now.AddSeconds(i - 60), i == 3 ? AuditRecord.PotentialMatch : AuditRecord.Clear, $"a-{i % 2}"), CancellationToken.None));
        }

        _recordsB.Add(await log.AppendAsync(AuditRecords.For("tenant-b", now, AuditRecord.PotentialMatch, "b-0"), CancellationToken.None));
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private AuditService.AuditServiceClient Client(string? key) => new(_host.Channel(key));

    [Fact]
    public async Task GetScreening_OwnRecord_ReturnsItWithChainPosition()
    {
        var wanted = _recordsA[3];

        var record = await Client(_keyA).GetScreeningAsync(new GetScreeningRequest { ScreeningId = wanted.ScreeningId });

        Assert.Equal("tenant-a", record.TenantId);
        Assert.Equal(Decision.PotentialMatch, record.Decision);
        Assert.Equal("a-1", record.ClientReference);
        Assert.Equal(4, record.Sequence);
        Assert.Equal(wanted.Hash, record.Hash);
        Assert.Equal(_recordsA[2].Hash, record.PreviousHash);
        Assert.Equal(["UN/consolidated", "KZ/terrorist-organisations"], record.ListVersions.Select(v => v.ListId));
        Assert.Equal([3L, 5L], record.ListVersions.Select(v => v.Version));
        Assert.Contains("Taliban", record.RequestJson, StringComparison.Ordinal);
        Assert.Contains("DECISION_POTENTIAL_MATCH", record.ResponseJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TenantKey_NamingAnotherTenant_IsPermissionDenied()
    {
        var clientA = Client(_keyA);

        var get = await Assert.ThrowsAsync<RpcException>(async () =>
            await clientA.GetScreeningAsync(new GetScreeningRequest { TenantId = "tenant-b", ScreeningId = _recordsB[0].ScreeningId }));
        var query = await Assert.ThrowsAsync<RpcException>(async () => await clientA.QueryScreeningsAsync(new QueryScreeningsRequest { TenantId = "tenant-b" }));
        var verify = await Assert.ThrowsAsync<RpcException>(async () => await clientA.VerifyAuditChainAsync(new VerifyAuditChainRequest { TenantId = "tenant-b" }));

        Assert.Equal(StatusCode.PermissionDenied, get.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, query.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, verify.StatusCode);
    }

    [Fact]
    public async Task TenantKey_AnotherTenantsScreeningId_IsNotFound()
    {
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await Client(_keyA).GetScreeningAsync(new GetScreeningRequest { ScreeningId = _recordsB[0].ScreeningId }));

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task QueryScreenings_OwnTenant_SeesOnlyOwnRecordsPaged()
    {
        var client = Client(_keyA);

        var first = await client.QueryScreeningsAsync(new QueryScreeningsRequest { PageSize = 4 });
        var second = await client.QueryScreeningsAsync(new QueryScreeningsRequest { PageSize = 4, PageToken = first.NextPageToken });

        Assert.Equal([7L, 6, 5, 4], first.Screenings.Select(s => s.Sequence));
        Assert.Equal([3L, 2, 1], second.Screenings.Select(s => s.Sequence));
        Assert.Equal(string.Empty, second.NextPageToken);
        Assert.DoesNotContain(first.Screenings.Concat(second.Screenings), s => s.ScreeningId == _recordsB[0].ScreeningId);
    }

    [Fact]
    public async Task QueryScreenings_Filters_Apply()
    {
        var client = Client(_keyA);
        var now = TimeProvider.System.GetUtcNow();

        var matches = await client.QueryScreeningsAsync(new QueryScreeningsRequest { Decision = Decision.PotentialMatch });
        var byReference = await client.QueryScreeningsAsync(new QueryScreeningsRequest { ClientReference = "a-0" });
        var future = await client.QueryScreeningsAsync(new QueryScreeningsRequest { From = Timestamp.FromDateTimeOffset(now.AddMinutes(5)) });
        var window = await client.QueryScreeningsAsync(new QueryScreeningsRequest
        {
            From = Timestamp.FromDateTimeOffset(now.AddHours(-1)),
            To = Timestamp.FromDateTimeOffset(now.AddMinutes(5)),
        });

        Assert.Equal(_recordsA[3].ScreeningId, Assert.Single(matches.Screenings).ScreeningId);
        Assert.Equal([7L, 5, 3, 1], byReference.Screenings.Select(s => s.Sequence));
        Assert.Empty(future.Screenings);
        Assert.Equal(7, window.Screenings.Count);
    }

    [Fact]
    public async Task QueryScreenings_BadArguments_AreInvalidArgument()
    {
        var client = Client(_keyA);

        var token = await Assert.ThrowsAsync<RpcException>(async () => await client.QueryScreeningsAsync(new QueryScreeningsRequest { PageToken = "garbage" }));
        var size = await Assert.ThrowsAsync<RpcException>(async () => await client.QueryScreeningsAsync(new QueryScreeningsRequest { PageSize = 5000 }));

        Assert.Equal(StatusCode.InvalidArgument, token.StatusCode);
        Assert.StartsWith("page_token", token.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(StatusCode.InvalidArgument, size.StatusCode);
    }

    [Fact]
    public async Task VerifyAuditChain_OwnTenant_IsIntact()
    {
        var report = await Client(_keyB).VerifyAuditChainAsync(new VerifyAuditChainRequest { TenantId = "tenant-b" });

        Assert.True(report.Intact);
        Assert.Equal(1, report.RecordsChecked);
        Assert.Equal(_recordsB[0].Hash, report.HeadHash);
        Assert.Null(report.FirstBreak);
    }

    [Fact]
    public async Task VerifyAuditChain_AfterTamperingInSql_ReportsFirstBrokenLink()
    {
        await using (var db = new AuditDatabaseSupport(_host.ConnectionString))
        {
            await db.ExecuteAsync("UPDATE audit_screening SET decision = 'CLEAR' WHERE tenant_id = 'tenant-a' AND seq = 4");
        }

        var report = await Client(TestHost.OperatorKey).VerifyAuditChainAsync(new VerifyAuditChainRequest { TenantId = "tenant-a" });

        Assert.False(report.Intact);
        Assert.Equal(4, report.FirstBreak.Sequence);
        Assert.Equal(_recordsA[3].ScreeningId, report.FirstBreak.ScreeningId);
        Assert.Contains("altered", report.FirstBreak.Reason, StringComparison.Ordinal);
        Assert.Equal(3, report.RecordsChecked);
    }

    [Fact]
    public async Task Operator_MustNameTheTenant_AndMayReadAny()
    {
        var op = Client(TestHost.OperatorKey);

        var unnamed = await Assert.ThrowsAsync<RpcException>(async () => await op.QueryScreeningsAsync(new QueryScreeningsRequest()));
        var b = await op.GetScreeningAsync(new GetScreeningRequest { TenantId = "tenant-b", ScreeningId = _recordsB[0].ScreeningId });
        var a = await op.QueryScreeningsAsync(new QueryScreeningsRequest { TenantId = "tenant-a" });

        Assert.Equal(StatusCode.InvalidArgument, unnamed.StatusCode);
        Assert.StartsWith("tenant_id", unnamed.Status.Detail, StringComparison.Ordinal);
        Assert.Equal("tenant-b", b.TenantId);
        Assert.Equal(7, a.Screenings.Count);
    }

    [Fact]
    public async Task AuditService_WithoutKey_IsUnauthenticated()
    {
        var error = await Assert.ThrowsAsync<RpcException>(async () => await Client(null).VerifyAuditChainAsync(new VerifyAuditChainRequest()));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }
}
