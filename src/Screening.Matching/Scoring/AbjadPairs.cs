using Screening.Matching.Normalisation;

namespace Screening.Matching.Scoring;

/// <summary>
/// What <see cref="TokenSimilarity.Compute"/> reads of a Latin vocabulary token when it compares it with a query token
/// written in an abjad, in one dense struct per vocabulary token (56 bytes): hashes of the text and keys, the consonant
/// skeletons packed exactly into 64 bits, the skeleton's letters, the vowel gaps packed 3 bits a gap, the "kh" count and
/// the letter tests on the text's ends. An Arabic-script query token retrieves about 30 Latin tokens by skeleton, and
/// reading their token objects and four strings each cost about 550 ns a pair in cache misses; the view is one or two
/// cache lines.
/// </summary>
internal readonly struct LatinView
{
    private const ushort Usable = 1; // A Latin token whose skeletons and vowel gaps fit: the view can decide.
    private const ushort Digit = 2;
    private const ushort CompoundPartFlag = 4;
    private const ushort StartsWithVowelFlag = 8;
    private const ushort EndsWithVowelFlag = 16;
    private const ushort EndsWithLatinLongVowelFlag = 32;
    private const ushort SingleLetterFlag = 64;

    public LatinView(NameToken token)
    {
        TextHash = token.Text.GetHashCode(StringComparison.Ordinal);
        KeyHash = token.Key.GetHashCode(StringComparison.Ordinal);
        GlideHash = token.GlideKey.GetHashCode(StringComparison.Ordinal);
        YeHash = token.YeKey.GetHashCode(StringComparison.Ordinal);
        ConsonantLetters = token.ConsonantLetters;
        ConsonantLength = (byte)Math.Min(token.Consonants.Length, byte.MaxValue);
        KhCount = (byte)Math.Min(TokenSimilarity.KhCount(token), byte.MaxValue);
        ulong consonants = 0, loose = 0, gaps = 0;
        var gapCount = 0;
        var usable = !token.Abjad
            && AbjadPairs.TryPack(token.Consonants, out consonants) && AbjadPairs.TryPack(token.LooseConsonants, out loose)
            && AbjadPairs.TryPackGaps(PhoneticKey.LatinVowelGapsOf(token.Text), out gaps, out gapCount);
        Consonants = usable ? consonants : 0;
        Loose = usable ? loose : 0;
        VowelGaps = usable ? gaps : 0;
        GapCount = (byte)gapCount;
        FirstLetter = token.Text[0];
        flags = (ushort)((usable ? Usable : 0)
            | (token.Text.Length == 1 ? SingleLetterFlag : 0)
            | (token.HasDigit ? Digit : 0)
            | (token.CompoundPart ? CompoundPartFlag : 0)
            | (TokenSimilarity.StartsWithVowel(token.Text) ? StartsWithVowelFlag : 0)
            | (TokenSimilarity.EndsWithVowel(token.Text) ? EndsWithVowelFlag : 0)
            | (TokenSimilarity.EndsWithLatinLongVowel(token.Text) ? EndsWithLatinLongVowelFlag : 0));
    }

    // Fields in this order (four ints, four longs, then the small ones) keep the struct at 56 bytes.
    public int TextHash { get; }

    public int KeyHash { get; }

    public int GlideHash { get; }

    public int YeHash { get; }

    public ulong Consonants { get; }

    public ulong Loose { get; }

    public ulong ConsonantLetters { get; }

    public ulong VowelGaps { get; }

    private readonly ushort flags;

    public char FirstLetter { get; }

    public byte ConsonantLength { get; }

    public byte GapCount { get; }

    public byte KhCount { get; }

    public bool IsSingleLetter => (flags & SingleLetterFlag) != 0;

    public bool IsUsable => (flags & Usable) != 0;

    public bool HasDigit => (flags & Digit) != 0;

    public bool CompoundPart => (flags & CompoundPartFlag) != 0;

    public bool StartsWithVowel => (flags & StartsWithVowelFlag) != 0;

    public bool EndsWithVowel => (flags & EndsWithVowelFlag) != 0;

    public bool EndsWithLatinLongVowel => (flags & EndsWithLatinLongVowelFlag) != 0;
}

/// <summary>
/// A query token written in an abjad, prepared once per search for <see cref="AbjadPairs.TryScore"/>: everything of it
/// that <see cref="TokenSimilarity.Compute"/> reads against a Latin token, precomputed.
/// </summary>
internal readonly struct AbjadQuery
{
    public AbjadQuery(NameToken token)
    {
        ulong consonants = 0, loose = 0, article = 0;
        var usable = token.Abjad && !token.HasDigit
            && ReferenceEquals(token.GlideKey, token.Key) && ReferenceEquals(token.YeKey, token.Key)
            && AbjadPairs.TryPack(token.Consonants, out consonants) && AbjadPairs.TryPack(token.LooseConsonants, out loose);
        usable = usable && (token.ArticleConsonants is null || AbjadPairs.TryPack(token.ArticleConsonants, out article));
        ulong gaps = 0;
        var gapCount = 0;
        if (usable)
        {
            Span<byte> bytes = stackalloc byte[token.Key.Length + 1];
            gapCount = PhoneticKey.VowelGaps(token.Key, bytes);
            for (var g = gapCount - 1; g >= 0; g--)
            {
                gaps = (gaps << 3) | bytes[g];
            }

            usable = gapCount <= AbjadPairs.MaxGaps;
        }

        IsUsable = usable;
        TextHash = token.Text.GetHashCode(StringComparison.Ordinal);
        KeyHash = token.Key.GetHashCode(StringComparison.Ordinal);
        Consonants = usable ? consonants : 0;
        Loose = usable ? loose : 0;
        Article = article;
        ConsonantLetters = token.ConsonantLetters;
        ConsonantLength = token.Consonants.Length;
        LooseLength = token.LooseConsonants.Length;
        VowelGaps = gaps;
        GapCount = gapCount;
        KhCount = TokenSimilarity.KhCount(token);
        StartsWithVowel = TokenSimilarity.StartsWithVowel(token.Text);
        EndsWithVowel = TokenSimilarity.EndsWithVowel(token.Text);
        EndsWithWrittenLongVowel = TokenSimilarity.EndsWithWrittenLongVowel(token.Text);
        CompoundPart = token.CompoundPart;
        VowelsAlwaysFit = TokenSimilarity.VowelsAlwaysFit(token);
        IsTeshSyllable = token.Consonants == "tS";
        FirstLetter = token.Text[0];
        IsSingleLetter = token.Text.Length == 1;
    }

    public char FirstLetter { get; }

    public bool IsSingleLetter { get; }

    public bool IsUsable { get; }

    public int TextHash { get; }

    public int KeyHash { get; }

    public ulong Consonants { get; }

    public ulong Loose { get; }

    public ulong Article { get; }

    public ulong ConsonantLetters { get; }

    public int ConsonantLength { get; }

    public int LooseLength { get; }

    public ulong VowelGaps { get; }

    public int GapCount { get; }

    public int KhCount { get; }

    public bool StartsWithVowel { get; }

    public bool EndsWithVowel { get; }

    public bool EndsWithWrittenLongVowel { get; }

    public bool CompoundPart { get; }

    public bool VowelsAlwaysFit { get; }

    public bool IsTeshSyllable { get; }
}

/// <summary>
/// <see cref="TokenSimilarity.Compute"/> of an abjad query token and a Latin vocabulary token from their dense views,
/// rule for rule, where the views can decide exactly: equal hashes of texts or keys (which could be a collision), a pair
/// whose skeletons agree but whose vowels do not fit (compared as Latin text) and the Jaro-Winkler of two skeletons are
/// left to <see cref="TokenSimilarity.Compute"/>.
/// </summary>
internal static class AbjadPairs
{
    /// <summary>Longest vowel-gap list packed (3 bits a gap).</summary>
    public const int MaxGaps = 21;

    private const int MaxPacked = 10; // 6 bits a letter

    private static readonly ulong TeshLatin = Pack("S");

    /// <summary>
    /// Packs a skeleton of at most 10 ASCII letters into 64 bits, 6 bits a letter (<c>c &amp; 63</c>, never 0 for a
    /// letter, and different for each upper- and lower-case letter): two packable skeletons are equal exactly when their
    /// packed values are.
    /// </summary>
    public static bool TryPack(string skeleton, out ulong packed)
    {
        packed = 0;
        if (skeleton.Length > MaxPacked)
        {
            return false;
        }

        foreach (var c in skeleton)
        {
            if (c is not (>= 'a' and <= 'z' or >= 'A' and <= 'Z'))
            {
                packed = 0;
                return false;
            }

            packed = (packed << 6) | (uint)(c & 63);
        }

        return true;
    }

    /// <summary>Packs a Latin token's vowel gaps (<see cref="NameToken.LatinVowelGaps"/>), 3 bits a gap, first gap lowest.</summary>
    public static bool TryPackGaps(string gaps, out ulong packed, out int count)
    {
        packed = 0;
        count = gaps.Length;
        if (gaps.Length > MaxGaps)
        {
            return false;
        }

        for (var g = gaps.Length - 1; g >= 0; g--)
        {
            if (gaps[g] > 7)
            {
                packed = 0;
                return false;
            }

            packed = (packed << 3) | gaps[g];
        }

        return true;
    }

    /// <summary>
    /// Sets <paramref name="similarity"/> to <see cref="TokenSimilarity.Compute"/> of the two tokens and returns true,
    /// or returns false when the views cannot decide (compute it then).
    /// </summary>
    public static bool TryScore(in AbjadQuery a, in LatinView b, out double similarity)
    {
        similarity = 0;
        if (!a.IsUsable || !b.IsUsable)
        {
            return false;
        }

        // Compute's first rules: equal text, digits, keys (equal, glide, "ye"). Different hashes are different strings.
        if (a.TextHash == b.TextHash || a.KeyHash == b.KeyHash || a.KeyHash == b.GlideHash || a.KeyHash == b.YeHash)
        {
            return false;
        }

        if (b.HasDigit)
        {
            return true;
        }

        // A single letter: the same letter in the two scripts, or the initial of the other token.
        if (a.IsSingleLetter || b.IsSingleLetter)
        {
            if (a.IsSingleLetter && b.IsSingleLetter)
            {
                similarity = a.ConsonantLength == 1 && a.Consonants == b.Consonants ? TokenSimilarity.VariantScore : 0.0;
            }
            else
            {
                similarity = a.FirstLetter == b.FirstLetter ? TokenSimilarity.InitialScore : 0.0;
            }

            return true;
        }

        // AbjadSimilarity, rule for rule, with a the abjad side and b the Latin one.
        if (a.Article != 0 && (a.Article == b.Consonants || a.Article == b.Loose))
        {
            similarity = TokenSimilarity.LooseAbjadScore;
            return true;
        }

        if (Math.Min(a.ConsonantLength, b.ConsonantLength) <= 2 && a.StartsWithVowel != b.StartsWithVowel)
        {
            return true;
        }

        if ((a.EndsWithWrittenLongVowel && !b.CompoundPart && !b.EndsWithVowel)
            || (b.EndsWithLatinLongVowel && !a.CompoundPart && !a.EndsWithVowel))
        {
            return true;
        }

        if (a.KhCount < b.KhCount)
        {
            return true;
        }

        if (a.Consonants == b.Consonants && a.ConsonantLength > 0)
        {
            if (!a.VowelsAlwaysFit && !GapsFit(a, b))
            {
                return false; // Compared as Latin text: Jaro-Winkler of the texts.
            }

            similarity = a.ConsonantLength >= 2 ? TokenSimilarity.AbjadScore : 0.86;
            return true;
        }

        if (a.IsTeshSyllable && b.Consonants == TeshLatin)
        {
            return false;
        }

        if (a.LooseLength >= 2 && (a.Loose == b.Loose || a.Loose == b.Consonants || a.Consonants == b.Loose))
        {
            similarity = TokenSimilarity.LooseAbjadScore;
            return true;
        }

        if (Math.Min(a.ConsonantLength, b.ConsonantLength) < 3
            || TokenSimilarity.JaroWinklerBound(a.ConsonantLength, b.ConsonantLength, a.ConsonantLetters, b.ConsonantLetters) < TokenSimilarity.AbjadJwFloor)
        {
            return true;
        }

        return false; // Jaro-Winkler of the skeletons.
    }

    /// <summary><see cref="PhoneticKey.WrittenVowelsFitGaps"/> (as a name) on the packed gaps.</summary>
    private static bool GapsFit(in AbjadQuery a, in LatinView b)
    {
        var count = a.GapCount;
        if (count != b.GapCount)
        {
            return false;
        }

        for (var g = 1; g < count; g++)
        {
            var allowed = (int)(b.VowelGaps >> (3 * g)) & 7;
            if (g == count - 1 && (allowed & 3) != 0)
            {
                allowed |= 3;
            }

            if (((int)(a.VowelGaps >> (3 * g)) & 7 & ~allowed) != 0)
            {
                return false;
            }
        }

        return true;
    }

    private static ulong Pack(string skeleton) => TryPack(skeleton, out var packed) ? packed : throw new ArgumentException(skeleton);
}
