namespace Screening.Matching;

/// <summary>One row of a match explanation: a query token, the name token it aligned with, and its share of the name score.</summary>
/// <param name="QueryToken">Normalised (romanised) query token, or null for a name token missing from the query.</param>
/// <param name="NameToken">Normalised (romanised) name token, or null when the query token found no counterpart.</param>
/// <param name="Similarity">Token similarity in [0, 1].</param>
/// <param name="Contribution">Share of the name score this row earned, in [0, 1]; rarer tokens weigh more.</param>
/// <param name="Kind">How the tokens relate.</param>
public sealed record TokenAlignment(string? QueryToken, string? NameToken, double Similarity, double Contribution, AlignmentKind Kind);
