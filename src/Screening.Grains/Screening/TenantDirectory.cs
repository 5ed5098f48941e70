using System.Collections.Concurrent;
using Screening.Grains.Abstractions;
using Screening.Grains.Abstractions.Errors;
using Screening.Grains.Abstractions.Tenants;

namespace Screening.Grains.Screening;

/// <summary>
/// This silo's cache of tenant configurations for the screening path: one grain call per tenant per
/// <see cref="MaxAge"/>, so no screening waits on a tenant grain. Changes take effect within that time.
/// </summary>
public sealed class TenantDirectory(IGrainFactory grains, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, (TenantConfig? Config, long FetchedAt)> _cache = new(StringComparer.Ordinal);

    /// <summary>How long a cached configuration is used. Default 1 s.</summary>
    public TimeSpan MaxAge { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The tenant's configuration; NOT_FOUND when the tenant does not exist.</summary>
    public async ValueTask<TenantConfig> GetAsync(string tenantId)
    {
        if (!_cache.TryGetValue(tenantId, out var entry) || time.GetElapsedTime(entry.FetchedAt) > MaxAge)
        {
            entry = (await grains.GetGrain<ITenantGrain>(GrainKeys.Tenant(tenantId)).Get(), time.GetTimestamp());
            _cache[tenantId] = entry;
        }

        return entry.Config ?? throw PlatformException.NotFound("tenant", tenantId);
    }
}
