namespace Screening.Matching;

/// <summary>The subject being screened: one or more names and optional secondary attributes.</summary>
/// <param name="Names">Names of the screened subject (1..n); only the first <see cref="InputLimits.MaxNamesPerQuery"/> are used.</param>
public sealed record ScreeningQuery(IReadOnlyList<string> Names)
{
    /// <summary>A query with a single name.</summary>
    public ScreeningQuery(string name)
        : this([name])
    {
    }

    /// <summary>Kind of the screened subject, when known.</summary>
    public SubjectKind Kind { get; init; }

    /// <summary>Known birth dates of the screened subject.</summary>
    public IReadOnlyList<BirthDate> BirthDates { get; init; } = [];

    /// <summary>Related countries as ISO 3166 alpha-2 codes.</summary>
    public IReadOnlyList<string> Countries { get; init; } = [];

    /// <summary>Identifiers of the screened subject.</summary>
    public IReadOnlyList<SubjectIdentifier> Identifiers { get; init; } = [];
}
