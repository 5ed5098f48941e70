using Screening.Matching.Normalisation;

namespace Screening.Matching.Scoring;

/// <summary>
/// What <see cref="TokenSimilarity.Compute"/> needs to see that two Latin tokens are different names, in 32 bytes kept in
/// one array per segment: hashes of the text and key, their letter sets and lengths. Most pairs the aligner scores
/// (every query token against every token of up to 32 candidate names) are different names; telling so from the sketch
/// costs one load from a dense array instead of the token object, its text and its key at three random places in memory.
/// </summary>
internal readonly struct TokenSketch
{
    private const byte Exact = 1; // Abjad, a single letter or a glide / "ye" key: the sketch cannot tell, compute it.
    private const byte Digit = 2;

    private readonly int textHash;
    private readonly int keyHash;
    private readonly ulong textLetters;
    private readonly ulong keyLetters;
    private readonly byte textLength;
    private readonly byte keyLength;
    private readonly byte flags;

    public TokenSketch(NameToken token)
    {
        textHash = token.Text.GetHashCode(StringComparison.Ordinal);
        keyHash = token.Key.GetHashCode(StringComparison.Ordinal);
        textLetters = token.TextLetters;
        keyLetters = token.KeyLetters;
        textLength = (byte)Math.Min(token.Text.Length, byte.MaxValue);
        keyLength = (byte)Math.Min(token.Key.Length, byte.MaxValue);
        var exact = token.Abjad || token.Text.Length <= 1 || token.Text.Length > 64 || token.Key.Length > 64
            || !ReferenceEquals(token.GlideKey, token.Key) || !ReferenceEquals(token.YeKey, token.Key);
        flags = (byte)((exact ? Exact : 0) | (token.HasDigit ? Digit : 0));
    }

    /// <summary>
    /// True only when <see cref="TokenSimilarity.Compute"/> of the two tokens is certainly 0: different text, and either a
    /// digit in one of them, or two Latin tokens of different keys whose lengths and letters keep Jaro-Winkler of both
    /// text and key under the floor (or one of them 3 letters or shorter). False means: compute it.
    /// </summary>
    public static bool CertainlyUnlike(in TokenSketch a, in TokenSketch b)
    {
        if (a.textHash == b.textHash)
        {
            return false;
        }

        if (((a.flags | b.flags) & Digit) != 0)
        {
            return true;
        }

        if (((a.flags | b.flags) & Exact) != 0 || a.keyHash == b.keyHash)
        {
            return false;
        }

        return Math.Min(a.textLength, b.textLength) <= 3
            || (TokenSimilarity.JaroWinklerBound(a.textLength, b.textLength, a.textLetters, b.textLetters) < TokenSimilarity.TextJwFloor
                && TokenSimilarity.JaroWinklerBound(a.keyLength, b.keyLength, a.keyLetters, b.keyLetters) < TokenSimilarity.KeyJwFloor);
    }
}
