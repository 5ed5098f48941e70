namespace Screening.Grains.Abstractions.Tenants;

/// <summary>A newly issued key; <see cref="Secret"/> is the bearer token and is never shown again.</summary>
[GenerateSerializer, Immutable, Alias("screening.IssuedApiKey")]
public sealed record IssuedApiKey(
    [property: Id(0)] string KeyId,
    [property: Id(1)] string Secret,
    [property: Id(2)] ApiKeyRole Role);
