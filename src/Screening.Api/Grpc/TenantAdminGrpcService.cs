using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Screening.Api.Security;
using Screening.Contracts.V1;
using Screening.Grains.Abstractions;
using Screening.Grains.Abstractions.Errors;
using Screening.Grains.Abstractions.Tenants;
using DomainRole = Screening.Grains.Abstractions.Tenants.ApiKeyRole;

namespace Screening.Api.Grpc;

/// <summary>gRPC <c>TenantAdminService</c>: checks the caller, then delegates to the tenant's grain.</summary>
public sealed class TenantAdminGrpcService(IGrainFactory grains) : TenantAdminService.TenantAdminServiceBase
{
    public override async Task<Tenant> CreateTenant(CreateTenantRequest request, ServerCallContext context)
    {
        CallerIdentity.Of(context).RequireOperator();
        var id = RequireId(request.TenantId);
        var config = await Grain(id).Create(request.DisplayName, request.Subscriptions.ToDomain(), request.Threshold);
        return config.ToContract();
    }

    public override async Task<Tenant> GetTenant(GetTenantRequest request, ServerCallContext context)
    {
        var id = Authorize(request.TenantId, context, DomainRole.TenantAdmin);
        var config = await Grain(id).Get() ?? throw PlatformException.NotFound("tenant", id);
        return config.ToContract();
    }

    public override async Task<Tenant> SetSubscriptions(SetSubscriptionsRequest request, ServerCallContext context)
    {
        var id = Authorize(request.TenantId, context, DomainRole.TenantAdmin);
        return (await Grain(id).SetSubscriptions(request.Subscriptions.ToDomain())).ToContract();
    }

    public override async Task<Tenant> SetThreshold(SetThresholdRequest request, ServerCallContext context)
    {
        var id = Authorize(request.TenantId, context, DomainRole.TenantAdmin);
        return (await Grain(id).SetThreshold(request.Threshold)).ToContract();
    }

    public override async Task<Tenant> AddAllowListEntry(AddAllowListEntryRequest request, ServerCallContext context)
    {
        var id = Authorize(request.TenantId, context, DomainRole.TenantAdmin);
        var entry = request.Entry ?? throw PlatformException.Invalid("entry", "is required");
        return (await Grain(id).AddAllowListEntry(entry.DesignationId, entry.ClientReference, entry.Note)).ToContract();
    }

    public override async Task<Tenant> RemoveAllowListEntry(RemoveAllowListEntryRequest request, ServerCallContext context)
    {
        var id = Authorize(request.TenantId, context, DomainRole.TenantAdmin);
        return (await Grain(id).RemoveAllowListEntry(request.DesignationId, request.ClientReference)).ToContract();
    }

    public override async Task<Contracts.V1.IssuedApiKey> IssueApiKey(IssueApiKeyRequest request, ServerCallContext context)
    {
        var id = Authorize(request.TenantId, context, DomainRole.TenantAdmin);
        var issued = await Grain(id).IssueApiKey(request.Role.ToDomain(), request.Label);
        return new Contracts.V1.IssuedApiKey { KeyId = issued.KeyId, Secret = issued.Secret, Role = issued.Role.ToContract() };
    }

    public override async Task<Empty> RevokeApiKey(RevokeApiKeyRequest request, ServerCallContext context)
    {
        var id = Authorize(request.TenantId, context, DomainRole.TenantAdmin);
        await Grain(id).RevokeApiKey(request.KeyId);
        return new Empty();
    }

    public override async Task<ListApiKeysResponse> ListApiKeys(ListApiKeysRequest request, ServerCallContext context)
    {
        var id = Authorize(request.TenantId, context, DomainRole.TenantAdmin);
        var keys = await Grain(id).ListApiKeys();
        var response = new ListApiKeysResponse();
        response.Keys.AddRange(keys.Select(k => new Contracts.V1.ApiKeyInfo
        {
            KeyId = k.KeyId,
            Role = k.Role.ToContract(),
            Label = k.Label,
            CreatedAt = k.CreatedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            Revoked = k.Revoked,
        }));
        return response;
    }

    private ITenantGrain Grain(string tenantId) => grains.GetGrain<ITenantGrain>(GrainKeys.Tenant(tenantId));

    private static string Authorize(string tenantId, ServerCallContext context, DomainRole role)
    {
        var id = RequireId(tenantId);
        CallerIdentity.Of(context).RequireTenant(id, role);
        return id;
    }

    private static string RequireId(string tenantId)
    {
        if (string.IsNullOrWhiteSpace(tenantId))
        {
            throw PlatformException.Invalid("tenant_id", "is required");
        }

        return tenantId.Trim();
    }
}
