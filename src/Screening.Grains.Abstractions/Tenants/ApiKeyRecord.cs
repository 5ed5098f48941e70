namespace Screening.Grains.Abstractions.Tenants;

/// <summary>What an API key resolves to: its tenant, role and the hash of its secret.</summary>
[GenerateSerializer, Immutable, Alias("screening.ApiKeyRecord")]
public sealed record ApiKeyRecord(
    [property: Id(0)] string KeyId,
    [property: Id(1)] string TenantId,
    [property: Id(2)] ApiKeyRole Role,
    [property: Id(3)] string SecretHash,
    [property: Id(4)] bool Revoked);
