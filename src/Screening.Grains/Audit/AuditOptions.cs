namespace Screening.Grains.Audit;

/// <summary>Audit log settings (configuration section <c>Audit</c>), validated at start-up.</summary>
public sealed class AuditOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Audit";

    /// <summary>
    /// Keep records at least this many days (1..36500; default 1825, five years). Records live in monthly partitions,
    /// and a partition is dropped once all of it is older than this, so a record is kept for up to a month longer.
    /// </summary>
    public int RetentionDays { get; set; } = 1825;

    /// <summary>
    /// How long the writer waits for more records after the first of a batch arrives, unless
    /// <see cref="MaxBatchSize"/> is reached first (0..1 s; default 2 ms; 0 writes whatever is queued at once).
    /// It waits only when the previous batch had more than one record, so a lone caller is not delayed.
    /// </summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromMilliseconds(2);

    /// <summary>
    /// Writer loops of this silo (1..64; default 1). Each tenant's records always go to the same writer (by a hash of
    /// the tenant id), so a tenant's chain is still appended in order, while writers for different tenants COPY and
    /// commit on their own connections at the same time: one writer's COPY overlaps another's WAL flush, and the
    /// database's work is spread over its cores.
    /// </summary>
    public int Writers { get; set; } = 1;

    /// <summary>Most records written in one transaction (1..100000; default 1000).</summary>
    public int MaxBatchSize { get; set; } = 1000;

    /// <summary>Records that may wait for each writer loop; callers wait (backpressure) when it is full (1..1000000; default 20000).</summary>
    public int QueueCapacity { get; set; } = 20_000;

    /// <summary>Time limit for connecting and for each statement of a batch (1 s..5 min; default 5 s).</summary>
    public TimeSpan WriteTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// After a failed batch, appends fail at once with UNAVAILABLE for this long before the writer tries the database
    /// again (0..1 min; default 1 s), so callers do not queue behind a dead database.
    /// </summary>
    public TimeSpan FailureBackoff { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often the retention service creates partitions ahead and drops expired ones (1 s..1 day; default 1 h).</summary>
    public TimeSpan RetentionCheckInterval { get; set; } = TimeSpan.FromHours(1);
}
