namespace Screening.Lists.Model;

/// <summary>The role of one part of a name, as the source gives it.</summary>
public enum NamePartType
{
    /// <summary>A part whose role the source does not state (e.g. the UN's FIRST_NAME..FOURTH_NAME, in order).</summary>
    Unspecified = 0,
    Given,
    Middle,
    Family,
    Patronymic,
    Title,
}
