using System.Collections.Immutable;
using System.Globalization;
using Google.Protobuf.Collections;
using Domain = Screening.Grains.Abstractions.Tenants;
using V1 = Screening.Contracts.V1;

namespace Screening.Api.Grpc;

/// <summary>Maps tenant types between the wire contract and the grains.</summary>
internal static class TenantMapping
{
    public static V1.Tenant ToContract(this Domain.TenantConfig c)
    {
        var t = new V1.Tenant
        {
            TenantId = c.TenantId,
            DisplayName = c.DisplayName,
            Threshold = c.Threshold,
            CreatedAt = c.CreatedAt.ToString("O", CultureInfo.InvariantCulture),
        };
        t.Subscriptions.AddRange(c.Subscriptions.Select(s => new V1.Subscription { Jurisdiction = s.Jurisdiction, ListIds = { s.ListIds } }));
        t.AllowList.AddRange(c.AllowList.Select(e => new V1.AllowListEntry { DesignationId = e.DesignationId, ClientReference = e.ClientReference ?? string.Empty, Note = e.Note }));
        return t;
    }

    public static ImmutableArray<Domain.TenantSubscription> ToDomain(this RepeatedField<V1.Subscription> subscriptions) =>
        [.. subscriptions.Select(s => new Domain.TenantSubscription(s.Jurisdiction, [.. s.ListIds]))];

    public static V1.ApiKeyRole ToContract(this Domain.ApiKeyRole role) => role switch
    {
        Domain.ApiKeyRole.Screening => V1.ApiKeyRole.Screening,
        Domain.ApiKeyRole.TenantAdmin => V1.ApiKeyRole.TenantAdmin,
        _ => V1.ApiKeyRole.Unspecified,
    };

    public static Domain.ApiKeyRole ToDomain(this V1.ApiKeyRole role) => role switch
    {
        V1.ApiKeyRole.Screening => Domain.ApiKeyRole.Screening,
        V1.ApiKeyRole.TenantAdmin => Domain.ApiKeyRole.TenantAdmin,
        _ => throw Grains.Abstractions.Errors.PlatformException.Invalid("role", "must be API_KEY_ROLE_SCREENING or API_KEY_ROLE_TENANT_ADMIN"),
    };
}
