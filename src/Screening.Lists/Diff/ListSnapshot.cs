using System.Collections.Frozen;

namespace Screening.Lists.Diff;

/// <summary>The current version of a list, reduced to what a diff needs: source id → fingerprint and status.</summary>
public sealed class ListSnapshot
{
    private readonly FrozenDictionary<string, SnapshotEntry> _entries;

    public ListSnapshot(IEnumerable<SnapshotEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var map = new Dictionary<string, SnapshotEntry>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (!map.TryAdd(entry.SourceId, entry))
            {
                throw new ArgumentException($"The source id '{entry.SourceId}' occurs more than once in the snapshot.", nameof(entries));
            }
        }

        _entries = map.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public static ListSnapshot Empty { get; } = new([]);

    public int Count => _entries.Count;

    public IEnumerable<SnapshotEntry> Entries => _entries.Values;

    public bool TryGet(string sourceId, out SnapshotEntry entry)
    {
        if (_entries.TryGetValue(sourceId, out var found))
        {
            entry = found;
            return true;
        }

        entry = null!;
        return false;
    }
}
