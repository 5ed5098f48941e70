namespace Screening.Grains.Monitoring;

/// <summary>Continuous monitoring settings (section <c>Monitoring</c>).</summary>
public sealed class MonitoringOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Monitoring";

    /// <summary>Shards of a tenant's customers, fixed when the tenant starts monitoring. Default 16; 1..1024.</summary>
    public int Shards { get; set; } = 16;

    /// <summary>How soon after a list change the dispatcher starts processing it. Default 100 ms.</summary>
    public TimeSpan DispatchDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How often the dispatcher's timer retries tenants that failed. Default 5 s.</summary>
    public TimeSpan RetryInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Period of the catch-up of every monitored tenant that repairs missed notifications. Default 1 minute.</summary>
    public TimeSpan CatchUpInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often WatchAlerts polls the alert table. Default 200 ms.</summary>
    public TimeSpan WatchPollInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// How long a shard waits after its last customer change before it rebuilds its reverse index in the background
    /// (off the grain's turn), so the next list change finds it built; at least three times the shard's last build
    /// takes. Default 30 s: a list change rarely follows an upload within a minute, and a bulk upload stream that
    /// pauses for a few seconds between rounds should not trigger rebuilds.
    /// </summary>
    public TimeSpan IndexRebuildDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Most customers of one designation reported per shard. Default 200.</summary>
    public int MaxMatchesPerShard { get; set; } = 200;
}
