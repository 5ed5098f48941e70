namespace Screening.Matching;

/// <summary>One designated subject to index: its key, kind, names and secondary attributes.</summary>
/// <param name="Key">The designation id, e.g. "UN/consolidated/QDi.001"; unique within an index.</param>
/// <param name="Kind">Individual, entity, vessel, aircraft or unknown.</param>
/// <param name="Names">Primary name and aliases, in any script.</param>
public sealed record DesignationEntry(string Key, SubjectKind Kind, IReadOnlyList<SubjectName> Names)
{
    /// <summary>Known birth dates (exact, partial or ranges).</summary>
    public IReadOnlyList<BirthDate> BirthDates { get; init; } = [];

    /// <summary>Related countries as ISO 3166 alpha-2 codes (nationality, citizenship, residence, registration).</summary>
    public IReadOnlyList<string> Countries { get; init; } = [];

    /// <summary>Identifiers; an exact identifier match is decisive.</summary>
    public IReadOnlyList<SubjectIdentifier> Identifiers { get; init; } = [];
}
