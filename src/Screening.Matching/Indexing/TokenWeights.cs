namespace Screening.Matching.Indexing;

/// <summary>Token weights from document frequency: rarer tokens weigh more (a smoothed inverse document frequency).</summary>
internal static class TokenWeights
{
    /// <summary>Weight of a single letter (an initial): it can confirm but carries little evidence.</summary>
    public const float Initial = 0.5f;

    public static float FromFrequency(int documentFrequency, int nameCount) =>
        (float)(1.0 + Math.Log(1.0 + (Math.Max(nameCount, 1) / (double)Math.Max(documentFrequency, 1))));

    public static float Unknown(int nameCount) => FromFrequency(1, nameCount);
}
