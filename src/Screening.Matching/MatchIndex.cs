using Screening.Matching.Indexing;
using Screening.Matching.Normalisation;
using Screening.Matching.Scoring;

namespace Screening.Matching;

/// <summary>
/// Immutable, thread-safe name-matching index over a set of designations. Build it off the hot path with
/// <see cref="Build(IEnumerable{DesignationEntry})"/>, derive updated versions cheaply with <see cref="WithChanges"/>, and query it with
/// <see cref="Search(ScreeningQuery, double, int)"/> from any number of threads.
/// </summary>
public sealed class MatchIndex
{
    /// <summary>Delta segments allowed before <see cref="WithChanges"/> compacts everything into one segment.</summary>
    private const int MaxSegments = 8;

    private readonly IndexSegment[] segments;
    private readonly ulong[][] removed;
    private readonly Dictionary<string, (int Segment, int Entry)> keys;

    private MatchIndex(IndexSegment[] segments, ulong[][] removed, Dictionary<string, (int Segment, int Entry)> keys)
    {
        this.segments = segments;
        this.removed = removed;
        this.keys = keys;
        var names = 0;
        for (var s = 0; s < segments.Length; s++)
        {
            for (var n = 0; n < segments[s].NameCount; n++)
            {
                var entry = segments[s].NameEntry[n];
                if ((removed[s][entry >> 6] & (1UL << (entry & 63))) == 0)
                {
                    names++;
                }
            }
        }

        NameCount = names;
    }

    /// <summary>Number of designations (keys) in the index.</summary>
    public int EntryCount => keys.Count;

    /// <summary>Number of distinct indexed names (after normalisation) of those designations.</summary>
    public int NameCount { get; }

    /// <summary>Builds an index; names are normalised in parallel. A later entry with the same key replaces an earlier one.</summary>
    public static MatchIndex Build(IEnumerable<DesignationEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var list = Deduplicate(entries, e => e.Key);
        return OneSegment(list, SegmentBuilder.Build(list, null));
    }

    /// <summary>
    /// As <see cref="Build(IEnumerable{DesignationEntry})"/> from entries whose names were normalised before
    /// (<see cref="PreparedEntry.Of(DesignationEntry, NameTokenPool?)"/>): the same index, without normalising the names again.
    /// </summary>
    public static MatchIndex BuildPrepared(IEnumerable<PreparedEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var list = Deduplicate(entries, p => p.Entry.Key);
        var designations = list.ConvertAll(p => p.Entry);
        return OneSegment(designations, SegmentBuilder.Build(designations, null, list.ConvertAll(p => p.Names)));
    }

    /// <summary>True when a designation with this key is in the index.</summary>
    public bool Contains(string key) => key is not null && keys.ContainsKey(key);

    /// <summary>
    /// Returns a new index without <paramref name="removedKeys"/> and with <paramref name="addedEntries"/> (an added key
    /// that exists replaces it). Removals are tombstones and additions a small extra segment, so this costs far less
    /// than a rebuild; after <c>8</c> segments, or when additions reach a tenth of the base, it compacts.
    /// </summary>
    public MatchIndex WithChanges(IEnumerable<string> removedKeys, IEnumerable<DesignationEntry> addedEntries)
    {
        ArgumentNullException.ThrowIfNull(removedKeys);
        ArgumentNullException.ThrowIfNull(addedEntries);
        var added = Deduplicate(addedEntries, e => e.Key);
        var newKeys = new Dictionary<string, (int Segment, int Entry)>(keys, StringComparer.Ordinal);
        var newRemoved = (ulong[][])removed.Clone();
        var copied = new bool[segments.Length];
        void Tombstone((int Segment, int Entry) at)
        {
            if (!copied[at.Segment])
            {
                newRemoved[at.Segment] = (ulong[])removed[at.Segment].Clone();
                copied[at.Segment] = true;
            }

            newRemoved[at.Segment][at.Entry >> 6] |= 1UL << (at.Entry & 63);
        }

        foreach (var key in removedKeys)
        {
            if (key is not null && newKeys.Remove(key, out var at))
            {
                Tombstone(at);
            }
        }

        foreach (var entry in added)
        {
            if (newKeys.Remove(entry.Key, out var at))
            {
                Tombstone(at);
            }
        }

        if (added.Count == 0)
        {
            return new MatchIndex(segments, newRemoved, newKeys);
        }

        var deltaEntries = added.Count;
        for (var s = 1; s < segments.Length; s++)
        {
            deltaEntries += segments[s].Entries.Length;
        }

        if (segments.Length >= MaxSegments || deltaEntries * 10 > segments[0].Entries.Length)
        {
            var live = new List<DesignationEntry>(newKeys.Count + added.Count);
            foreach (var (_, at) in newKeys.OrderBy(k => k.Value.Segment).ThenBy(k => k.Value.Entry))
            {
                live.Add(segments[at.Segment].Entries[at.Entry]);
            }

            live.AddRange(added);
            return Build(live);
        }

        var segment = SegmentBuilder.Build(added, segments[0]);
        var index = segments.Length;
        for (var e = 0; e < added.Count; e++)
        {
            newKeys[added[e].Key] = (index, e);
        }

        return new MatchIndex([.. segments, segment], [.. newRemoved, new ulong[(added.Count + 64) / 64]], newKeys);
    }

    /// <summary>
    /// Finds designations whose names (and attributes) match the query with a score at or above
    /// <paramref name="minScore"/>, best first (ties by key). Never throws on bad names; empty names match nothing.
    /// </summary>
    public IReadOnlyList<MatchHit> Search(ScreeningQuery query, double minScore = MatchThresholds.Default, int maxResults = 10) =>
        Search(PreparedQuery.Of(query), minScore, maxResults);

    /// <summary>
    /// As <see cref="Search(ScreeningQuery, double, int)"/>, for a query whose names were normalised once
    /// (<see cref="PreparedQuery.Of(ScreeningQuery)"/>) to be searched in several indexes.
    /// </summary>
    public IReadOnlyList<MatchHit> Search(PreparedQuery prepared, double minScore = MatchThresholds.Default, int maxResults = 10)
    {
        if (prepared is null || maxResults <= 0 || prepared.IsEmpty)
        {
            return [];
        }

        var query = prepared.Query;
        var queryNames = prepared.Names;
        var scratch = SearchScratch.ForCurrentThread();
        var best = new Dictionary<long, EntryCandidate>();
        var reference = segments[0];

        // Names are searched down to the score from which the query's attributes could still lift them to minScore.
        var minNameScore = minScore - AttributeScorer.MostAdded(query);
        for (var s = 0; s < segments.Length; s++)
        {
            for (var q = 0; q < queryNames.Count; q++)
            {
                SegmentSearch.Run(segments[s], s, reference, removed[s], queryNames[q], q, minNameScore, scratch, best);
            }
        }

        AddIdentifierMatches(query, queryNames, best);

        var ranked = new List<EntryCandidate>(best.Count);
        foreach (var candidate in best.Values)
        {
            var entry = segments[candidate.Segment].Entries[candidate.Entry];
            var effect = AttributeScorer.Evaluate(query, entry, null, out var decisive);
            var score = decisive ? 1.0 : Math.Clamp(candidate.NameScore + effect, 0.0, 1.0);
            if (score >= minScore)
            {
                var c = candidate;
                c.Score = score;
                ranked.Add(c);
            }
        }

        ranked.Sort((a, b) =>
        {
            var byScore = b.Score.CompareTo(a.Score);
            return byScore != 0 ? byScore : string.CompareOrdinal(
                segments[a.Segment].Entries[a.Entry].Key, segments[b.Segment].Entries[b.Entry].Key);
        });

        var hits = new List<MatchHit>(Math.Min(maxResults, ranked.Count));
        for (var i = 0; i < ranked.Count && hits.Count < maxResults; i++)
        {
            hits.Add(CreateHit(query, queryNames, ranked[i]));
        }

        return hits;
    }

    /// <summary>An index of one segment built over <paramref name="list"/> (keys unique).</summary>
    private static MatchIndex OneSegment(List<DesignationEntry> list, IndexSegment segment)
    {
        var keys = new Dictionary<string, (int, int)>(list.Count, StringComparer.Ordinal);
        for (var e = 0; e < list.Count; e++)
        {
            keys[list[e].Key] = (0, e);
        }

        return new MatchIndex([segment], [new ulong[(list.Count + 64) / 64]], keys);
    }

    /// <summary>The items with a key, in first-seen order; a later item with the same key replaces the earlier one.</summary>
    private static List<T> Deduplicate<T>(IEnumerable<T?> items, Func<T, string?> keyOf)
        where T : class
    {
        var list = new List<T>();
        var at = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (item is null || keyOf(item) is not { } key)
            {
                continue;
            }

            if (at.TryGetValue(key, out var i))
            {
                list[i] = item;
            }
            else
            {
                at[key] = list.Count;
                list.Add(item);
            }
        }

        return list;
    }

    private void AddIdentifierMatches(ScreeningQuery query, List<NormalisedName> queryNames, Dictionary<long, EntryCandidate> best)
    {
        if (query.Identifiers is null || query.Identifiers.Count == 0)
        {
            return;
        }

        foreach (var identifier in query.Identifiers)
        {
            var value = IdentifierText.Canonical(identifier?.Value);
            if (value.Length < 4)
            {
                continue;
            }

            for (var s = 0; s < segments.Length; s++)
            {
                if (!segments[s].ByIdentifier.TryGetValue(value, out var entries))
                {
                    continue;
                }

                foreach (var entry in entries)
                {
                    var key = ((long)s << 32) | (uint)entry;
                    if ((removed[s][entry >> 6] & (1UL << (entry & 63))) != 0 || best.ContainsKey(key))
                    {
                        continue;
                    }

                    var nameIndex = Array.IndexOf(segments[s].NameEntry, entry);
                    if (nameIndex < 0)
                    {
                        continue;
                    }

                    best[key] = new EntryCandidate { Segment = s, Entry = entry, NameScore = 0, QueryName = queryNames.Count > 0 ? 0 : -1, Name = nameIndex };
                }
            }
        }
    }

    /// <summary>
    /// For tests of the candidate bound: every indexed name (not removed) scored against every query name as the search
    /// scores its candidates, without retrieval or pruning; the best name score per key.
    /// </summary>
    internal Dictionary<string, double> ScoreEveryName(PreparedQuery prepared)
    {
        var scores = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var s = 0; s < segments.Length; s++)
        {
            var segment = segments[s];
            foreach (var queryName in prepared.Names)
            {
                for (var n = 0; n < segment.NameCount; n++)
                {
                    var entry = segment.NameEntry[n];
                    if ((removed[s][entry >> 6] & (1UL << (entry & 63))) != 0 || queryName.Informative.Length == 0)
                    {
                        continue;
                    }

                    var score = SegmentSearch.ScorePair(segment, segments[0], queryName, n, null, out _, out _, out _, out _, out _, out _);
                    var key = segment.Entries[entry].Key;
                    scores[key] = Math.Max(score, scores.GetValueOrDefault(key));
                }
            }
        }

        return scores;
    }

    private MatchHit CreateHit(ScreeningQuery query, List<NormalisedName> queryNames, EntryCandidate candidate)
    {
        var segment = segments[candidate.Segment];
        var entry = segment.Entries[candidate.Entry];
        var findings = new List<AttributeFinding>();
        AttributeScorer.Evaluate(query, entry, findings, out _);
        var matchedName = segment.NameText[candidate.Name];
        var alignments = new List<TokenAlignment>();
        var queryText = string.Empty;
        var nameScore = candidate.NameScore;
        if (candidate.QueryName >= 0 && candidate.QueryName < queryNames.Count)
        {
            var queryName = queryNames[candidate.QueryName];
            queryText = queryName.Original;
            nameScore = ExplanationBuilder.Build(segment, segments[0], queryName, candidate.Name, candidate.QueryWeights, alignments);
        }

        var explanation = new MatchExplanation(queryText, matchedName, nameScore, candidate.Score, alignments, findings);
        return new MatchHit(entry.Key, candidate.Score, matchedName, explanation);
    }
}
