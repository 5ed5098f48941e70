using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Screening.Grains.Abstractions.Tenants;
using Screening.Grains.Indexing;
using Screening.Matching;

namespace Screening.Grains.Screening;

/// <summary>
/// This silo's cache of screening outcomes per tenant. The key holds everything an outcome depends on: the tenant
/// and its configuration version, the version of every list consulted, the as-of date, the threshold and the
/// subject (and the client reference when the tenant has reference-scoped allow-list entries). A list change
/// or a configuration change therefore never serves an old outcome: it is a different key, and old entries are
/// dropped when the cache fills. Each answer still gets its own screening id and audit record.
/// </summary>
public sealed class ScreeningResultCache
{
    // Many stripes: with the default (one lock per core) concurrent screenings queue on the same few locks.
    private readonly ConcurrentDictionary<string, ScreeningOutcome> _entries = new(Environment.ProcessorCount * 32, 1024, StringComparer.Ordinal);
    private long _hits;
    private long _misses;

    // Counted here: ConcurrentDictionary.Count takes every lock, which serialised all screenings on the hot path.
    private int _count;

    /// <summary>Most outcomes kept; when full the cache is emptied (cheap, and lists change rarely). Default 100,000.</summary>
    public int MaxEntries { get; init; } = 100_000;

    /// <summary>Lookups answered from the cache.</summary>
    public long Hits => Interlocked.Read(ref _hits);

    /// <summary>Lookups that had to screen.</summary>
    public long Misses => Interlocked.Read(ref _misses);

    /// <summary>The key of a screening.</summary>
    public static string KeyOf(TenantConfig tenant, IReadOnlyList<ListIndex> lists, ScreeningInput input, double threshold)
    {
        var b = new StringBuilder(256);
        b.Append(tenant.TenantId).Append('|').Append(tenant.Version).Append('|');
        foreach (var l in lists)
        {
            b.Append(l.ListId).Append('@').Append(l.Version).Append(',');
        }

        b.Append('|').Append(input.AsOf.DayNumber).Append('|').Append(threshold.ToString("R", CultureInfo.InvariantCulture)).Append('|');
        var q = input.Query;
        b.Append((int)q.Kind).Append('|');
        foreach (var n in q.Names)
        {
            b.Append(n).Append('\u001f');
        }

        b.Append('|');
        foreach (var d in q.BirthDates)
        {
            b.Append(d).Append(',');
        }

        b.Append('|').AppendJoin(',', q.Countries).Append('|');
        foreach (var i in q.Identifiers)
        {
            b.Append(i.Kind).Append(':').Append(i.Value).Append(',');
        }

        if (tenant.AllowList.Any(e => e.ClientReference is not null))
        {
            b.Append('|').Append(input.ClientReference);
        }

        return b.ToString();
    }

    /// <summary>The cached outcome for a key, if any.</summary>
    public bool TryGet(string key, out ScreeningOutcome outcome)
    {
        if (_entries.TryGetValue(key, out outcome!))
        {
            Interlocked.Increment(ref _hits);
            return true;
        }

        Interlocked.Increment(ref _misses);
        return false;
    }

    /// <summary>Keeps an outcome.</summary>
    public void Add(string key, ScreeningOutcome outcome)
    {
        if (Volatile.Read(ref _count) >= MaxEntries)
        {
            // Rare (a full cache): one caller empties it, the others carry on adding.
            lock (_entries)
            {
                if (Volatile.Read(ref _count) >= MaxEntries)
                {
                    _entries.Clear();
                    Volatile.Write(ref _count, 0);
                }
            }
        }

        // An equal key holds an equal outcome (the key names everything the outcome depends on): keep the first.
        if (_entries.TryAdd(key, outcome))
        {
            Interlocked.Increment(ref _count);
        }
    }

    /// <summary>Current number of entries (approximate while screenings run).</summary>
    public int Count => Volatile.Read(ref _count);

    internal static ImmutableArray<(string ListId, int Version)> Versions(IReadOnlyList<ListIndex> lists) => [.. lists.Select(l => (l.ListId, l.Version))];
}
