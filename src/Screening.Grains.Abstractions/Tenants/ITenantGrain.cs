using System.Collections.Immutable;

namespace Screening.Grains.Abstractions.Tenants;

/// <summary>
/// One tenant (key <see cref="GrainKeys.Tenant"/>): subscriptions, threshold, allow-list and API keys, persisted.
/// Operations on a tenant that does not exist fail with NOT_FOUND.
/// </summary>
[Alias("screening.ITenantGrain")]
public interface ITenantGrain : IGrainWithStringKey
{
    /// <summary>Creates the tenant; ALREADY_EXISTS if it exists.</summary>
    [Alias("Create")]
    Task<TenantConfig> Create(string displayName, ImmutableArray<TenantSubscription> subscriptions, double threshold);

    /// <summary>The configuration, or null if the tenant does not exist.</summary>
    [Alias("Get")]
    Task<TenantConfig?> Get();

    /// <summary>Replaces the subscriptions.</summary>
    [Alias("SetSubscriptions")]
    Task<TenantConfig> SetSubscriptions(ImmutableArray<TenantSubscription> subscriptions);

    /// <summary>Sets the threshold in (0, 1].</summary>
    [Alias("SetThreshold")]
    Task<TenantConfig> SetThreshold(double threshold);

    /// <summary>Adds (or replaces) an allow-list entry.</summary>
    [Alias("AddAllowListEntry")]
    Task<TenantConfig> AddAllowListEntry(string designationId, string? clientReference, string note);

    /// <summary>Removes an allow-list entry; NOT_FOUND if absent.</summary>
    [Alias("RemoveAllowListEntry")]
    Task<TenantConfig> RemoveAllowListEntry(string designationId, string? clientReference);

    /// <summary>Issues a key of the given role (screening or tenant-admin).</summary>
    [Alias("IssueApiKey")]
    Task<IssuedApiKey> IssueApiKey(ApiKeyRole role, string label);

    /// <summary>Revokes a key of this tenant; NOT_FOUND if it is not one.</summary>
    [Alias("RevokeApiKey")]
    Task RevokeApiKey(string keyId);

    /// <summary>The tenant's keys, without secrets.</summary>
    [Alias("ListApiKeys")]
    Task<ImmutableArray<ApiKeyInfo>> ListApiKeys();
}
