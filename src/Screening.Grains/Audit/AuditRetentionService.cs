using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Screening.Grains.Audit;

/// <summary>
/// Background service of every silo: at start and every <see cref="AuditOptions.RetentionCheckInterval"/> it creates
/// the coming audit partitions and drops expired ones (<see cref="AuditPartitionMaintenance"/>). Silos running it at
/// the same time are serialised by an advisory lock; a failed run is logged and retried at the next interval.
/// </summary>
public sealed class AuditRetentionService(AuditPartitionMaintenance maintenance, IOptions<AuditOptions> options, TimeProvider time, ILogger<AuditRetentionService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RetentionCheckInterval, time);
        do
        {
            try
            {
                await maintenance.RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                AuditTrailLog.RetentionFailed(logger, e);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try
        {
            return await timer.WaitForNextTickAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
