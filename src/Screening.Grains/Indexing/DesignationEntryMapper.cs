using Screening.Lists.Model;
using Screening.Matching;
using MatchBirthDate = Screening.Matching.BirthDate;
using ListBirthDate = Screening.Lists.Model.BirthDate;

namespace Screening.Grains.Indexing;

/// <summary>Maps the list model onto the matching engine's input.</summary>
public static class DesignationEntryMapper
{
    /// <summary>The index entry of a designation, keyed by its source id.</summary>
    public static DesignationEntry ToEntry(Designation d) =>
        new(d.SourceId, Kind(d.SubjectType), [.. d.Names.Select(n => new SubjectName(n.FullName, n.Quality == NameQuality.WeakAlias))])
        {
            BirthDates = [.. d.DatesOfBirth.Select(ToBirthDate).OfType<MatchBirthDate>()],
            Countries = [.. d.Nationalities.Concat(d.Countries).Where(c => c.Length == 2).Select(c => c.ToUpperInvariant()).Distinct(StringComparer.Ordinal)],
            Identifiers = [.. d.Identifiers.Select(i => new SubjectIdentifier(i.Type.ToString(), i.Value))],
        };

    /// <summary>The matching engine's subject kind for a list subject type.</summary>
    public static SubjectKind Kind(SubjectType type) => type switch
    {
        SubjectType.Individual => SubjectKind.Individual,
        SubjectType.Entity => SubjectKind.Entity,
        SubjectType.Vessel => SubjectKind.Vessel,
        SubjectType.Aircraft => SubjectKind.Aircraft,
        _ => SubjectKind.Unknown,
    };

    private static MatchBirthDate? ToBirthDate(ListBirthDate b) => b.Kind switch
    {
        BirthDateKind.Between when b.To is not null => MatchBirthDate.Between(b.Value.Year, b.To.Year),
        BirthDateKind.Approximate => MatchBirthDate.Between(b.Value.Year - 1, b.Value.Year + 1),
        _ => MatchBirthDate.On(b.Value.Year, b.Value.Month, b.Value.Day),
    };
}
