namespace Screening.Lists.Diff;

/// <summary>Names of the content fields of a designation, as reported in <see cref="DesignationChange.ChangedFields"/>.</summary>
public static class DesignationField
{
    public const string SubjectType = "subjectType";
    public const string Names = "names";
    public const string DatesOfBirth = "datesOfBirth";
    public const string PlacesOfBirth = "placesOfBirth";
    public const string Nationalities = "nationalities";
    public const string Countries = "countries";
    public const string Identifiers = "identifiers";
    public const string Addresses = "addresses";
    public const string Programmes = "programmes";
    public const string LegalBasis = "legalBasis";
    public const string Remarks = "remarks";
    public const string Gender = "gender";
    public const string Titles = "titles";
    public const string Positions = "positions";
    public const string ListedOn = "listedOn";

    /// <summary>Every field, in fingerprint order.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        SubjectType, Names, DatesOfBirth, PlacesOfBirth, Nationalities, Countries, Identifiers, Addresses,
        Programmes, LegalBasis, Remarks, Gender, Titles, Positions, ListedOn,
    ];
}
