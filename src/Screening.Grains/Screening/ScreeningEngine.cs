using System.Collections.Immutable;
using Screening.Grains.Abstractions.Tenants;
using Screening.Grains.Indexing;
using Screening.Grains.Telemetry;
using Screening.Lists.History;
using Screening.Matching;

namespace Screening.Grains.Screening;

/// <summary>
/// The screening read path: the tenant's subscribed lists from this silo's indexes, each designation judged at the
/// as-of date from its revisions (in force → hit; delisted by then → former designation), minus the tenant's
/// allow-list. No grain call except a cached tenant lookup; thread-safe.
/// </summary>
public sealed class ScreeningEngine(ListIndexRegistry registry, TenantDirectory tenants, ScreeningResultCache cache, TimeProvider time)
{
    /// <summary>Most hits returned per list.</summary>
    public const int MaxHitsPerList = 25;

    /// <summary>Screens one subject for a tenant.</summary>
    public ValueTask<ScreeningOutcome> ScreenAsync(string tenantId, ScreeningInput input) => ScreenAsync(tenantId, input, null);

    /// <summary>
    /// As <see cref="ScreenAsync(string, ScreeningInput)"/>, with the input's query already normalised
    /// (<paramref name="prepared"/>, from the same query), as a monitored customer's names are once uploaded.
    /// </summary>
    public async ValueTask<ScreeningOutcome> ScreenAsync(string tenantId, ScreeningInput input, PreparedQuery? prepared)
    {
        using var activity = PlatformTelemetry.Source.StartActivity("screening.match");
        var started = time.GetTimestamp();
        registry.EnsureFresh();
        var tenant = await tenants.GetAsync(tenantId);
        var threshold = Math.Max(tenant.Threshold, input.MinScore);
        var knownAt = time.GetUtcNow();
        var lists = Subscribed(tenant, registry.Lists);
        var key = ScreeningResultCache.KeyOf(tenant, lists, input, threshold);
        if (cache.TryGet(key, out var cached))
        {
            PlatformTelemetry.RecordCacheLookup("result", hit: true);
            return cached;
        }

        PlatformTelemetry.RecordCacheLookup("result", hit: false);

        var hits = ImmutableArray.CreateBuilder<ScreeningHit>();
        var former = ImmutableArray.CreateBuilder<ScreeningHit>();

        // Normalised once for all the tenant's lists.
        prepared ??= PreparedQuery.Of(input.Query);
        foreach (var list in lists)
        {
            foreach (var match in list.Index.Search(prepared, threshold, MaxHitsPerList))
            {
                if (!list.Designations.TryGetValue(match.Key, out var designation) || IsAllowed(tenant, list.ListId + "/" + match.Key, input.ClientReference))
                {
                    continue;
                }

                var state = DesignationTimeline.StateAt(designation.Revisions, input.AsOf, knownAt);
                if (state is null)
                {
                    continue; // not yet designated at the as-of date
                }

                var listedBy = designation.Revisions
                    .Where(r => r.Kind is RevisionKind.Listed or RevisionKind.Relisted && r.EffectiveDate <= input.AsOf && r.RecordedAt <= knownAt)
                    .LastOrDefault();
                if (state.InForce)
                {
                    hits.Add(new ScreeningHit(list, designation, match, listedBy, null));
                }
                else
                {
                    former.Add(new ScreeningHit(list, designation, match, listedBy, state.Decisive));
                }
            }
        }

        PlatformTelemetry.MatchDuration.Record(time.GetElapsedTime(started).TotalSeconds);
        var outcome = new ScreeningOutcome(
            [.. hits.OrderByDescending(h => h.Match.Score).ThenBy(h => h.DesignationId, StringComparer.Ordinal)],
            [.. former.OrderByDescending(h => h.Match.Score).ThenBy(h => h.DesignationId, StringComparer.Ordinal)],
            ScreeningResultCache.Versions(lists),
            threshold,
            input.AsOf);
        cache.Add(key, outcome);
        return outcome;
    }

    private static List<ListIndex> Subscribed(TenantConfig tenant, ImmutableDictionary<string, ListIndex> lists)
    {
        var result = new List<ListIndex>();
        foreach (var subscription in tenant.Subscriptions)
        {
            foreach (var list in lists.Values)
            {
                if (string.Equals(list.Jurisdiction, subscription.Jurisdiction, StringComparison.Ordinal)
                    && (subscription.ListIds.IsDefaultOrEmpty || subscription.ListIds.Contains(list.ListId, StringComparer.Ordinal)))
                {
                    result.Add(list);
                }
            }
        }

        result.Sort((a, b) => string.CompareOrdinal(a.ListId, b.ListId));
        return result;
    }

    private static bool IsAllowed(TenantConfig tenant, string designationId, string clientReference)
    {
        foreach (var entry in tenant.AllowList)
        {
            if (string.Equals(entry.DesignationId, designationId, StringComparison.Ordinal)
                && (entry.ClientReference is null || string.Equals(entry.ClientReference, clientReference, StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }
}
