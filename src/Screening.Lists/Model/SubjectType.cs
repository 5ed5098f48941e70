namespace Screening.Lists.Model;

/// <summary>What a designation designates.</summary>
public enum SubjectType
{
    Unknown = 0,
    Individual,
    Entity,
    Vessel,
    Aircraft,
}
