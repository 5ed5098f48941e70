namespace Screening.Matching;

/// <summary>What kind of subject a designation or a query describes.</summary>
public enum SubjectKind
{
    Unknown = 0,
    Individual,
    Entity,
    Vessel,
    Aircraft,
}
