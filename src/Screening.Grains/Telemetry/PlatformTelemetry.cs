using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Screening.Grains.Telemetry;

/// <summary>
/// The platform's own spans and metrics (OpenTelemetry names; exported by the host's telemetry wiring): spans for
/// matching, audit flushes, index swaps and list imports; screenings by tenant and decision, latencies, index size and
/// version per silo, propagation lag, audit batch size and delay, import durations.
/// </summary>
public static class PlatformTelemetry
{
    /// <summary>Name of the <see cref="ActivitySource"/> and the <see cref="System.Diagnostics.Metrics.Meter"/>.</summary>
    public const string Name = "Screening.Platform";

    public static readonly ActivitySource Source = new(Name);

    public static readonly Meter Meter = new(Name);

    /// <summary>Screenings answered (audited), by tenant and decision.</summary>
    public static readonly Counter<long> Screenings = Meter.CreateCounter<long>("screening.screenings", "{screening}", "Screenings answered and audited, by tenant and decision");

    /// <summary>One screening from validation to audited answer (matching plus audit wait), seconds.</summary>
    public static readonly Histogram<double> ScreeningDuration = Meter.CreateHistogram<double>("screening.duration", "s", "One screening, matching plus audit wait", advice: LatencyBuckets);

    /// <summary>Matching alone (indexes, timeline, allow-list), seconds.</summary>
    public static readonly Histogram<double> MatchDuration = Meter.CreateHistogram<double>("screening.match.duration", "s", "Matching one subject against the tenant's lists", advice: LatencyBuckets);

    /// <summary>
    /// Lookups of cached per-silo state (cache = result | tenant | api_key), result = hit | miss; hit ratio = hits / all.
    /// Recorded for the screening result cache; the tenant and key caches (TenantDirectory, the interceptor's key
    /// cache) belong to other work in progress and each needs one <see cref="RecordCacheLookup"/> line.
    /// </summary>
    public static readonly Counter<long> CacheLookups = Meter.CreateCounter<long>("screening.cache.lookups", "{lookup}", "Cache lookups by cache and result (hit, miss)");

    /// <summary>From a list change's commit until every active silo applied it (or the lease ran out), seconds.</summary>
    public static readonly Histogram<double> PropagationLag = Meter.CreateHistogram<double>("screening.list.propagation.duration", "s", "List change: commit to applied on every active silo", advice: LatencyBuckets);

    /// <summary>Records per audit group commit.</summary>
    public static readonly Histogram<long> AuditBatchSize = Meter.CreateHistogram<long>("screening.audit.batch.size", "{record}", "Records per audit group commit", advice: new InstrumentAdvice<long> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096] });

    /// <summary>From the oldest record of a batch being queued until its commit returned, seconds (what a caller waits for the audit).</summary>
    public static readonly Histogram<double> AuditDelay = Meter.CreateHistogram<double>("screening.audit.delay", "s", "Oldest record of a batch: queued to committed", advice: LatencyBuckets);

    /// <summary>
    /// Audit batches by how their chain heads were found: <c>known</c> (one round trip from the heads the writer left),
    /// <c>read</c> (read under lock: first batch of a tenant on a writer, after a failure, or <c>moved</c>: another
    /// writer had appended to one of its chains). Many <c>moved</c> means silos take turns on the same tenants.
    /// </summary>
    public static readonly Counter<long> AuditBatches = Meter.CreateCounter<long>("screening.audit.batches", "{batch}", "Audit batches by how the chain heads were found (known, read, moved)");

    /// <summary>One list import (parse, diff, commit, propagate), seconds.</summary>
    public static readonly Histogram<double> ImportDuration = Meter.CreateHistogram<double>("screening.list.import.duration", "s", "One list import: parse, diff, commit and propagation", advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120] });

    private static readonly ConcurrentDictionary<(string Silo, string ListId), (long Version, long Names, long Designations)> Indexes = new();

    private static InstrumentAdvice<double> LatencyBuckets => new()
    {
        HistogramBucketBoundaries = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.0075, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    };

    static PlatformTelemetry()
    {
        Meter.CreateObservableGauge("screening.index.version", () => Observe(i => i.Version), "{version}", "List version of the index each silo screens with");
        Meter.CreateObservableGauge("screening.index.names", () => Observe(i => i.Names), "{name}", "Names (all scripts) in each silo's index of a list");
        Meter.CreateObservableGauge("screening.index.designations", () => Observe(i => i.Designations), "{designation}", "Designations in each silo's index of a list");
    }

    /// <summary>Remembers the index a silo swapped in, for the index gauges.</summary>
    public static void IndexSwapped(string silo, string listId, long version, long names, long designations) =>
        Indexes[(silo, listId)] = (version, names, designations);

    /// <summary>One audited answer: counts it by tenant and decision and records its duration.</summary>
    public static void RecordScreening(string tenantId, bool potentialMatch, TimeSpan elapsed)
    {
        var decision = new KeyValuePair<string, object?>("decision", potentialMatch ? "potential_match" : "clear");
        Screenings.Add(1, new KeyValuePair<string, object?>("tenant", tenantId), decision);
        ScreeningDuration.Record(elapsed.TotalSeconds, decision);
    }

    /// <summary>One audit group commit: its size and how long its oldest record waited (linger plus commit).</summary>
    public static void RecordAuditBatch(int size, TimeSpan delay)
    {
        if (size > 0)
        {
            AuditBatchSize.Record(size);
            AuditDelay.Record(delay.TotalSeconds);
        }
    }

    /// <summary>One lookup in a cache.</summary>
    public static void RecordCacheLookup(string cache, bool hit) =>
        CacheLookups.Add(1, new KeyValuePair<string, object?>("cache", cache), new KeyValuePair<string, object?>("result", hit ? "hit" : "miss"));

    /// <summary>One list import.</summary>
    public static void RecordImport(string listId, bool changed, TimeSpan elapsed) =>
        ImportDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("list", listId), new KeyValuePair<string, object?>("changed", changed));

    /// <summary>
    /// A span for work done on behalf of many callers (an audit group commit): a child of the caller's span when the
    /// batch has one caller, so a lone request's trace shows the database work it waited for; otherwise a new trace
    /// linked to every caller's span.
    /// </summary>
    public static Activity? StartBatchActivity<T>(string name, IReadOnlyList<T> items, Func<T, ActivityContext> caller)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        Activity.Current = null; // the writer loop may have captured some request's span when it started; never parent to it
        var callers = items.Select(caller).Where(c => c != default).Distinct().ToList();
        var activity = callers.Count == 1
            ? Source.StartActivity(name, ActivityKind.Internal, callers[0])
            : Source.StartActivity(name, ActivityKind.Internal, parentContext: default, links: callers.Take(128).Select(c => new ActivityLink(c)));
        return activity?.SetTag("batch.size", items.Count);
    }

    private static IEnumerable<Measurement<long>> Observe(Func<(long Version, long Names, long Designations), long> value) =>
        Indexes.Select(i => new Measurement<long>(value(i.Value), new KeyValuePair<string, object?>("silo", i.Key.Silo), new KeyValuePair<string, object?>("list", i.Key.ListId)));
}
