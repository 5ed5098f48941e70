using System.Collections.Immutable;

namespace Screening.Grains.Abstractions.Tenants;

/// <summary>A tenant's configuration as the screening path reads it.</summary>
[GenerateSerializer, Immutable, Alias("screening.TenantConfig")]
public sealed record TenantConfig(
    [property: Id(0)] string TenantId,
    [property: Id(1)] string DisplayName,
    [property: Id(2)] ImmutableArray<TenantSubscription> Subscriptions,
    [property: Id(3)] double Threshold,
    [property: Id(4)] ImmutableArray<AllowListEntry> AllowList,
    [property: Id(5)] DateTimeOffset CreatedAt,
    [property: Id(6)] long Version);
