namespace Screening.Matching;

/// <summary>The comparison of one secondary attribute and its effect on the score.</summary>
/// <param name="Attribute">Which attribute.</param>
/// <param name="Outcome">Agrees or conflicts.</param>
/// <param name="Effect">Added to the name score (negative for a conflict); an identifier match sets the score to 1.</param>
/// <param name="Detail">Readable detail, e.g. "query 1971-05-03, listed 1971".</param>
public sealed record AttributeFinding(MatchAttribute Attribute, AttributeOutcome Outcome, double Effect, string Detail);
