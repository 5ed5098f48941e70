using Screening.Matching.Normalisation;

namespace Screening.Matching;

/// <summary>
/// A query with its names normalised (cleaned, romanised, tokenised), ready to be searched in any number of indexes
/// without normalising it again; immutable and safe to share between threads.
/// </summary>
public sealed class PreparedQuery
{
    private PreparedQuery(ScreeningQuery query, List<NormalisedName> names)
    {
        Query = query;
        Names = names;
    }

    /// <summary>The query as given.</summary>
    public ScreeningQuery Query { get; }

    /// <summary>True when nothing can match: no usable name and no identifier.</summary>
    public bool IsEmpty => Names.Count == 0 && (Query.Identifiers is null || Query.Identifiers.Count == 0);

    internal List<NormalisedName> Names { get; }

    /// <summary>Normalises the query's names (at most <see cref="InputLimits.MaxNamesPerQuery"/>); never throws on bad names.</summary>
    public static PreparedQuery Of(ScreeningQuery query) => Of(query, static _ => null);

    /// <summary>As <see cref="Of(ScreeningQuery)"/>, taking the normalised form of name i from <paramref name="known"/> where it has one.</summary>
    internal static PreparedQuery Of(ScreeningQuery query, Func<int, NormalisedName?> known)
    {
        if (query?.Names is null)
        {
            return new PreparedQuery(query ?? new ScreeningQuery(string.Empty), []);
        }

        var names = new List<NormalisedName>(Math.Min(query.Names.Count, InputLimits.MaxNamesPerQuery));
        for (var i = 0; i < query.Names.Count && i < InputLimits.MaxNamesPerQuery; i++)
        {
            var name = known(i) ?? NameNormaliser.Normalise(query.Names[i]);
            if (!name.IsEmpty)
            {
                names.Add(name);
            }
        }

        return new PreparedQuery(query, names);
    }
}
