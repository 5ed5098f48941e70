using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Screening.Grains.Abstractions;
using Screening.Grains.Abstractions.Errors;
using Screening.Grains.Abstractions.Lists;
using Screening.Grains.Abstractions.Monitoring;
using Screening.Grains.Abstractions.Tenants;
using Screening.Grains.Lists;
using Screening.Lists.History;

namespace Screening.Grains.Monitoring;

/// <summary>
/// <inheritdoc cref="IMonitoringGrain"/> Holds no Orleans grain state: the tenant's registration, cursors and alerts
/// are rows of monitoring's tables, written by this grain and its shards.
/// </summary>
public sealed class MonitoringGrain(
    MonitoringStore store,
    ListStore lists,
    IOptions<MonitoringOptions> options,
    TimeProvider time,
    ILogger<MonitoringGrain> logger) : Grain, IMonitoringGrain
{
    /// <summary>Designations sent to the shards per call.</summary>
    private const int ScreenBatchSize = 500;

    private int _shardCount;

    private string TenantId => this.GetPrimaryKeyString()["monitoring/".Length..];

    public async Task<int> Register()
    {
        _ = await TenantAsync();
        _shardCount = await store.RegisterTenantAsync(TenantId, options.Value.Shards, time.GetUtcNow(), CancellationToken.None);
        await GrainFactory.GetGrain<IMonitoringDispatcherGrain>(0).EnsureRunning();
        return _shardCount;
    }

    public async Task<int> CatchUp()
    {
        var shardCount = await ShardCountAsync();
        var tenant = await GrainFactory.GetGrain<ITenantGrain>(GrainKeys.Tenant(TenantId)).Get();
        if (shardCount == 0 || tenant is null)
        {
            return 0;
        }

        var current = await lists.CurrentVersionsAsync(CancellationToken.None);
        var cursors = await store.CursorsAsync(TenantId, CancellationToken.None);
        var processed = 0;
        foreach (var (listId, version) in current.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            var cursor = cursors.GetValueOrDefault(listId);
            if (version > cursor && Subscribes(tenant, listId))
            {
                processed += await ProcessAsync(tenant, shardCount, listId, cursor);
            }
        }

        return processed;
    }

    public async Task<ImmutableDictionary<string, int>> Cursors() => await store.CursorsAsync(TenantId, CancellationToken.None);

    public async Task<MonitoringAlert> GetAlert(long alertId) =>
        await store.GetAlertAsync(TenantId, alertId, CancellationToken.None)
        ?? throw PlatformException.NotFound("alert", alertId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public async Task<AlertPage> ListAlerts(AlertState? state, string? customerId, long afterAlertId, int pageSize)
    {
        var page = await store.ListAlertsAsync(TenantId, state, customerId, afterAlertId, pageSize + 1, CancellationToken.None);
        return page.Count > pageSize
            ? new AlertPage([.. page.Take(pageSize)], page[pageSize - 1].AlertId)
            : new AlertPage([.. page], null);
    }

    public async Task<MonitoringAlert> DecideAlert(long alertId, AlertDecision decision, string note)
    {
        var alert = await GetAlert(alertId);
        if (alert.State == AlertState.Closed)
        {
            throw new PlatformException(PlatformErrorCode.FailedPrecondition, $"alert {alertId} was closed by the platform ({alert.CloseReason}); there is nothing to decide");
        }

        // Allow-list first: if the decision's write then fails, repeating the call is harmless.
        if (decision == AlertDecision.FalsePositive)
        {
            await GrainFactory.GetGrain<ITenantGrain>(GrainKeys.Tenant(TenantId))
                .AddAllowListEntry(alert.DesignationId, alert.CustomerId, $"monitoring alert {alertId}: false positive: {note}");
        }

        return await store.DecideAsync(TenantId, alertId, decision, note, time.GetUtcNow(), CancellationToken.None)
            ?? throw PlatformException.NotFound("alert", alertId.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Screens one list's change after the cursor: per designation only its last revision in the change counts (a
    /// designation listed and delisted within it opens nothing). Monitoring answers as of today: a delisting closes
    /// alerts once it is effective; a listing effective later opens nothing yet (see docs/MONITORING.md).
    /// </summary>
    private async Task<int> ProcessAsync(TenantConfig tenant, int shardCount, string listId, int cursor)
    {
        var started = time.GetTimestamp();
        var (versions, revisions) = await lists.LoadSinceAsync(listId, cursor, CancellationToken.None);
        if (versions.Count == 0)
        {
            return 0;
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var latest = new Dictionary<string, DesignationRevision>(StringComparer.Ordinal);
        foreach (var r in revisions)
        {
            latest[r.SourceId] = r; // ordered by version and sequence
        }

        var toScreen = new List<MonitoredDesignation>();
        var toClose = new List<DesignationRevision>();
        foreach (var r in latest.Values)
        {
            if (r.Kind == RevisionKind.Delisted)
            {
                if (r.EffectiveDate <= today)
                {
                    toClose.Add(r);
                }
            }
            else if (r.Content is not null && (r.Kind == RevisionKind.Amended || r.EffectiveDate <= today))
            {
                toScreen.Add(new MonitoredDesignation(DesignationIds.Of(listId, r.SourceId), listId, r.ListVersion, JsonSerializer.Serialize(r.Content, ListJson.Options)));
            }
        }

        var matches = 0;
        for (var i = 0; i < toScreen.Count; i += ScreenBatchSize)
        {
            var batch = toScreen.Skip(i).Take(ScreenBatchSize).ToImmutableArray();
            var found = await Task.WhenAll(Enumerable.Range(0, shardCount).Select(s =>
                GrainFactory.GetGrain<IMonitoringShardGrain>(MonitoringKeys.Shard(TenantId, s)).Screen(batch, tenant.Threshold)));
            matches += found.Sum();
        }

        var closed = 0;
        var jurisdiction = listId[..listId.IndexOf('/', StringComparison.Ordinal)];
        foreach (var r in toClose)
        {
            closed += await store.CloseAlertsAsync(TenantId, DesignationIds.Of(listId, r.SourceId), r.ListVersion, CloseReason(jurisdiction, r), time.GetUtcNow(), CancellationToken.None);
        }

        // Only now, with every alert of the change committed, does the cursor move.
        await store.AdvanceCursorAsync(TenantId, listId, versions[^1].Number, time.GetUtcNow(), CancellationToken.None);
        MonitoringLog.DeltaProcessed(logger, TenantId, listId, cursor + 1, versions[^1].Number, toScreen.Count, matches, matches, closed, time.GetElapsedTime(started).TotalMilliseconds);
        return versions.Count;
    }

    /// <summary>"delisted by KZ on 2023-12-29: &lt;reason&gt; (&lt;legal basis&gt;)".</summary>
    public static string CloseReason(string jurisdiction, DesignationRevision delisting)
    {
        var text = new StringBuilder();
        text.Append("delisted by ").Append(jurisdiction).Append(" on ")
            .Append(delisting.EffectiveDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
            .Append(": ").Append(string.IsNullOrWhiteSpace(delisting.Reason) ? "no reason given" : delisting.Reason.Trim());
        if (!string.IsNullOrWhiteSpace(delisting.LegalBasis))
        {
            text.Append(" (").Append(delisting.LegalBasis.Trim()).Append(')');
        }

        return text.ToString();
    }

    private static bool Subscribes(TenantConfig tenant, string listId)
    {
        var jurisdiction = listId[..listId.IndexOf('/', StringComparison.Ordinal)];
        return tenant.Subscriptions.Any(s => string.Equals(s.Jurisdiction, jurisdiction, StringComparison.Ordinal)
            && (s.ListIds.IsDefaultOrEmpty || s.ListIds.Contains(listId, StringComparer.Ordinal)));
    }

    private async Task<TenantConfig> TenantAsync() =>
        await GrainFactory.GetGrain<ITenantGrain>(GrainKeys.Tenant(TenantId)).Get() ?? throw PlatformException.NotFound("tenant", TenantId);

    private async Task<int> ShardCountAsync()
    {
        if (_shardCount == 0)
        {
            _shardCount = await store.ShardCountAsync(TenantId, CancellationToken.None) ?? 0;
        }

        return _shardCount;
    }
}
