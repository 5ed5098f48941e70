using System.Collections.Immutable;

namespace Screening.Grains.Abstractions.Monitoring;

/// <summary>
/// One shard of a tenant's monitored customers (key <see cref="MonitoringKeys.Shard"/>): owns the shard's rows in
/// <c>monitoring_customers</c> and holds a reverse matching index over them, built from those rows on activation.
/// </summary>
[Alias("screening.IMonitoringShardGrain")]
public interface IMonitoringShardGrain : IGrainWithStringKey
{
    /// <summary>Stores the customers (existing ids are updated in place), re-indexes them and screens them against the lists in force today.</summary>
    [Alias("Upsert")]
    Task<int> Upsert(ImmutableArray<MonitoredCustomer> customers);

    /// <summary>Removes customers; returns how many were monitored.</summary>
    [Alias("Remove")]
    Task<int> Remove(ImmutableArray<string> customerIds);

    /// <summary>
    /// Screens designations against this shard's customers and opens an alert per new potential match (idempotent:
    /// an existing alert for the pair is kept). Returns the number of potential matches found.
    /// </summary>
    [Alias("Screen")]
    Task<int> Screen(ImmutableArray<MonitoredDesignation> designations, double threshold);

    /// <summary>How many customers this shard holds.</summary>
    [Alias("Count")]
    Task<int> Count();
}
