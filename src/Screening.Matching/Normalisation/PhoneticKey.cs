namespace Screening.Matching.Normalisation;

/// <summary>
/// Keys that fold romanisation and spelling conventions together, so that tokens written differently for the same
/// sound compare equal: Mohammed / Muhammad / Mohamad, Kairat / Qairat, Alikhan / Alihan, Yuriy / Iurii,
/// Hussein / Husayn. The vowel key keeps three vowel classes (a-like, i-like, u-like) so Hussein and Hassan stay apart;
/// the consonant key drops vowels entirely and is used only against abjad (Arabic-script) tokens.
/// </summary>
internal static class PhoneticKey
{
    /// <summary>Vowel-class key: consonants folded (kh→h, q→k, sh/sch/shch→S, ch→C, zh/dzh/dj→J, ts/tz→Z, w→v, ph→f, th→t, dh→d, gh→g, c→k, x→ks), doubles collapsed, vowel runs → A/I/U.</summary>
    /// <remarks>
    /// <paramref name="abjad"/>: the token was romanised from Arabic or Hebrew script, where "j" is always the
    /// consonant ج, never the glide й that Latin "j" can stand for.
    /// </remarks>
    public static string Of(string token, bool abjad = false) => KeyOf(token, abjad, glides: !abjad);

    /// <summary>Consonant skeleton: the vowel key without its vowel classes, g/p/v/ch folded onto j/b/f/sh (mhmd for Mohammed and محمد).</summary>
    public static string ConsonantsOf(string key)
    {
        Span<char> buffer = stackalloc char[key.Length];
        var length = 0;
        foreach (var c in key)
        {
            if (c is 'A' or 'I' or 'U')
            {
                continue;
            }

            var folded = FoldForAbjad(c);

            if (length > 0 && buffer[length - 1] == folded)
            {
                continue;
            }

            buffer[length++] = folded;
        }

        return new string(buffer[..length]);
    }

    /// <summary>
    /// True when every long vowel an abjad token writes stands where the Latin word (same consonant skeleton) has a vowel
    /// of that kind: Arabic script writes long vowels only, so it leaves vowels out but does not add them (فور, fur, fits
    /// "for"; فرو, fru, does not). Any letter of a Latin vowel run counts (ai, au, aee: سعيد or ساد for Saeed), "e" as a or
    /// i (إنجنير, injnir, for engineer), and a Latin w or v as the long vowel و beside it (فوزي, fuzi, for Fawzi).
    /// </summary>
    /// <param name="abjadKey">The abjad token's key (<see cref="Of"/> with abjad set).</param>
    /// <param name="latinText">The Latin word.</param>
    /// <param name="name">
    /// The word is a name, not a noise word: its first vowel is not compared (ا and ع carry any vowel: اسامة Usama, عماد
    /// Imad), and a final a and i stand for each other (ى, alef maqsura, which Egyptian spelling writes for a final ي:
    /// على, Ali; Persian writes ی for it: عیسی, Isa).
    /// </param>
    public static bool WrittenVowelsFit(string abjadKey, string latinText, bool name = false) =>
        WrittenVowelsFitGaps(abjadKey, LatinVowelGapsOf(latinText), name);

    /// <summary>
    /// As <see cref="WrittenVowelsFit(string, string, bool)"/>, with the Latin side's vowel gaps computed once
    /// (<see cref="LatinVowelGapsOf"/>; <see cref="NameToken.LatinVowelGaps"/> keeps them per token).
    /// </summary>
    public static bool WrittenVowelsFitGaps(string abjadKey, string latinGaps, bool name = false)
    {
        Span<byte> abjadGaps = stackalloc byte[abjadKey.Length + 1];
        var count = VowelGaps(abjadKey, abjadGaps);
        if (count != latinGaps.Length)
        {
            return false;
        }

        for (var g = name ? 1 : 0; g < count; g++)
        {
            int allowed = latinGaps[g];
            if (name && g == count - 1 && (allowed & 3) != 0)
            {
                allowed |= 3;
            }

            if ((abjadGaps[g] & ~allowed) != 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The vowel gaps of a Latin word (see <see cref="LatinVowelGaps"/>), one character per gap holding its bit set. It
    /// reads the word's key once per vowel run, so it is computed once per token, not per comparison.
    /// </summary>
    public static string LatinVowelGapsOf(string latinText)
    {
        Span<byte> gaps = stackalloc byte[(latinText.Length * 2) + 2];
        var count = LatinVowelGaps(latinText, gaps);
        return string.Create(count, gaps[..count].ToArray(), static (chars, bits) =>
        {
            for (var g = 0; g < chars.Length; g++)
            {
                chars[g] = (char)bits[g];
            }
        });
    }

    /// <summary>The vowels a Latin word has between the consonants of its skeleton, by letter (a 1; e 1 and 2; i, y 2; o, u 4), with w and v also a 4 on both sides; returns the number of gaps.</summary>
    private static int LatinVowelGaps(string text, Span<byte> gaps)
    {
        gaps.Clear();
        var count = ConsonantsOf(Of(text)).Length + 1;
        for (var i = 0; i < text.Length;)
        {
            var c = text[i];
            if (c is 'w' or 'v')
            {
                gaps[Math.Min(SkeletonLengthBefore(text, i), count - 1)] |= 4;
                gaps[Math.Min(SkeletonLengthBefore(text, i + 1), count - 1)] |= 4;
                i++;
                continue;
            }

            if (!IsVowel(c))
            {
                i++;
                continue;
            }

            // The prefix through the run's first vowel, so that its last consonant is read in context (a "j" before a
            // vowel is not the glide it would be at the end of a word).
            var g = Math.Min(SkeletonLengthBefore(text, i + 1), count - 1);
            for (; i < text.Length && IsVowel(text[i]); i++)
            {
                gaps[g] |= text[i] switch { 'a' => (byte)1, 'e' => (byte)3, 'i' or 'y' => (byte)2, _ => (byte)4 };
            }
        }

        return count;
    }

    private static int SkeletonLengthBefore(string text, int end) => end == 0 ? 0 : ConsonantsOf(Of(text[..end])).Length;

    /// <summary>Arabic script has no g, p, v or ch: Latin forms of them are written with ج, ب, ف and ش.</summary>
    private static char FoldForAbjad(char keyConsonant) => keyConsonant switch
    {
        'J' => 'g',
        'p' => 'b',
        'v' => 'f',
        'C' => 'S',
        _ => keyConsonant,
    };

    /// <summary>
    /// The vowel classes of a key between the consonants of its skeleton (as <see cref="ConsonantsOf"/> folds and merges
    /// them), as bit sets (a 1, i 2, u 4) per gap; returns the number of gaps (skeleton length + 1).
    /// </summary>
    internal static int VowelGaps(string key, Span<byte> gaps)
    {
        gaps.Clear();
        var consonants = 0;
        var last = '\0';
        foreach (var c in key)
        {
            if (c is 'A' or 'I' or 'U')
            {
                gaps[consonants] |= c switch { 'A' => (byte)1, 'I' => (byte)2, _ => (byte)4 };
                continue;
            }

            var folded = FoldForAbjad(c);

            if (consonants > 0 && last == folded)
            {
                continue;
            }

            last = folded;
            consonants++;
        }

        return consonants + 1;
    }

    /// <summary>
    /// A second, looser reading of a consonant skeleton for abjad comparisons: و is a consonant (w) or a long vowel
    /// (o, u) depending on the word, and Latin "ch" is written تش; so w/v of the vowel key is dropped and "tS" read as
    /// "S" (shawqi / شوقي → Sk). Returns <paramref name="consonants"/> itself when nothing changes.
    /// </summary>
    public static string LooseConsonantsOf(string key, string consonants)
    {
        if (key.AsSpan().IndexOfAny('v', 'S') < 0)
        {
            return consonants;
        }

        Span<char> withoutW = stackalloc char[key.Length];
        var n = 0;
        foreach (var c in key)
        {
            if (c != 'v')
            {
                withoutW[n++] = c;
            }
        }

        var skeleton = ConsonantsOf(new string(withoutW[..n]));
        var at = skeleton.IndexOf("tS", StringComparison.Ordinal);
        if (at >= 0)
        {
            skeleton = skeleton.Remove(at, 1);
        }

        return skeleton == consonants ? consonants : skeleton;
    }

    /// <summary>
    /// The key of a Latin token read with its "j" as the glide "y": German, Scandinavian, Slavic and older scholarly
    /// romanisations of Cyrillic write й, я, ю as j, ja, ju where English ones write y, ya, yu (Jusuf / Yusuf, Maja / Maya,
    /// Junis / Yunis, Baj / Bay). "dj" (the consonant ج, Djamel) and "jj" (Hajji) stay consonants. When the key already
    /// reads every such "j" as the glide (Lajnat, Nebojsa), the other reading is the consonant (Ladzhnat, Nebodzhsa).
    /// Returns <paramref name="key"/> itself when the token has no such "j", was written in an abjad (where "j" is always
    /// ج), or is a short syllable that starts with it.
    /// </summary>
    public static string GlideKeyOf(string token, string key, bool abjad = false)
    {
        if (abjad || token.Length < 3 || !token.Contains('j', StringComparison.Ordinal))
        {
            return key;
        }

        Span<char> read = stackalloc char[token.Length];
        var changed = false;
        for (var i = 0; i < token.Length; i++)
        {
            var c = token[i];
            if (c == 'j' && (i == 0 || token[i - 1] is not ('d' or 'j')) && (i + 1 == token.Length || token[i + 1] != 'j'))
            {
                c = 'y';
                changed = true;
            }

            read[i] = c;
        }

        if (!changed)
        {
            return key;
        }

        // A short syllable that starts with the glide (jan / yan / yun, jun / yun) is a Chinese or Korean syllable more
        // often than a Cyrillic one, and their y-syllables share one key: too little to tell names apart.
        var glide = Of(new string(read));
        if (glide != key)
        {
            return glide.Length < 3 && read[0] == 'y' ? key : glide;
        }

        // The other way round: a "j" the key reads as the glide (between a vowel and a consonant: Lajnat, Nebojsa) may be
        // the consonant that English-style romanisations of Cyrillic and Arabic write дж / ج (Ладжнат, Небоджса). The
        // consonant reading is the other key.
        var consonant = KeyOf(token, abjad: false, glides: false);
        return consonant == key ? key : consonant;
    }

    /// <summary>The key of <paramref name="token"/>, reading a Latin "j" between a vowel and a consonant as the glide when <paramref name="glides"/>.</summary>
    private static string KeyOf(string token, bool abjad, bool glides)
    {
        Span<char> buffer = stackalloc char[token.Length * 2 + 2];
        var length = Fold(token, abjad, buffer, glides);
        return new string(buffer[..length]);
    }

    private static int Fold(string token, bool abjad, Span<char> output, bool glides)
    {
        var s = token.AsSpan();
        if (s.StartsWith("ye") && s.Length > 3)
        {
            s = s[1..];
        }

        var n = 0;
        var i = 0;
        while (i < s.Length)
        {
            var c = s[i];
            char next = i + 1 < s.Length ? s[i + 1] : '\0';
            char mapped;
            var consumed = 1;
            switch (c)
            {
                case 's' when s[i..].StartsWith("shch"):
                    mapped = 'S';
                    consumed = 4;
                    break;
                case 's' when s[i..].StartsWith("sch") && !(i > 0 && s[i - 1] == 'k'):
                    // "ksch" is x + ch written out (ekschange), not the German "sch".
                    mapped = 'S';
                    consumed = 3;
                    break;
                case 's' when next == 'h':
                    mapped = 'S';
                    consumed = 2;
                    break;
                case 't' when s[i..].StartsWith("tch"):
                    mapped = 'C';
                    consumed = 3;
                    break;
                case 'c' when next == 'h':
                    mapped = 'C';
                    consumed = 2;
                    break;
                case 'c' when next == 'k':
                    mapped = 'k';
                    consumed = 2;
                    break;
                case 'c':
                    mapped = 'k';
                    break;
                // Latin "dj" through Cyrillic (Djamel, Дджамел, back as ddzhamel): the doubled d is part of the one sound.
                case 'd' when !abjad && (s[i..].StartsWith("ddzh") || s[i..].StartsWith("ddj")):
                    mapped = 'J';
                    consumed = s[i..].StartsWith("ddzh") ? 4 : 3;
                    break;
                case 'd' when s[i..].StartsWith("dzh"):
                    mapped = 'J';
                    consumed = 3;
                    break;
                case 'd' when next == 'j':
                    mapped = 'J';
                    consumed = 2;
                    break;
                case 'd' when next == 'h':
                    mapped = 'd';
                    consumed = 2;
                    break;
                case 'z' when next == 'h':
                    mapped = 'J';
                    consumed = 2;
                    break;
                case 'j' when glides && IsGlide(s, i):
                    Append(output, ref n, 'I');
                    i++;
                    continue;
                case 'j':
                    mapped = 'J';
                    break;
                case 'k' when next == 'h':
                    mapped = 'h';
                    consumed = 2;
                    break;
                case 'g' when next == 'h':
                    mapped = 'g';
                    consumed = 2;
                    break;
                case 'p' when next == 'h':
                    mapped = 'f';
                    consumed = 2;
                    break;
                case 't' when next == 'h':
                    mapped = 't';
                    consumed = 2;
                    break;
                case 't' when next is 's' or 'z':
                    mapped = 'Z';
                    consumed = 2;
                    break;
                case 'q':
                    mapped = 'k';
                    break;
                case 'w':
                    mapped = 'v';
                    break;
                case 'x':
                    Append(output, ref n, 'k');
                    mapped = 's';
                    break;
                case 'a' or 'e' or 'i' or 'o' or 'u' or 'y':
                    var end = i;
                    var cls = 'A';
                    var hasI = false;
                    var hasU = false;
                    while (end < s.Length && (s[end] is 'a' or 'e' or 'i' or 'o' or 'u' or 'y' || (glides && IsGlide(s, end))))
                    {
                        hasI |= s[end] is 'i' or 'y' or 'j';
                        hasU |= s[end] is 'o' or 'u';
                        end++;
                    }

                    // "ee" is an i sound (steel, reed, Saeed, Kargoshaee), written и in Cyrillic and read back as "i".
                    hasI |= s[i..end].Contains("ee", StringComparison.Ordinal);

                    if (hasI)
                    {
                        cls = 'I';
                    }
                    else if (hasU)
                    {
                        cls = 'U';
                    }

                    mapped = cls;
                    consumed = end - i;
                    break;
                default:
                    mapped = c;
                    break;
            }

            Append(output, ref n, mapped);
            i += consumed;
        }

        return n;
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';

    /// <summary>
    /// A "j" between a vowel and a consonant, or ending a word after a consonant, is the glide й written the
    /// German/older way (sulajman, najdenko, kompanj, armj): it keys like "y". "jj" (hajji), "dj", and a final "j"
    /// after a vowel (Karaj, Faraj, Siraj, where it is the consonant) stay consonants.
    /// </summary>
    private static bool IsGlide(ReadOnlySpan<char> s, int i) =>
        s[i] == 'j' && i > 0 && s[i - 1] != 'j'
        && (i + 1 == s.Length ? !IsVowel(s[i - 1]) : IsVowel(s[i - 1]) && !IsVowel(s[i + 1]) && s[i + 1] != 'j');

    private static void Append(Span<char> output, ref int n, char c)
    {
        if (n > 0 && output[n - 1] == c)
        {
            return;
        }

        output[n++] = c;
    }
}
