using System.Collections.Immutable;

namespace Screening.Grains.Abstractions.Tenants;

/// <summary>A tenant's subscription to a jurisdiction: all its lists, or the listed ones.</summary>
[GenerateSerializer, Immutable, Alias("screening.TenantSubscription")]
public sealed record TenantSubscription(
    [property: Id(0)] string Jurisdiction,
    [property: Id(1)] ImmutableArray<string> ListIds);
