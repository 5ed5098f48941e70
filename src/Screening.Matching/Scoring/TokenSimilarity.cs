using Screening.Matching.Normalisation;

namespace Screening.Matching.Scoring;

/// <summary>
/// Similarity of two normalised tokens in [0, 1], tuned for names: equal text 1; same phonetic key (a romanisation or
/// spelling variant) 0.95; same consonant skeleton against an abjad token 0.93; otherwise Jaro-Winkler with its distance doubled, and no
/// credit below <see cref="Floor"/>. Tokens with digits must be equal. A single letter matches a token it is the initial of.
/// </summary>
internal static class TokenSimilarity
{
    public const double Floor = 0.75;
    public const double VariantScore = 0.95;
    public const double AbjadScore = 0.93;
    public const double InitialScore = 0.6;

    public static double Compute(NameToken a, NameToken b)
    {
        if (ReferenceEquals(a.Text, b.Text) || a.Text == b.Text)
        {
            return 1.0;
        }

        if (a.HasDigit || b.HasDigit)
        {
            return 0.0;
        }

        if (a.Text.Length == 1 || b.Text.Length == 1)
        {
            return a.Text[0] == b.Text[0] && a.Text.Length != b.Text.Length ? InitialScore : 0.0;
        }

        if (a.Key == b.Key && a.Consonants.Length > 0 && a.Key.Length >= 3)
        {
            return VariantScore;
        }

        if (a.Abjad || b.Abjad)
        {
            return AbjadSimilarity(a, b);
        }

        if (Math.Min(a.Text.Length, b.Text.Length) <= 3)
        {
            return 0.0;
        }

        // Jaro-Winkler is generous between different names (hashem / khadem 0.82); doubling the distance keeps a
        // one-letter typo in a long token high (0.97 → 0.94) and pushes different names below the floor.
        var jw = Math.Max(JaroWinkler.Similarity(a.Text, b.Text), 0.97 * JaroWinkler.Similarity(a.Key, b.Key));
        var s = 1.0 - (2.0 * (1.0 - jw));
        return s >= Floor ? s : 0.0;
    }

    /// <summary>Classifies a similarity for explanations.</summary>
    public static AlignmentKind KindOf(NameToken a, NameToken b, double similarity)
    {
        if (similarity >= 1.0)
        {
            return AlignmentKind.Exact;
        }

        if (a.Text.Length == 1 || b.Text.Length == 1)
        {
            return AlignmentKind.Initial;
        }

        return a.Key == b.Key || ((a.Abjad || b.Abjad) && a.Consonants == b.Consonants) ? AlignmentKind.Variant : AlignmentKind.Fuzzy;
    }

    private static double AbjadSimilarity(NameToken a, NameToken b)
    {
        // An abjad token carries no short vowels, so compare consonant skeletons; a one-consonant skeleton (علي / Ali) is weaker evidence.
        if (a.Consonants == b.Consonants && a.Consonants.Length > 0)
        {
            return a.Consonants.Length >= 2 ? AbjadScore : 0.86;
        }

        if (Math.Min(a.Consonants.Length, b.Consonants.Length) < 3)
        {
            return 0.0;
        }

        var s = 0.95 * JaroWinkler.Similarity(a.Consonants, b.Consonants);
        return s >= 0.8 ? s : 0.0;
    }
}
