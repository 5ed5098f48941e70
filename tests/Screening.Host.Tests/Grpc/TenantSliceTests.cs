using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Health.V1;
using HealthApi = Grpc.Health.V1.Health;
using Screening.Contracts.V1;
using Screening.Host.Tests.Infrastructure;

namespace Screening.Host.Tests.Grpc;

/// <summary>The first vertical slice: gRPC → grain → PostgreSQL → restart → state still there.</summary>
[Collection(PostgresCollection.Name)]
public sealed class TenantSliceTests(PostgresFixture postgres) : IAsyncLifetime
{
    private TestHost _host = null!;

    public async Task InitializeAsync() => _host = await TestHost.StartAsync(postgres);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private TenantAdminService.TenantAdminServiceClient Admin(string? key = TestHost.OperatorKey) => new(_host.Channel(key));

    [Fact]
    public async Task Ping_WithOperatorKey_Answers()
    {
        var client = new ScreeningService.ScreeningServiceClient(_host.Channel(TestHost.OperatorKey));

        var reply = await client.PingAsync(new Empty());

        Assert.NotNull(reply);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("sk_0123456789abcdef_not-a-real-key")]
    [InlineData("wrong-operator-key-0123456789")]
    public async Task Ping_WithoutValidKey_IsUnauthenticated(string? key)
    {
        var client = new ScreeningService.ScreeningServiceClient(_host.Channel(key));

        var error = await Assert.ThrowsAsync<RpcException>(async () => await client.PingAsync(new Empty()));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    [Fact]
    public async Task CreateTenant_ThenRestart_GetTenantReturnsIt()
    {
        await Admin().CreateTenantAsync(new CreateTenantRequest
        {
            TenantId = "almaty-bank",
            DisplayName = "Almaty Bank",
            Threshold = 0.9,
            Subscriptions = { new Subscription { Jurisdiction = "kz" }, new Subscription { Jurisdiction = "UN" } },
        });

        await _host.RestartAsync();
        var tenant = await Admin().GetTenantAsync(new GetTenantRequest { TenantId = "almaty-bank" });

        Assert.Equal("Almaty Bank", tenant.DisplayName);
        Assert.Equal(0.9, tenant.Threshold);
        Assert.Equal(["KZ", "UN"], tenant.Subscriptions.Select(s => s.Jurisdiction));
    }

    [Fact]
    public async Task CreateTenant_Twice_IsAlreadyExists()
    {
        await Admin().CreateTenantAsync(new CreateTenantRequest { TenantId = "twice", DisplayName = "Twice" });

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await Admin().CreateTenantAsync(new CreateTenantRequest { TenantId = "twice", DisplayName = "Twice" }));

        Assert.Equal(StatusCode.AlreadyExists, error.StatusCode);
    }

    [Theory]
    [InlineData("", "tenant_id")]
    [InlineData("UPPER", "tenant_id")]
    [InlineData("ok-id", "display_name")]
    public async Task CreateTenant_InvalidField_IsInvalidArgumentNamingIt(string id, string field)
    {
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await Admin().CreateTenantAsync(new CreateTenantRequest { TenantId = id, DisplayName = field == "display_name" ? string.Empty : "x" }));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith(field, error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetTenant_Unknown_IsNotFound()
    {
        var error = await Assert.ThrowsAsync<RpcException>(async () => await Admin().GetTenantAsync(new GetTenantRequest { TenantId = "nobody" }));

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task TenantKeys_AgainstAnotherTenant_ArePermissionDenied()
    {
        await Admin().CreateTenantAsync(new CreateTenantRequest { TenantId = "tenant-a", DisplayName = "A" });
        await Admin().CreateTenantAsync(new CreateTenantRequest { TenantId = "tenant-b", DisplayName = "B" });
        var keyA = await Admin().IssueApiKeyAsync(new IssueApiKeyRequest { TenantId = "tenant-a", Role = ApiKeyRole.TenantAdmin, Label = "a admin" });
        var adminA = Admin(keyA.Secret);

        var own = await adminA.GetTenantAsync(new GetTenantRequest { TenantId = "tenant-a" });
        var other = await Assert.ThrowsAsync<RpcException>(async () => await adminA.GetTenantAsync(new GetTenantRequest { TenantId = "tenant-b" }));
        var create = await Assert.ThrowsAsync<RpcException>(async () => await adminA.CreateTenantAsync(new CreateTenantRequest { TenantId = "tenant-c", DisplayName = "C" }));

        Assert.Equal("tenant-a", own.TenantId);
        Assert.Equal(StatusCode.PermissionDenied, other.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, create.StatusCode);
    }

    [Fact]
    public async Task ScreeningKey_OnTenantAdministration_IsPermissionDenied()
    {
        await Admin().CreateTenantAsync(new CreateTenantRequest { TenantId = "screen-only", DisplayName = "S" });
        var key = await Admin().IssueApiKeyAsync(new IssueApiKeyRequest { TenantId = "screen-only", Role = ApiKeyRole.Screening });

        var ping = await new ScreeningService.ScreeningServiceClient(_host.Channel(key.Secret)).PingAsync(new Empty());
        var error = await Assert.ThrowsAsync<RpcException>(async () => await Admin(key.Secret).GetTenantAsync(new GetTenantRequest { TenantId = "screen-only" }));

        Assert.NotNull(ping);
        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }

    [Fact]
    public async Task RevokeApiKey_KeyStopsWorking()
    {
        await Admin().CreateTenantAsync(new CreateTenantRequest { TenantId = "revoker", DisplayName = "R" });
        var key = await Admin().IssueApiKeyAsync(new IssueApiKeyRequest { TenantId = "revoker", Role = ApiKeyRole.Screening });
        var client = new ScreeningService.ScreeningServiceClient(_host.Channel(key.Secret));
        await client.PingAsync(new Empty());

        await Admin().RevokeApiKeyAsync(new RevokeApiKeyRequest { TenantId = "revoker", KeyId = key.KeyId });

        // The silo caches resolutions for Security:KeyCacheDuration (200 ms here): wait for that condition, bounded.
        StatusCode? status = null;
        for (var i = 0; i < 100 && status is null; i++)
        {
            try
            {
                await client.PingAsync(new Empty());
                await Task.Delay(50);
            }
            catch (RpcException e)
            {
                status = e.StatusCode;
            }
        }

        Assert.Equal(StatusCode.Unauthenticated, status);
        var keys = await Admin().ListApiKeysAsync(new ListApiKeysRequest { TenantId = "revoker" });
        Assert.True(Assert.Single(keys.Keys).Revoked);
    }

    [Fact]
    public async Task HealthEndpoints_WhenStarted_AreHealthy()
    {
        using var http = new HttpClient { BaseAddress = _host.HttpAddress };
        var health = new HealthApi.HealthClient(_host.Channel(null));

        var live = await http.GetAsync(new Uri("/healthz", UriKind.Relative));
        var ready = await http.GetAsync(new Uri("/readyz", UriKind.Relative));
        var grpcHealth = await health.CheckAsync(new HealthCheckRequest());

        Assert.Equal(System.Net.HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, grpcHealth.Status);
    }
}
