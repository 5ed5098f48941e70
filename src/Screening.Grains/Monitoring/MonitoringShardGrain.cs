using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Screening.Grains.Abstractions;
using Screening.Grains.Abstractions.Errors;
using Screening.Grains.Abstractions.Lists;
using Screening.Grains.Abstractions.Monitoring;
using Screening.Grains.Abstractions.Tenants;
using Screening.Grains.Indexing;
using Screening.Grains.Screening;
using Screening.Lists.Model;
using Screening.Matching;

namespace Screening.Grains.Monitoring;

/// <summary>
/// <inheritdoc cref="IMonitoringShardGrain"/> The customers' rows are the state (in our own table, not Orleans grain
/// state: a shard of a million-customer book is tens of thousands of rows, which must not be rewritten as one blob);
/// the reverse index is rebuilt from them on activation, and after uploads in the background. Each customer's names are
/// normalised once, when it is uploaded (<see cref="PreparedEntry"/>), and kept: forward screening of the upload and
/// every rebuild of the index reuse them, so a rebuild does not normalise a million names again.
/// </summary>
/// <remarks>
/// Uploads and removals only mark the index stale (updating it per upload batch made a bulk upload quadratic) and
/// re-arm a timer; once the shard has had no change for <see cref="MonitoringOptions.IndexRebuildDelay"/> (and for
/// three times its last build), the timer
/// snapshots the customers on the grain's turn and builds the new index on the thread pool, outside the turn, so
/// uploads and other calls are not held up. A delta screened before that build finished waits for it (or builds
/// itself if customers changed since), so a delta never uses an index that lacks a stored customer.
/// </remarks>
public sealed class MonitoringShardGrain(
    MonitoringStore store,
    ScreeningEngine engine,
    IOptions<MonitoringOptions> options,
    TimeProvider time,
    ILogger<MonitoringShardGrain> logger) : Grain, IMonitoringShardGrain
{
    private static readonly TimeSpan RebuildPoll = TimeSpan.FromMilliseconds(500);
    private static readonly SemaphoreSlim SiloBuilds = new(1, 1);

    private readonly Dictionary<string, MonitoredCustomer> _customers = new(StringComparer.Ordinal);

    // Per customer id, its reverse-index entry with normalised names; tokens shared through _tokens. Same keys as _customers.
    private readonly Dictionary<string, PreparedEntry> _prepared = new(StringComparer.Ordinal);
    private readonly NameTokenPool _tokens = new();
    private MatchIndex _index = MatchIndex.Build([]);
    private bool _indexStale;

    // Bumped by every change of _customers; a background build is used only if it was started at the current version.
    private long _customersVersion;
    private (long Version, Task<(MatchIndex Index, TimeSpan Elapsed)> Build)? _building;
    private IGrainTimer? _rebuildTimer;
    private TimeSpan _lastBuildDuration;

    private string Key => this.GetPrimaryKeyString();

    private string TenantId => Key["monitoring/".Length..Key.LastIndexOf('/')];

    private int Shard => int.Parse(Key[(Key.LastIndexOf('/') + 1)..], CultureInfo.InvariantCulture);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var rows = await store.LoadShardAsync(TenantId, Shard, cancellationToken);
        foreach (var c in rows)
        {
            _customers[c.CustomerId] = c;
        }

        _index = await Task.Run(
            () =>
            {
                // Activation may load tens of thousands of rows: normalise them in parallel, off the grain's thread.
                foreach (var entry in PreparedEntry.Of(rows.Select(CustomerEntries.ToEntry).ToList(), _tokens))
                {
                    _prepared[entry.Entry.Key] = entry;
                }

                return BuildIndex([.. _prepared.Values]);
            },
            cancellationToken);
        _lastBuildDuration = time.GetElapsedTime(started);
        MonitoringLog.ShardActivated(logger, Key, rows.Count, time.GetElapsedTime(started).TotalMilliseconds);
    }

    public async Task<int> Upsert(ImmutableArray<MonitoredCustomer> customers)
    {
        // Later duplicates of an id in one batch win, like later batches do.
        var batch = new Dictionary<string, MonitoredCustomer>(StringComparer.Ordinal);
        foreach (var c in customers)
        {
            batch[c.CustomerId] = c;
        }

        await store.UpsertCustomersAsync(TenantId, Shard, batch.Values, time.GetUtcNow(), CancellationToken.None);
        var changed = batch.Values.Where(c => !_customers.TryGetValue(c.CustomerId, out var old) || !SameContent(old, c)).ToList();

        // On the grain's turn, one by one like the forward screening that reuses it (sixteen shards normalising their
        // rounds in parallel on the thread pool stalled it and slowed uploads); before _customers changes, so the two
        // never disagree.
        foreach (var c in changed)
        {
            _prepared[c.CustomerId] = PreparedEntry.Of(CustomerEntries.ToEntry(c), _tokens);
        }

        foreach (var c in batch.Values)
        {
            _customers[c.CustomerId] = c;
        }

        if (changed.Count > 0)
        {
            CustomersChanged();
            await ScreenForwardAsync(changed);
        }

        return batch.Count;
    }

    public async Task<int> Remove(ImmutableArray<string> customerIds)
    {
        var ids = customerIds.Distinct(StringComparer.Ordinal).ToList();
        var removed = await store.RemoveCustomersAsync(TenantId, ids, "customer removed from monitoring", time.GetUtcNow(), CancellationToken.None);
        var known = ids.Where(_customers.Remove).ToList();
        foreach (var id in known)
        {
            _prepared.Remove(id);
        }

        if (known.Count > 0)
        {
            CustomersChanged();
        }

        return removed;
    }

    public async Task<int> Screen(ImmutableArray<MonitoredDesignation> designations, double threshold)
    {
        // Straight from the tenant grain, not the silo's 1 s cache: an allow-list entry just added by DecideAlert must count.
        var tenant = await GrainFactory.GetGrain<ITenantGrain>(GrainKeys.Tenant(TenantId)).Get()
            ?? throw PlatformException.NotFound("tenant", TenantId);
        var index = await CurrentIndexAsync();
        var max = options.Value.MaxMatchesPerShard;
        var found = new List<AlertCandidate>[designations.Length];

        // Each designation's search is independent and the index is immutable: use both cores.
        Parallel.For(0, designations.Length, i =>
        {
            var d = designations[i];
            var designation = JsonSerializer.Deserialize<Designation>(d.ContentJson, ListJson.Options)!;
            var entry = DesignationEntryMapper.ToEntry(designation);
            var list = new List<AlertCandidate>();
            foreach (var hit in index.Search(CustomerEntries.ToQuery(entry), threshold, max))
            {
                if (!IsAllowed(tenant, d.DesignationId, hit.Key))
                {
                    list.Add(new AlertCandidate(hit.Key, d.DesignationId, d.ListId, Jurisdiction(d.ListId), hit.Score, hit.MatchedName, hit.Explanation.Describe(), d.Version));
                }
            }

            found[i] = list;
        });

        var candidates = found.SelectMany(f => f).ToList();
        await store.OpenAlertsAsync(TenantId, candidates, time.GetUtcNow(), CancellationToken.None);
        return candidates.Count;
    }

    public Task<int> Count() => Task.FromResult(_customers.Count);

    private static MatchIndex BuildIndex(PreparedEntry[] customers) => MatchIndex.BuildPrepared(customers);

    private Task<(MatchIndex Index, TimeSpan Elapsed)> BuildInBackground(PreparedEntry[] snapshot)
    {
        var key = Key;
        return Task.Run(async () =>
        {
            // One build at a time per silo: a build uses both cores where it can (neighbour tokens, deletion hashes),
            // and sixteen shards building at once after a bulk upload starved the thread pool that grain calls (a list
            // import, say) run on.
            var waiting = time.GetTimestamp();
            await SiloBuilds.WaitAsync();
            try
            {
                var started = time.GetTimestamp();
                var index = BuildIndex(snapshot);
                var elapsed = time.GetElapsedTime(started);
                MonitoringLog.IndexBuilt(logger, key, snapshot.Length, elapsed.TotalMilliseconds, time.GetElapsedTime(waiting, started).TotalMilliseconds);
                return (index, elapsed);
            }
            finally
            {
                SiloBuilds.Release();
            }
        });
    }

    private void CustomersChanged()
    {
        _indexStale = true;
        _customersVersion++;

        // Quiet for the configured delay and for three times the last build: during a bulk upload (rounds a few
        // seconds apart) a growing shard is then not rebuilt after every round, which would make the upload quadratic
        // again, and background builds take at most a quarter of a shard's idle time.
        var delay = TimeSpan.FromTicks(Math.Max(options.Value.IndexRebuildDelay.Ticks, 3 * _lastBuildDuration.Ticks));
        if (_rebuildTimer is null)
        {
            _rebuildTimer = this.RegisterGrainTimer(RebuildTickAsync, new GrainTimerCreationOptions(delay, Timeout.InfiniteTimeSpan) { Interleave = false, KeepAlive = true });
        }
        else
        {
            _rebuildTimer.Change(delay, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>
    /// On the grain's turn and short. Fires only after the quiet period since the last change (every change re-arms
    /// it), then every 500 ms while a build runs: adopts a finished build if no customer changed since its snapshot,
    /// otherwise starts one (one at a time).
    /// </summary>
    private async Task RebuildTickAsync(CancellationToken ct)
    {
        if (!_indexStale)
        {
            return;
        }

        if (_building is { } b)
        {
            if (!b.Build.IsCompleted)
            {
                _rebuildTimer?.Change(RebuildPoll, Timeout.InfiniteTimeSpan);
                return;
            }

            _building = null;
            try
            {
                var (index, elapsed) = await b.Build; // already finished
                _lastBuildDuration = elapsed;
                if (b.Version == _customersVersion)
                {
                    _index = index;
                    _indexStale = false;
                    return;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                MonitoringLog.IndexRebuildFailed(logger, Key, e);
                return; // the next delta builds the index itself
            }
        }

        _building = (_customersVersion, BuildInBackground([.. _prepared.Values]));
        _rebuildTimer?.Change(RebuildPoll, Timeout.InfiniteTimeSpan);
    }

    /// <summary>The index over every stored customer: the current one, the background build of this version, or a new build.</summary>
    private async Task<MatchIndex> CurrentIndexAsync()
    {
        if (!_indexStale)
        {
            return _index;
        }

        // The grain does not interleave, so no upload changes the customers while this awaits.
        (MatchIndex Index, TimeSpan Elapsed) built;
        if (_building is { } b && b.Version == _customersVersion)
        {
            try
            {
                built = await b.Build;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                MonitoringLog.IndexRebuildFailed(logger, Key, e);
                built = await BuildInBackground([.. _prepared.Values]);
            }
        }
        else
        {
            built = await BuildInBackground([.. _prepared.Values]);
        }

        _building = null;
        _lastBuildDuration = built.Elapsed;
        _index = built.Index;
        _indexStale = false;
        return built.Index;
    }

    /// <summary>New or changed customers are screened against the lists in force today, so they need not wait for the next list change.</summary>
    private async Task ScreenForwardAsync(List<MonitoredCustomer> customers)
    {
        try
        {
            var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
            var candidates = new List<AlertCandidate>();
            foreach (var c in customers)
            {
                var query = CustomerEntries.ToQuery(c);
                var outcome = await engine.ScreenAsync(TenantId, new ScreeningInput(query, c.CustomerId, today, 0), _prepared[c.CustomerId].ToQuery(query));
                foreach (var hit in outcome.Hits)
                {
                    candidates.Add(new AlertCandidate(c.CustomerId, hit.DesignationId, hit.List.ListId, hit.List.Jurisdiction, hit.Match.Score, hit.Match.MatchedName, hit.Match.Explanation.Describe(), hit.List.Version));
                }
            }

            await store.OpenAlertsAsync(TenantId, candidates, time.GetUtcNow(), CancellationToken.None);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            MonitoringLog.UpsertScreeningFailed(logger, Key, e);
        }
    }

    private static string Jurisdiction(string listId) => listId[..listId.IndexOf('/', StringComparison.Ordinal)];

    private static bool IsAllowed(TenantConfig tenant, string designationId, string customerId)
    {
        foreach (var entry in tenant.AllowList)
        {
            if (string.Equals(entry.DesignationId, designationId, StringComparison.Ordinal)
                && (entry.ClientReference is null || string.Equals(entry.ClientReference, customerId, StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool SameContent(MonitoredCustomer a, MonitoredCustomer b) =>
        a.Kind == b.Kind && a.Names.SequenceEqual(b.Names, StringComparer.Ordinal) && a.BirthDates.SequenceEqual(b.BirthDates)
        && a.Countries.SequenceEqual(b.Countries, StringComparer.Ordinal) && a.Identifiers.SequenceEqual(b.Identifiers, StringComparer.Ordinal);
}
