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
    public const double LooseAbjadScore = 0.9;
    public const double ShortVariantScore = 0.9;
    public const double GlideVariantScore = 0.9;

    // Jaro-Winkler values below which a pair gets no credit (from Floor: 1 - 2 (1 - jw) >= Floor), less a margin for rounding.
    internal const double TextJwFloor = ((1.0 + Floor) / 2.0) - 1e-9;
    internal const double KeyJwFloor = (((1.0 + Floor) / 2.0) / 0.97) - 1e-9;
    internal const double AbjadJwFloor = (0.8 / 0.95) - 1e-9;

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
            // A Latin letter written in Arabic script (S.A. de C.V., س ا دي ك ف): the script has no c, v, p or g and
            // writes them ك, ف, ب, ج, so the two single letters are the same letter when their consonants fold together.
            if (a.Text.Length == 1 && b.Text.Length == 1)
            {
                return a.Abjad != b.Abjad && a.Consonants.Length == 1 && a.Consonants == b.Consonants ? VariantScore : 0.0;
            }

            return a.Text[0] == b.Text[0] ? InitialScore : 0.0;
        }

        if (a.Key == b.Key && a.Consonants.Length > 0 && a.Key.Length >= 3)
        {
            return VariantScore;
        }

        // Short syllables of Chinese and Korean names romanised through Cyrillic (wei / vei, yas / ias, kyu / kiu; Korean
        // Ho written Хо and read back kho): one consonant and one vowel class, so a little less certain than a longer key.
        // One side may have two letters when the other has three or more; two two-letter tokens are too short to tell.
        if (a.Key == b.Key && a.Consonants.Length > 0 && a.Key.Length == 2 && Math.Max(a.Text.Length, b.Text.Length) >= 3 && Math.Min(a.Text.Length, b.Text.Length) >= 2)
        {
            return ShortVariantScore;
        }

        // A Latin "j" that another romanisation writes "y" (Jusuf / Yusuf, Maja / Maya, Baj / Bay): the same name, but
        // "j" is also a consonant of its own (Jamal / Yamal), so a little less certain than a shared key.
        if ((!ReferenceEquals(a.GlideKey, a.Key) || !ReferenceEquals(b.GlideKey, b.Key)) && a.Consonants.Length > 0
            && (a.GlideKey == b.Key || a.Key == b.GlideKey) && Math.Min(a.Text.Length, b.Text.Length) >= 3)
        {
            return GlideVariantScore;
        }

        // Latin "ye" / "yo" written е / ё in Cyrillic and romanised back as "e" (Kyong / Keng, Koryo / Kore, Syed / Sed):
        // the same name through a round trip, but "e" is also a vowel of its own, so as certain as the glide reading.
        if ((!ReferenceEquals(a.YeKey, a.Key) || !ReferenceEquals(b.YeKey, b.Key)) && a.Consonants.Length > 0
            && (a.YeKey == b.Key || a.Key == b.YeKey) && Math.Min(a.Text.Length, b.Text.Length) >= 3)
        {
            return GlideVariantScore;
        }

        if (a.Abjad || b.Abjad)
        {
            return AbjadSimilarity(a, b);
        }

        return LatinSimilarity(a, b);
    }

    private static double LatinSimilarity(NameToken a, NameToken b)
    {
        if (Math.Min(a.Text.Length, b.Text.Length) <= 3)
        {
            return 0.0;
        }

        // Jaro-Winkler is generous between different names (hashem / khadem 0.82); doubling the distance keeps a
        // one-letter typo in a long token high (0.97 → 0.94) and pushes different names below the floor.
        // Most pairs scored at query time are different names: skip Jaro-Winkler when its upper bound from the lengths
        // and the letters the two tokens do not share cannot reach the floor (jw >= 0.875, key jw >= 0.875 / 0.97).
        var textJw = JaroWinklerBound(a.Text.Length, b.Text.Length, a.TextLetters, b.TextLetters) >= TextJwFloor
            ? JaroWinkler.Similarity(a.Text, b.Text) : 0.0;
        var keyJw = JaroWinklerBound(a.Key.Length, b.Key.Length, a.KeyLetters, b.KeyLetters) >= KeyJwFloor
            ? JaroWinkler.Similarity(a.Key, b.Key) : 0.0;
        var jw = Math.Max(textJw, 0.97 * keyJw);
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

        return a.Key == b.Key || a.GlideKey == b.Key || a.Key == b.GlideKey || a.YeKey == b.Key || a.Key == b.YeKey || a.ArticleConsonants == b.Consonants || a.Consonants == b.ArticleConsonants || ((a.Abjad || b.Abjad) && (a.Consonants == b.Consonants || a.LooseConsonants == b.LooseConsonants))
            ? AlignmentKind.Variant : AlignmentKind.Fuzzy;
    }

    private static double AbjadSimilarity(NameToken a, NameToken b)
    {
        // ال split off a word that has no article (الكسندر / Aleksandr), or a real article Latin writes joined (Alshammari).
        if (a.Abjad != b.Abjad && (a.Abjad ? a : b).ArticleConsonants is { } withArticle)
        {
            var latin = a.Abjad ? b : a;
            if (withArticle == latin.Consonants || withArticle == latin.LooseConsonants)
            {
                return LooseAbjadScore;
            }
        }

        // Arabic script always writes a word's first vowel (with alef or ain): a Latin token that starts with a vowel
        // is not a word that starts with a consonant there, and the other way round (Eugenio is not جان, jan). Two
        // Arabic-script spellings differ the same way (إجني, ijni, is not جان). Only for short skeletons, where little
        // else tells them apart: a split-off article (الفردو, al frdu / Alfredo) leaves a longer word starting with a
        // consonant.
        if (Math.Min(a.Consonants.Length, b.Consonants.Length) <= 2 && StartsWithVowel(a.Text) != StartsWithVowel(b.Text))
        {
            return 0.0;
        }

        // Arabic script writes a word's final long vowel (ي, و): the Latin spelling of that word ends in a vowel too (بنيني
        // is Benini, not Ben; سامي is Sami), and so does another Arabic-script spelling of it. Not final ا or ة, which
        // Latin often writes with an h (طلحة, Talhah), and not against a part of a compound, which may stand for the start
        // of a word written together (عبدالحی, abd + hai).
        if ((a.Abjad && EndsWithWrittenLongVowel(a.Text) && !b.CompoundPart && !EndsWithVowel(b.Text))
            || (b.Abjad && EndsWithWrittenLongVowel(b.Text) && !a.CompoundPart && !EndsWithVowel(a.Text)))
        {
            return 0.0;
        }

        // The other way round: a Latin name ending in i, o, u (or y after a consonant) ends in a long vowel that Arabic
        // script writes (Thini ثيني, Alvaro الفارو, Hamdy حمدي), so it is not an Arabic-script word ending in a consonant
        // (تن, tn, is Tan or Tun, not Thini). Not against a part of a compound (Abdi / عبد).
        if (a.Abjad != b.Abjad && EndsWithLatinLongVowel(a.Abjad ? b.Text : a.Text) && !(a.Abjad ? a : b).CompoundPart
            && !EndsWithVowel(a.Abjad ? a.Text : b.Text))
        {
            return 0.0;
        }

        // Arabic script tells خ (kh) from ه and ح (h), and Latin writes خ as "kh": a token with "kh" is not an Arabic-script
        // word written with ه or ح in its place (هين, hin, is not Khun), though the keys fold both to h. Latin "h" for خ is
        // common (Halid for Khalid through a loose Cyrillic romanisation), so only the Arabic-script side missing a "kh" counts.
        var (khA, khB) = (KhCount(a), KhCount(b));
        if (khA != khB && (khA < khB ? a : b).Abjad)
        {
            return 0.0;
        }

        // An abjad token carries no short vowels, so compare consonant skeletons; a one-consonant skeleton (علي / Ali) is weaker evidence.
        if (a.Consonants == b.Consonants && a.Consonants.Length > 0)
        {
            // But it writes its long vowels, and the Latin spelling of the same name has a vowel of that kind there too:
            // سليمن (slimn) is Sulaiman, not Salman; هوتما (hutma) is Hawatma, not Haytham; محمود (mhmud) is Mahmoud, not
            // Mohamed.
            // A token flagged abjad because an Arabic-script name romanises to its text (إبراهيم, ibrahim) is also the
            // Latin token: when the vowels do not fit, compare the two as Latin text (Ibrhim, a typo, is still Ibrahim).
            if (a.Abjad != b.Abjad && !LongVowelsFit(a.Abjad ? a : b, a.Abjad ? b : a))
            {
                return LatinSimilarity(a, b);
            }

            return a.Consonants.Length >= 2 ? AbjadScore : 0.86;
        }

        // تش is one sound, Latin "ch": a short syllable written with it (تشو, teshu / Chu, Choe; تشي / Chi) has a
        // one-consonant loose skeleton, too little alone, so its written long vowel must also agree with the Latin vowel.
        if (a.Abjad != b.Abjad && (a.Abjad ? a : b).Consonants == "tS" && (a.Abjad ? b : a).Consonants == "S")
        {
            var abjad = a.Abjad ? a : b;
            return PhoneticKey.Of(abjad.Text.Replace("tesh", "ch", StringComparison.Ordinal), abjad: true) == (a.Abjad ? b : a).Key ? 0.86 : 0.0;
        }

        // The looser reading (و as a vowel, تش as ch) of either side: a little less certain than the skeleton itself.
        if (a.LooseConsonants.Length >= 2 && (a.LooseConsonants == b.LooseConsonants || a.LooseConsonants == b.Consonants || a.Consonants == b.LooseConsonants))
        {
            return LooseAbjadScore;
        }

        if (Math.Min(a.Consonants.Length, b.Consonants.Length) < 3)
        {
            return 0.0;
        }

        if (JaroWinklerBound(a.Consonants.Length, b.Consonants.Length, a.ConsonantLetters, b.ConsonantLetters) < AbjadJwFloor)
        {
            return 0.0;
        }

        var s = 0.95 * JaroWinkler.Similarity(a.Consonants, b.Consonants);
        return s >= 0.8 ? s : 0.0;
    }

    internal static bool EndsWithWrittenLongVowel(string abjadText) => abjadText.Length >= 3 && abjadText[^1] is 'i' or 'u';

    internal static bool EndsWithVowel(string text) => text.Length > 0 && text[^1] is 'a' or 'e' or 'i' or 'o' or 'u' or 'y' or 'w';

    /// <summary>
    /// <see cref="PhoneticKey.WrittenVowelsFit"/> for a name written in an abjad against a Latin one. Not for an abjad
    /// token holding the separator "e" (its letters are read two ways) or a compound part, nor for the Latin spellings
    /// <see cref="ArabicNameRules"/> writes for both scripts (abdullah, rahman): their vowels are Latin ones.
    /// </summary>
    private static bool LongVowelsFit(NameToken abjad, NameToken latin) =>
        VowelsAlwaysFit(abjad) || PhoneticKey.WrittenVowelsFitGaps(abjad.Key, latin.LatinVowelGaps, name: true);

    /// <summary>The abjad tokens whose vowels <see cref="LongVowelsFit"/> does not compare (see there).</summary>
    internal static bool VowelsAlwaysFit(NameToken abjad) =>
        abjad.CompoundPart || ArabicNameRules.IsRewrittenForm(abjad.Text) || abjad.Text.Contains(ArabicScriptRomaniser.DigraphSeparator, StringComparison.Ordinal);

    internal static bool EndsWithLatinLongVowel(string latinText) =>
        latinText.Length >= 3 && (latinText[^1] is 'i' or 'o' or 'u' || (latinText[^1] == 'y' && latinText[^2] is not ('a' or 'e' or 'i' or 'o' or 'u')));

    /// <summary>How many times "kh" occurs in the token, reading an abjad token's separated letters together (ك+ه, keh, is Latin's kh too).</summary>
    internal static int KhCount(NameToken token)
    {
        var text = token.Text;
        if (text.AsSpan().IndexOf("kh", StringComparison.Ordinal) < 0 && !(token.Abjad && text.Contains("keh", StringComparison.Ordinal)))
        {
            return 0;
        }

        if (token.Abjad)
        {
            text = NameToken.JoinDigraphs(text) ?? text;
        }

        var count = 0;
        for (var at = text.IndexOf("kh", StringComparison.Ordinal); at >= 0; at = text.IndexOf("kh", at + 2, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    internal static bool StartsWithVowel(string text) => text.Length > 0 && text[0] is 'a' or 'e' or 'i' or 'o' or 'u';

    /// <summary>
    /// Upper bound of <see cref="JaroWinkler.Similarity"/>: each letter of one token absent from the other leaves at least
    /// one position unmatched, so matches m &lt;= min(la - onlyA, lb - onlyB); Jaro &lt;= (m/la + m/lb + 1) / 3 and the
    /// prefix bonus adds at most 0.4 (1 - Jaro). Letter sets fold characters mod 64, which only loosens the bound.
    /// </summary>
    internal static double JaroWinklerBound(int la, int lb, ulong lettersA, ulong lettersB)
    {
        if (la == 0 || lb == 0 || la > 64 || lb > 64)
        {
            return 1.0;
        }

        var m = Math.Min(la - System.Numerics.BitOperations.PopCount(lettersA & ~lettersB), lb - System.Numerics.BitOperations.PopCount(lettersB & ~lettersA));
        if (m <= 0)
        {
            return 0.0;
        }

        var jaro = (((double)m / la) + ((double)m / lb) + 1.0) / 3.0;
        return jaro + (0.4 * (1.0 - jaro));
    }
}
