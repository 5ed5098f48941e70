namespace Screening.Matching.Normalisation;

/// <summary>One normalised token of a name.</summary>
/// <param name="Text">Romanised, lower-case ASCII letters and digits.</param>
/// <param name="Key">Vowel-class phonetic key (<see cref="PhoneticKey.Of"/>).</param>
/// <param name="Consonants">Consonant skeleton (<see cref="PhoneticKey.ConsonantsOf"/>).</param>
/// <param name="Abjad">True when the token was written in a script without short vowels (Arabic, Hebrew).</param>
/// <param name="Role">Informative, or a kind of noise word.</param>
internal sealed record NameToken(string Text, string Key, string Consonants, bool Abjad, TokenRole Role)
{
    public bool HasDigit { get; } = Text.AsSpan().IndexOfAnyInRange('0', '9') >= 0;

    /// <summary>The dependent part of a compound name (allah, din, abd; <see cref="ArabicNameRules.IsCompoundPart"/>).</summary>
    public bool CompoundPart { get; } = ArabicNameRules.IsCompoundPart(Text);

    /// <summary>
    /// Looser consonant skeleton for abjad comparisons (<see cref="PhoneticKey.LooseConsonantsOf"/>); for an abjad token
    /// with ث or ذ/ض (romanised th, dh) also their Persian reading s, z (ثاقب Saqib, ذاکر Zakir, فضل Fazl).
    /// </summary>
    public string LooseConsonants { get; } = LooseOf(Text, Key, Consonants, Abjad);

    /// <summary>The key with a Latin "j" read as the glide "y" (<see cref="PhoneticKey.GlideKeyOf"/>); <see cref="Key"/> itself when that changes nothing.</summary>
    public string GlideKey { get; } = PhoneticKey.GlideKeyOf(Text, Key, Abjad);

    /// <summary>
    /// The key with a Latin "ye" or "yo" read as the "e" that Cyrillic е and ё are romanised back to by ICAO 9303 and
    /// most passport schemes (Kyong → Кён → Keng, Koryo → Корё → Kore, Ayoub → Аёуб → Aeub); <see cref="Key"/> itself
    /// when the token has neither or was written in an abjad.
    /// </summary>
    public string YeKey { get; } = YeKeyOf(Text, Key, Abjad);

    /// <summary>Set of the characters of <see cref="Text"/> (bit <c>c &amp; 63</c>), for a cheap upper bound of Jaro-Winkler.</summary>
    public ulong TextLetters { get; } = LettersOf(Text);

    /// <summary>Set of the characters of <see cref="Key"/>.</summary>
    public ulong KeyLetters { get; } = LettersOf(Key);

    /// <summary>Set of the characters of <see cref="Consonants"/>.</summary>
    public ulong ConsonantLetters { get; } = LettersOf(Consonants);

    /// <summary>
    /// For an abjad token whose article ال was split off (الكسندر, al ksndr; اليم, al ym): its skeleton with the article's
    /// l in front (lksndr), because ال also begins words that have no article (Aleksandr, Aleem, Alberto, Elias) and Latin
    /// often writes a real article joined (Alshammari). Null otherwise.
    /// </summary>
    public string? ArticleConsonants { get; private init; }

    private string? latinVowelGaps;

    /// <summary>
    /// The vowel classes between the consonants of <see cref="Text"/> read as a Latin word
    /// (<see cref="PhoneticKey.LatinVowelGapsOf"/>), for the long-vowel check against abjad tokens. Computed on first use
    /// and kept: few tokens are ever compared that way, but those that are, are compared again and again.
    /// </summary>
    public string LatinVowelGaps => latinVowelGaps ??= PhoneticKey.LatinVowelGapsOf(Text);

    /// <summary>
    /// Equal tokens have the same defining values (text, key, skeleton, script, role, article skeleton); every other
    /// member is derived from them or a cache, and is left out.
    /// </summary>
    public bool Equals(NameToken? other) =>
        other is not null
        && (ReferenceEquals(this, other)
            || (Text == other.Text && Key == other.Key && Consonants == other.Consonants && Abjad == other.Abjad && Role == other.Role
                && ArticleConsonants == other.ArticleConsonants));

    public override int GetHashCode() => HashCode.Combine(Text, Key, Consonants, Abjad, Role, ArticleConsonants);

    public static NameToken Create(string text, bool abjad, TokenRole role, bool afterArticle = false)
    {
        var key = PhoneticKey.Of(text, abjad);
        return Create(text, abjad, role, key, PhoneticKey.ConsonantsOf(key), afterArticle);
    }

    /// <summary>As <see cref="Create(string, bool, TokenRole, bool)"/>, with the key and skeleton the caller computed (<see cref="PhoneticKey.Of"/>, <see cref="PhoneticKey.ConsonantsOf"/>).</summary>
    public static NameToken Create(string text, bool abjad, TokenRole role, string key, string consonants, bool afterArticle = false)
    {
        return new NameToken(text, key, consonants, abjad, role)
        {
            ArticleConsonants = afterArticle && abjad && consonants.Length > 0 && consonants[0] != 'l' ? "l" + consonants : null,
        };
    }

    private static string YeKeyOf(string text, string key, bool abjad)
    {
        if (abjad || (!text.Contains("ye", StringComparison.Ordinal) && !text.Contains("yo", StringComparison.Ordinal)))
        {
            return key;
        }

        var read = PhoneticKey.Of(text.Replace("ye", "e", StringComparison.Ordinal).Replace("yo", "e", StringComparison.Ordinal));
        return read == key ? key : read;
    }

    private static string LooseOf(string text, string key, string consonants, bool abjad)
    {
        // Two letters that Latin writes as a digraph (Ishaq, Azhar, Lakhal, Adham: س+ح, ز+ه, ك+ح, د+ه) were romanised
        // apart (asehaq); read them together too, as the Latin spelling of the same name is keyed (sh, zh, kh, dh).
        if (abjad && JoinDigraphs(text) is { } joined)
        {
            var joinedKey = PhoneticKey.Of(joined, abjad: true);
            var joinedSkeleton = PhoneticKey.LooseConsonantsOf(joinedKey, PhoneticKey.ConsonantsOf(joinedKey));
            return joinedSkeleton == consonants ? consonants : joinedSkeleton;
        }

        if (!abjad || (!text.Contains("th", StringComparison.Ordinal) && !text.Contains("dh", StringComparison.Ordinal)))
        {
            return PhoneticKey.LooseConsonantsOf(key, consonants);
        }

        var persianKey = PhoneticKey.Of(text.Replace("th", "s", StringComparison.Ordinal).Replace("dh", "z", StringComparison.Ordinal), abjad: true);
        var skeleton = PhoneticKey.LooseConsonantsOf(persianKey, PhoneticKey.ConsonantsOf(persianKey));
        return skeleton == consonants ? consonants : skeleton;
    }

    /// <summary>
    /// The text without the separators <see cref="ArabicScriptRomaniser"/> put between a consonant and "h", and between
    /// ت and س or ز (Latin "ts", "tz": ياتسينكو, Yatsenko) or د and ج (Latin "dj": Djamel), not before ش (تش is "ch");
    /// null when there are none.
    /// </summary>
    internal static string? JoinDigraphs(string text)
    {
        if (text.IndexOf("eh", 1, StringComparison.Ordinal) < 0 && text.IndexOf("tes", StringComparison.Ordinal) < 0
            && text.IndexOf("tez", StringComparison.Ordinal) < 0 && text.IndexOf("dej", StringComparison.Ordinal) < 0)
        {
            return null;
        }

        var joined = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == ArabicScriptRomaniser.DigraphSeparator && i > 0 && i + 1 < text.Length
                && ((text[i + 1] == 'h' && text[i - 1] is 't' or 's' or 'k' or 'g' or 'd' or 'z' or 'c' or 'p')
                    || (text[i - 1] == 't' && text[i + 1] is 's' or 'z' && (i + 2 == text.Length || text[i + 2] != 'h'))
                    || (text[i - 1] == 'd' && text[i + 1] == 'j')))
            {
                continue;
            }

            joined.Append(text[i]);
        }

        return joined.Length == text.Length ? null : joined.ToString();
    }

    /// <summary>Set of the characters of <paramref name="text"/> (bit <c>c &amp; 63</c>).</summary>
    internal static ulong LettersOf(string text)
    {
        ulong set = 0;
        foreach (var c in text)
        {
            set |= 1UL << (c & 63);
        }

        return set;
    }
}
