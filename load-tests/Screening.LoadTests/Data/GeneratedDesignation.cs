using Screening.Contracts.V1;

namespace Screening.LoadTests.Data;

/// <summary>One made-up designation: its id in the list, Latin primary name, other-script forms and birth date.</summary>
public sealed record GeneratedDesignation(string SourceId, SubjectType Type, string Latin, string Cyrillic, string? Arabic, PartialDate? BirthDate);
