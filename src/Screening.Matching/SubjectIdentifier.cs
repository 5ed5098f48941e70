namespace Screening.Matching;

/// <summary>An identifying document or registration number: passport, national id, IMO number, tax id, crypto address...</summary>
/// <param name="Kind">Free-text kind ("Passport", "IMO", "National Identification Number"); compared loosely.</param>
/// <param name="Value">The number; compared after removing everything but letters and digits, case-insensitively.</param>
public sealed record SubjectIdentifier(string Kind, string Value);
