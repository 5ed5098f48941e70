using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using Orleans.Runtime;
using Screening.Grains.Abstractions.Errors;
using Screening.Grains.Indexing;

namespace Screening.Host.Health;

/// <summary>
/// Ready when the local silo is active in the cluster, has confirmed its list versions within the freshness lease (so it
/// would screen rather than answer UNAVAILABLE), and the database answers.
/// </summary>
public sealed class ReadinessHealthCheck(NpgsqlDataSource database, ISiloStatusOracle silo, ListIndexRegistry lists) : IHealthCheck
{
    /// <summary>Tag of the checks that make up readiness.</summary>
    public const string Tag = "ready";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (silo.CurrentStatus != SiloStatus.Active)
        {
            return HealthCheckResult.Unhealthy($"silo is {silo.CurrentStatus}");
        }

        try
        {
            lists.EnsureFresh();
        }
        catch (PlatformException e)
        {
            return HealthCheckResult.Unhealthy("lists not confirmed within the lease: " + e.Message);
        }

        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(3));
            await using var cmd = database.CreateCommand("SELECT 1");
            await cmd.ExecuteScalarAsync(timeout.Token);
            return HealthCheckResult.Healthy("silo active, database reachable");
        }
        catch (Exception e) when (e is NpgsqlException or OperationCanceledException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("database unreachable: " + e.Message);
        }
    }
}
