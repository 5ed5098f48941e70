using Microsoft.Extensions.Logging;
using Screening.Grains.Abstractions.Monitoring;

namespace Screening.Grains.Monitoring;

/// <summary>
/// When a silo becomes active it activates the monitoring dispatcher, so that a list change whose notification was
/// lost (a crash between commit and notification) is caught up after a restart even if nothing else changes.
/// </summary>
public sealed class MonitoringStartup(IGrainFactory grains, ILogger<MonitoringStartup> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(MonitoringStartup), ServiceLifecycleStage.Active, OnActiveAsync);

    private async Task OnActiveAsync(CancellationToken ct)
    {
        try
        {
            await grains.GetGrain<IMonitoringDispatcherGrain>(0).EnsureRunning();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            MonitoringLog.DispatchFailed(logger, e);
        }
    }
}
