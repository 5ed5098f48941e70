namespace Screening.Matching;

/// <summary>One designation that matched a query.</summary>
/// <param name="Key">The designation key given at indexing.</param>
/// <param name="Score">Score in [0, 1]; compare with <see cref="MatchThresholds.Default"/>.</param>
/// <param name="MatchedName">The indexed name (as published) that matched best.</param>
/// <param name="Explanation">Why it matched: token alignments and attribute findings.</param>
public sealed record MatchHit(string Key, double Score, string MatchedName, MatchExplanation Explanation);
