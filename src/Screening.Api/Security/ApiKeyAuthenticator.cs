using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Screening.Grains.Abstractions;
using Screening.Grains.Abstractions.Tenants;

namespace Screening.Api.Security;

/// <summary>
/// Resolves bearer keys to callers. The operator key is compared with configuration; tenant keys are looked up in
/// their grain once and then cached on this silo for <see cref="SecurityOptions.KeyCacheDuration"/>, so a request
/// costs no grain call or database round trip while a revocation still takes effect within that time.
/// </summary>
public sealed class ApiKeyAuthenticator(IGrainFactory grains, IOptions<SecurityOptions> options, TimeProvider time)
{
    private const int MaxCachedKeys = 100_000;
    private readonly ConcurrentDictionary<string, CacheEntry> _cache = new(StringComparer.Ordinal);
    private readonly byte[]? _operatorHash = options.Value.OperatorKey is { Length: > 0 } k ? SHA256.HashData(Encoding.UTF8.GetBytes(k)) : null;

    /// <summary>The caller for a bearer secret, or null if the key is unknown, malformed or revoked.</summary>
    public async ValueTask<CallerIdentity?> AuthenticateAsync(string secret)
    {
        if (_operatorHash is not null && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(secret)), _operatorHash))
        {
            return CallerIdentity.Operator;
        }

        var keyId = ApiKeySecrets.KeyIdOf(secret);
        if (keyId is null)
        {
            return null;
        }

        var now = time.GetTimestamp();
        if (!_cache.TryGetValue(keyId, out var entry) || time.GetElapsedTime(entry.FetchedAt, now) > options.Value.KeyCacheDuration)
        {
            var record = await grains.GetGrain<IApiKeyGrain>(GrainKeys.ApiKey(keyId)).Resolve();
            entry = new CacheEntry(record, now);
            if (_cache.Count >= MaxCachedKeys)
            {
                _cache.Clear(); // bounded: a flood of made-up key ids must not grow memory
            }

            _cache[keyId] = entry;
        }

        return entry.Record is { Revoked: false } r && ApiKeySecrets.Matches(secret, r.SecretHash)
            ? new CallerIdentity(r.TenantId, r.Role, r.KeyId)
            : null;
    }

    private sealed record CacheEntry(ApiKeyRecord? Record, long FetchedAt);
}
