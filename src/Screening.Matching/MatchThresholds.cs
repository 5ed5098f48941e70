namespace Screening.Matching;

/// <summary>Score thresholds.</summary>
public static class MatchThresholds
{
    /// <summary>
    /// Default alert threshold: a hit scoring at or above it should go to an analyst. Chosen on the accuracy sets
    /// (docs/ACCURACY.md) to keep recall on transliteration variants at or above 0.97 and decoy false positives at
    /// or below 1%.
    /// </summary>
    public const double Default = 0.85;
}
