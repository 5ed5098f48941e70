using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Screening.Grains.Abstractions;
using Screening.Grains.Abstractions.Monitoring;

namespace Screening.Grains.Monitoring;

/// <summary>
/// <inheritdoc cref="IMonitoringDispatcherGrain"/> Keeps its own registry of monitored tenants (table
/// <c>monitoring_tenants</c>) so that it needs no list of all tenants. Changes are held in memory only: a change
/// lost with this activation is caught up by the periodic catch-up (every <see cref="MonitoringOptions.CatchUpInterval"/>),
/// because each tenant's cursor, not this grain, records what has been screened. Reminders would need the reminder
/// package in this project; instead every silo pings this grain when it starts (<see cref="MonitoringStartup"/>) and
/// its timers keep it active.
/// </summary>
public sealed class MonitoringDispatcherGrain(
    MonitoringStore store,
    IOptions<MonitoringOptions> options,
    TimeProvider time,
    ILogger<MonitoringDispatcherGrain> logger) : Grain, IMonitoringDispatcherGrain
{
    private readonly HashSet<string> _changedJurisdictions = new(StringComparer.Ordinal);
    private readonly HashSet<string> _retry = new(StringComparer.Ordinal);
    private bool _all;
    private long _nextRetry;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // KeepAlive: the dispatcher stays active so that its periodic catch-up keeps running.
        this.RegisterGrainTimer(TickAsync, new GrainTimerCreationOptions(options.Value.DispatchDelay, options.Value.DispatchDelay) { Interleave = false, KeepAlive = true });
        this.RegisterGrainTimer(
            _ =>
            {
                _all = true;
                return Task.CompletedTask;
            },
            new GrainTimerCreationOptions(options.Value.CatchUpInterval, options.Value.CatchUpInterval) { Interleave = true, KeepAlive = true });
        return Task.CompletedTask;
    }

    public Task ListChanged(string listId, int version)
    {
        var slash = listId.IndexOf('/', StringComparison.Ordinal);
        _changedJurisdictions.Add(slash > 0 ? listId[..slash] : listId);
        return Task.CompletedTask;
    }

    public Task EnsureRunning() => Task.CompletedTask; // activation starts the timers

    private async Task TickAsync(CancellationToken ct)
    {
        var retryDue = _retry.Count > 0 && time.GetTimestamp() >= _nextRetry;
        if (_changedJurisdictions.Count == 0 && !_all && !retryDue)
        {
            return;
        }

        var jurisdictions = _changedJurisdictions.ToHashSet(StringComparer.Ordinal);
        var all = _all;
        _changedJurisdictions.Clear();
        _all = false;
        var targets = retryDue ? _retry.ToHashSet(StringComparer.Ordinal) : new HashSet<string>(StringComparer.Ordinal);
        _retry.ExceptWith(targets);
        try
        {
            foreach (var tenantId in await store.MonitoredTenantsAsync(ct))
            {
                if (all)
                {
                    targets.Add(tenantId);
                    continue;
                }

                var config = await GrainFactory.GetGrain<Abstractions.Tenants.ITenantGrain>(GrainKeys.Tenant(tenantId)).Get();
                if (config is not null && config.Subscriptions.Any(s => jurisdictions.Contains(s.Jurisdiction)))
                {
                    targets.Add(tenantId);
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            MonitoringLog.DispatchFailed(logger, e);
            _changedJurisdictions.UnionWith(jurisdictions);
            _all |= all;
            _retry.UnionWith(targets);
            _nextRetry = time.GetTimestamp() + (long)(options.Value.RetryInterval.TotalSeconds * time.TimestampFrequency);
            return;
        }

        await Task.WhenAll(targets.Select(async tenantId =>
        {
            try
            {
                await GrainFactory.GetGrain<IMonitoringGrain>(MonitoringKeys.Tenant(tenantId)).CatchUp();
            }
            catch (Exception e)
            {
                MonitoringLog.CatchUpFailed(logger, tenantId, e);
                _retry.Add(tenantId);
                _nextRetry = time.GetTimestamp() + (long)(options.Value.RetryInterval.TotalSeconds * time.TimestampFrequency);
            }
        }));
    }
}
