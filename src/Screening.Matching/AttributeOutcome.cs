namespace Screening.Matching;

/// <summary>Whether a secondary attribute agreed or conflicted.</summary>
public enum AttributeOutcome
{
    Agrees,
    Conflicts,
}
