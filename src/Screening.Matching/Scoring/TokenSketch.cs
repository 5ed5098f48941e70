using Screening.Matching.Normalisation;

namespace Screening.Matching.Scoring;

/// <summary>
/// What <see cref="TokenSimilarity.Compute"/> needs to see that two Latin tokens are different names, in 32 bytes kept in
/// one array per segment: hashes of the text and key, their letter sets and lengths. Most pairs the aligner scores
/// (every query token against every token of up to 32 candidate names) are different names; telling so from the sketch
/// costs one load from a dense array instead of the token object, its text and its key at three random places in memory.
/// A pair with a token written in an abjad is decided by the tokens' <see cref="AbjadSketch"/> (a second array, so that
/// Latin pairs do not carry its bytes).
/// </summary>
internal readonly struct TokenSketch
{
    private const byte Exact = 1; // A single letter, a glide / "ye" key or a very long token: the sketch cannot tell, compute it.
    private const byte Digit = 2;
    private const byte AbjadFlag = 4;

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
        var exact = token.Text.Length <= 1 || token.Text.Length > 64 || token.Key.Length > 64 || token.Consonants.Length > 64
            || !ReferenceEquals(token.GlideKey, token.Key) || !ReferenceEquals(token.YeKey, token.Key);
        flags = (byte)((exact ? Exact : 0) | (token.HasDigit ? Digit : 0) | (token.Abjad ? AbjadFlag : 0));
    }

    /// <summary>What the sketches of a pair say: certainly 0, compute it, or ask their <see cref="AbjadSketch"/>es.</summary>
    private enum Verdict
    {
        Compute,
        Unlike,
        AskAbjad,
    }

    /// <summary>
    /// <see cref="Verdict.Unlike"/> only when <see cref="TokenSimilarity.Compute"/> of the two tokens is certainly 0:
    /// different text, and either a digit in one of them, or two Latin tokens of different keys whose lengths and letters
    /// keep Jaro-Winkler of both text and key under the floor (or one of them 3 letters or shorter).
    /// <see cref="Verdict.AskAbjad"/> for different keys when a token is written in an abjad.
    /// </summary>
    private static Verdict Compare(in TokenSketch a, in TokenSketch b)
    {
        if (a.textHash == b.textHash)
        {
            return Verdict.Compute;
        }

        var either = a.flags | b.flags;
        if ((either & Digit) != 0)
        {
            return Verdict.Unlike;
        }

        if ((either & Exact) != 0 || a.keyHash == b.keyHash)
        {
            return Verdict.Compute;
        }

        if ((either & AbjadFlag) != 0)
        {
            return Verdict.AskAbjad;
        }

        return Math.Min(a.textLength, b.textLength) <= 3
            || (TokenSimilarity.JaroWinklerBound(a.textLength, b.textLength, a.textLetters, b.textLetters) < TokenSimilarity.TextJwFloor
                && TokenSimilarity.JaroWinklerBound(a.keyLength, b.keyLength, a.keyLetters, b.keyLetters) < TokenSimilarity.KeyJwFloor)
            ? Verdict.Unlike : Verdict.Compute;
    }

    /// <summary>True only when <see cref="TokenSimilarity.Compute"/> of the two tokens is certainly 0 (see <see cref="Compare"/>).</summary>
    public static bool CertainlyUnlike(in TokenSketch a, in AbjadSketch aa, in TokenSketch b, in AbjadSketch bb) =>
        Compare(a, b) switch
        {
            Verdict.Unlike => true,
            Verdict.AskAbjad => AbjadSketch.CertainlyUnlike(aa, bb),
            _ => false,
        };
}

/// <summary>
/// The consonant skeletons of a token for <see cref="TokenSketch"/>'s pairs with an abjad token (24 bytes): hashes of the
/// skeleton, the loose skeleton and the skeleton with a split-off article, the skeleton's letters and length.
/// </summary>
internal readonly struct AbjadSketch
{
    private const byte Article = 1; // An abjad token with a split-off article's skeleton (NameToken.ArticleConsonants).
    private const byte ShortSh = 2; // Skeleton "tS" or "S": the تش reading compares keys, compute it.

    private readonly int consonantHash;
    private readonly int looseHash;
    private readonly int articleHash;
    private readonly ulong consonantLetters;
    private readonly byte consonantLength;
    private readonly byte flags;

    public AbjadSketch(NameToken token)
    {
        consonantHash = token.Consonants.GetHashCode(StringComparison.Ordinal);
        looseHash = token.LooseConsonants.GetHashCode(StringComparison.Ordinal);
        articleHash = token.ArticleConsonants?.GetHashCode(StringComparison.Ordinal) ?? 0;
        consonantLetters = token.ConsonantLetters;
        consonantLength = (byte)Math.Min(token.Consonants.Length, byte.MaxValue);
        flags = (byte)((token.ArticleConsonants is not null ? Article : 0) | (token.Consonants is "tS" or "S" ? ShortSh : 0));
    }

    /// <summary>
    /// For a pair with an abjad token and different keys (what <see cref="TokenSketch"/> leaves to this): true only when no
    /// skeleton is shared (exact, loose, or with the article) and the skeletons are too short or too different for
    /// Jaro-Winkler, so <see cref="TokenSimilarity.Compute"/> is certainly 0.
    /// </summary>
    public static bool CertainlyUnlike(in AbjadSketch a, in AbjadSketch b)
    {
        if (((a.flags | b.flags) & ShortSh) != 0
            || a.consonantHash == b.consonantHash || a.looseHash == b.looseHash || a.looseHash == b.consonantHash || a.consonantHash == b.looseHash
            || ((a.flags & Article) != 0 && (a.articleHash == b.consonantHash || a.articleHash == b.looseHash))
            || ((b.flags & Article) != 0 && (b.articleHash == a.consonantHash || b.articleHash == a.looseHash)))
        {
            return false;
        }

        return Math.Min(a.consonantLength, b.consonantLength) < 3
            || TokenSimilarity.JaroWinklerBound(a.consonantLength, b.consonantLength, a.consonantLetters, b.consonantLetters) < TokenSimilarity.AbjadJwFloor;
    }
}
