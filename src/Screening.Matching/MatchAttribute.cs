namespace Screening.Matching;

/// <summary>A secondary attribute compared after the name.</summary>
public enum MatchAttribute
{
    BirthDate,
    Country,
    SubjectKind,
    Identifier,
}
