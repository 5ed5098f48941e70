namespace Screening.Grains.Abstractions.Tenants;

/// <summary>An API key without its secret.</summary>
[GenerateSerializer, Immutable, Alias("screening.ApiKeyInfo")]
public sealed record ApiKeyInfo(
    [property: Id(0)] string KeyId,
    [property: Id(1)] ApiKeyRole Role,
    [property: Id(2)] string Label,
    [property: Id(3)] DateTimeOffset CreatedAt,
    [property: Id(4)] bool Revoked);
