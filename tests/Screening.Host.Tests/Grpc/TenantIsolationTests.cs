using Grpc.Core;
using Screening.Contracts.V1;
using Screening.Host.Tests.Infrastructure;

namespace Screening.Host.Tests.Grpc;

/// <summary>Every tenant-scoped rpc, called with tenant A's admin key on tenant B's data, is PERMISSION_DENIED and changes nothing.</summary>
[Collection(PostgresCollection.Name)]
public sealed class TenantIsolationTests(PostgresFixture postgres) : IAsyncLifetime
{
    private TestHost _host = null!;
    private TenantAdminService.TenantAdminServiceClient _asA = null!;
    private TenantAdminService.TenantAdminServiceClient _operator = null!;
    private string _keyOfB = string.Empty;

    public async Task InitializeAsync()
    {
        _host = await TestHost.StartAsync(postgres);
        _operator = new TenantAdminService.TenantAdminServiceClient(_host.Channel(TestHost.OperatorKey));
        await _operator.CreateTenantAsync(new CreateTenantRequest { TenantId = "tenant-a", DisplayName = "A" });
        await _operator.CreateTenantAsync(new CreateTenantRequest { TenantId = "tenant-b", DisplayName = "B", Threshold = 0.9 });
        _keyOfB = (await _operator.IssueApiKeyAsync(new IssueApiKeyRequest { TenantId = "tenant-b", Role = ApiKeyRole.Screening })).KeyId;
        var keyA = await _operator.IssueApiKeyAsync(new IssueApiKeyRequest { TenantId = "tenant-a", Role = ApiKeyRole.TenantAdmin });
        _asA = new TenantAdminService.TenantAdminServiceClient(_host.Channel(keyA.Secret));
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    public static TheoryData<string> Rpcs => new()
    {
        "GetTenant", "SetSubscriptions", "SetThreshold", "AddAllowListEntry", "RemoveAllowListEntry", "IssueApiKey", "RevokeApiKey", "ListApiKeys",
    };

    [Theory]
    [MemberData(nameof(Rpcs))]
    public async Task TenantAdminRpc_WithAnotherTenantsKey_IsPermissionDeniedAndChangesNothing(string rpc)
    {
        Func<Task> call = rpc switch
        {
            "GetTenant" => async () => await _asA.GetTenantAsync(new GetTenantRequest { TenantId = "tenant-b" }),
            "SetSubscriptions" => async () => await _asA.SetSubscriptionsAsync(new SetSubscriptionsRequest { TenantId = "tenant-b", Subscriptions = { new Subscription { Jurisdiction = "KZ" } } }),
            "SetThreshold" => async () => await _asA.SetThresholdAsync(new SetThresholdRequest { TenantId = "tenant-b", Threshold = 0.5 }),
            "AddAllowListEntry" => async () => await _asA.AddAllowListEntryAsync(new AddAllowListEntryRequest { TenantId = "tenant-b", Entry = new AllowListEntry { DesignationId = "UN/consolidated/TAi.004" } }),
            "RemoveAllowListEntry" => async () => await _asA.RemoveAllowListEntryAsync(new RemoveAllowListEntryRequest { TenantId = "tenant-b", DesignationId = "UN/consolidated/TAi.004" }),
            "IssueApiKey" => async () => await _asA.IssueApiKeyAsync(new IssueApiKeyRequest { TenantId = "tenant-b", Role = ApiKeyRole.TenantAdmin }),
            "RevokeApiKey" => async () => await _asA.RevokeApiKeyAsync(new RevokeApiKeyRequest { TenantId = "tenant-b", KeyId = _keyOfB }),
            _ => async () => await _asA.ListApiKeysAsync(new ListApiKeysRequest { TenantId = "tenant-b" }),
        };

        var error = await Assert.ThrowsAsync<RpcException>(call);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        var b = await _operator.GetTenantAsync(new GetTenantRequest { TenantId = "tenant-b" });
        var keys = await _operator.ListApiKeysAsync(new ListApiKeysRequest { TenantId = "tenant-b" });
        Assert.Empty(b.Subscriptions);
        Assert.Equal(0.9, b.Threshold);
        Assert.Empty(b.AllowList);
        Assert.False(Assert.Single(keys.Keys).Revoked);
    }
}
