using Orleans.Concurrency;
using System.Collections.Immutable;

namespace Screening.Grains.Abstractions.Monitoring;

/// <summary>
/// A tenant's monitoring (key <see cref="MonitoringKeys.Tenant"/>): registers the tenant for monitoring, brings
/// its alerts up to date with every subscribed list (screening only the change after its cursor per list), and
/// serves and decides its alerts. Reads and decisions interleave with a running catch-up (they touch only
/// the database), so a long re-screen never blocks an analyst. Customers live in <see cref="IMonitoringShardGrain"/>s.
/// </summary>
[Alias("screening.IMonitoringGrain")]
public interface IMonitoringGrain : IGrainWithStringKey
{
    /// <summary>Registers the tenant for monitoring (idempotent) and returns its shard count; NOT_FOUND for an unknown tenant.</summary>
    [Alias("Register")]
    Task<int> Register();

    /// <summary>
    /// Screens every subscribed list's versions after the tenant's cursor and advances each cursor once that
    /// change's alerts are committed. Safe to repeat: a failure midway leaves the cursor where it was, and the
    /// next run re-screens the same change without duplicating alerts. Returns the number of versions processed.
    /// </summary>
    [Alias("CatchUp")]
    Task<int> CatchUp();

    /// <summary>The tenant's cursors: list id → last version fully screened.</summary>
    [Alias("Cursors"), AlwaysInterleave]
    Task<ImmutableDictionary<string, int>> Cursors();

    /// <summary>One alert; NOT_FOUND if the tenant has no such alert.</summary>
    [Alias("GetAlert"), AlwaysInterleave]
    Task<MonitoringAlert> GetAlert(long alertId);

    /// <summary>A page of alerts, oldest first.</summary>
    [Alias("ListAlerts"), AlwaysInterleave]
    Task<AlertPage> ListAlerts(AlertState? state, string? customerId, long afterAlertId, int pageSize);

    /// <summary>Decides an alert; FALSE_POSITIVE adds an allow-list entry for the designation and customer.</summary>
    [Alias("DecideAlert"), AlwaysInterleave]
    Task<MonitoringAlert> DecideAlert(long alertId, AlertDecision decision, string note);
}
