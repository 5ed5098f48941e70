using Orleans.Concurrency;

namespace Screening.Grains.Abstractions.Monitoring;

/// <summary>
/// Tells monitored tenants about list changes (key 0). <see cref="ListChanged"/> only records the change and returns;
/// a grain timer asks each monitoring tenant to catch up in the background, and a periodic catch-up of every
/// monitored tenant repairs lost notifications.
/// </summary>
[Alias("screening.IMonitoringDispatcherGrain")]
public interface IMonitoringDispatcherGrain : IGrainWithIntegerKey
{
    /// <summary>Records that a list has a new committed version; processing happens in the background.</summary>
    [Alias("ListChanged"), OneWay, AlwaysInterleave]
    Task ListChanged(string listId, int version);

    /// <summary>Activates the dispatcher, which starts its timers (called at silo start and when a tenant starts monitoring).</summary>
    [Alias("EnsureRunning"), AlwaysInterleave]
    Task EnsureRunning();
}
