using Orleans.Concurrency;

namespace Screening.Grains.Abstractions.Tenants;

/// <summary>One API key (key <see cref="GrainKeys.ApiKey"/>): what it resolves to. Written only by its tenant's grain.</summary>
[Alias("screening.IApiKeyGrain")]
public interface IApiKeyGrain : IGrainWithStringKey
{
    /// <summary>Records the key.</summary>
    [Alias("Register")]
    Task Register(ApiKeyRecord record);

    /// <summary>Marks the key revoked.</summary>
    [Alias("Revoke")]
    Task Revoke();

    /// <summary>The record, or null for an unknown key.</summary>
    [Alias("Resolve")]
    [ReadOnly]
    Task<ApiKeyRecord?> Resolve();
}
