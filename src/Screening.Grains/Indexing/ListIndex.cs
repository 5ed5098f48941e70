using System.Collections.Immutable;
using Screening.Lists.History;
using Screening.Matching;

namespace Screening.Grains.Indexing;

/// <summary>
/// One version of one list, ready to screen against: a matching index over every designation ever on the list
/// (latest content; delisted ones included, so that former designations can be reported) and each designation's
/// revisions, so that an answer can be given for any as-of date. Immutable; a change produces a new one.
/// </summary>
public sealed class ListIndex
{
    private ListIndex(string listId, int version, MatchIndex index, ImmutableDictionary<string, IndexedDesignation> designations)
    {
        ListId = listId;
        Jurisdiction = listId[..listId.IndexOf('/', StringComparison.Ordinal)];
        Version = version;
        Index = index;
        Designations = designations;
    }

    public string ListId { get; }

    public string Jurisdiction { get; }

    public int Version { get; }

    public MatchIndex Index { get; }

    public ImmutableDictionary<string, IndexedDesignation> Designations { get; }

    /// <summary>An index with nothing in it.</summary>
    public static ListIndex Empty(string listId) =>
        new(listId, 0, MatchIndex.Build([]), ImmutableDictionary.Create<string, IndexedDesignation>(StringComparer.Ordinal));

    /// <summary>
    /// This index with the revisions of newer versions applied: only the designations they touch are re-indexed
    /// (<see cref="MatchIndex.WithChanges"/>), so a delisting costs milliseconds, not a rebuild.
    /// </summary>
    public ListIndex Apply(int version, IReadOnlyList<DesignationRevision> revisions)
    {
        if (revisions.Count == 0)
        {
            return new ListIndex(ListId, version, Index, Designations);
        }

        var builder = Designations.ToBuilder();
        var touched = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in revisions.GroupBy(r => r.SourceId, StringComparer.Ordinal))
        {
            var previous = builder.GetValueOrDefault(group.Key);
            var all = (previous?.Revisions ?? []).AddRange(group);
            var content = group.LastOrDefault(r => r.Content is not null)?.Content ?? previous?.Content;
            if (content is null)
            {
                continue; // a delisting of something never listed here: nothing to match
            }

            builder[group.Key] = new IndexedDesignation(group.Key, content, all);
            touched.Add(group.Key);
        }

        var designations = builder.ToImmutable();
        var index = Designations.IsEmpty
            ? MatchIndex.Build(designations.Values.Select(d => DesignationEntryMapper.ToEntry(d.Content)))
            : Index.WithChanges(touched, touched.Select(k => DesignationEntryMapper.ToEntry(designations[k].Content)));
        return new ListIndex(ListId, version, index, designations);
    }
}
