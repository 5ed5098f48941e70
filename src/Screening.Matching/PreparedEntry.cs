using Screening.Matching.Normalisation;

namespace Screening.Matching;

/// <summary>
/// An entry with its names normalised (cleaned, romanised, tokenised), so an index can be rebuilt from it
/// (<see cref="MatchIndex.BuildPrepared"/>) without normalising the names again; immutable and
/// safe to share between threads. Building from prepared entries gives the same index as building from the entries.
/// </summary>
public sealed class PreparedEntry
{
    private PreparedEntry(DesignationEntry entry, NormalisedName[] names)
    {
        Entry = entry;
        Names = names;
    }

    /// <summary>The entry as given.</summary>
    public DesignationEntry Entry { get; }

    /// <summary>Per name of <see cref="Entry"/> (at most <see cref="InputLimits.MaxNamesPerEntry"/>), its normalised form.</summary>
    internal NormalisedName[] Names { get; }

    /// <summary>
    /// Normalises the entry's names; never throws on bad names. Tokens equal to one already in <paramref name="tokens"/>
    /// are shared with it, which keeps many prepared entries small (a customer book repeats its given names and surnames).
    /// </summary>
    public static PreparedEntry Of(DesignationEntry entry, NameTokenPool? tokens = null)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var source = entry.Names ?? [];
        var names = new NormalisedName[Math.Min(source.Count, InputLimits.MaxNamesPerEntry)];
        for (var n = 0; n < names.Length; n++)
        {
            var name = source[n]?.Text is { } text && !string.IsNullOrWhiteSpace(text) ? NameNormaliser.Normalise(text) : NormalisedName.Empty;
            names[n] = tokens is null ? name : tokens.Share(name);
        }

        return new PreparedEntry(entry, names);
    }

    /// <summary>
    /// As <see cref="Of(DesignationEntry, NameTokenPool?)"/> for many entries: names are normalised in parallel, then
    /// their tokens shared through <paramref name="tokens"/> on the calling thread.
    /// </summary>
    public static PreparedEntry[] Of(IReadOnlyList<DesignationEntry> entries, NameTokenPool? tokens = null)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var prepared = new PreparedEntry[entries.Count];
        Parallel.For(0, prepared.Length, i => prepared[i] = Of(entries[i]));
        if (tokens is not null)
        {
            foreach (var entry in prepared)
            {
                for (var n = 0; n < entry.Names.Length; n++)
                {
                    entry.Names[n] = tokens.Share(entry.Names[n]);
                }
            }
        }

        return prepared;
    }

    /// <summary>
    /// The prepared form of <paramref name="query"/> when its names are this entry's names (the same subject screened
    /// the other way), reusing their normalisation; any name that differs is normalised as by <see cref="PreparedQuery.Of(ScreeningQuery)"/>.
    /// </summary>
    public PreparedQuery ToQuery(ScreeningQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return PreparedQuery.Of(query, i => i < Names.Length && i < Entry.Names.Count && string.Equals(Entry.Names[i]?.Text, query.Names[i], StringComparison.Ordinal) ? Names[i] : null);
    }
}
