namespace Screening.Grains.Abstractions.Tenants;

/// <summary>A designation suppressed for a tenant, optionally for one client reference only.</summary>
[GenerateSerializer, Immutable, Alias("screening.AllowListEntry")]
public sealed record AllowListEntry(
    [property: Id(0)] string DesignationId,
    [property: Id(1)] string? ClientReference,
    [property: Id(2)] string Note,
    [property: Id(3)] DateTimeOffset AddedAt);
