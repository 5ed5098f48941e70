using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Screening.Api.Security;

/// <summary>Per-tenant token buckets on this silo (configuration section <c>RateLimit</c>).</summary>
public sealed class TenantRateLimiter(IOptions<RateLimitOptions> options) : IDisposable
{
    private readonly ConcurrentDictionary<string, TokenBucketRateLimiter> _buckets = new(StringComparer.Ordinal);

    /// <summary>Takes one permit for a call of <paramref name="tenantId"/>; false when the tenant is over its rate.</summary>
    public bool TryAcquire(string tenantId)
    {
        var o = options.Value;
        if (o.RequestsPerSecond <= 0)
        {
            return true;
        }

        var bucket = _buckets.GetOrAdd(tenantId, _ => new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, o.Burst),
            TokensPerPeriod = o.RequestsPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
        using var lease = bucket.AttemptAcquire();
        return lease.IsAcquired;
    }

    public void Dispose()
    {
        foreach (var bucket in _buckets.Values)
        {
            bucket.Dispose();
        }
    }
}
