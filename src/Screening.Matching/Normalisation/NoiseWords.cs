using System.Collections.Frozen;

namespace Screening.Matching.Normalisation;

/// <summary>Words that neither create nor block a match by themselves: honorifics, legal forms, particles, stop-words (all romanised, lower case).</summary>
internal static class NoiseWords
{
    private const string WesternTitles =
        "mr mrs ms miss mister dr doctor prof professor sir madam dame lord lady rev reverend hon honorable excellency " +
        "gen general col colonel capt captain lt lieutenant maj sgt sergeant cmdr commander adm admiral brig brigadier eng engineer " +
        "gospodin gospozha";

    private static readonly FrozenDictionary<string, TokenRole> Roles = Build();

    /// <summary>
    /// Latin abbreviations and the particle "bin" that an abjad token with the same letters is not: Arabic script does not
    /// write a short vowel between two consonants, so the Arabic-script spelling of bin is بن (bn) and of Sal. is سل (sl);
    /// an Arabic-script word that romanises to "bin", "sal" or "sir" wrote that vowel long and is a name (بين, Payan,
    /// Pouyan; سال, Saal). Words without such a vowel (ltd, mr, inc written إنك, sa written سا) keep their role, but for
    /// "adm": ادم is Adam, one of the commonest names, not Adm.
    /// </summary>
    private static readonly FrozenSet<string> NotNoiseInAbjad = Roles
        .Where(r => r.Key == "adm" || ((r.Key == "bin" || WesternTitles.Split(' ').Contains(r.Key) || r.Value == TokenRole.LegalForm) && HasVowelBetweenConsonants(r.Key)))
        .Select(r => r.Key)
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Honorifics and legal forms by phonetic key (keys of four or more characters), so that their spellings after a
    /// round trip through another script are noise too: kari (qari), kompany / kompanj (company), korporeishn.
    /// Shorter keys (ko, hon, haj) are left out: they collide with real name tokens (Ko, Hun, Hadj).
    /// </summary>
    private static readonly FrozenDictionary<string, TokenRole> RolesByKey = BuildByKey();

    /// <summary>The role of a romanised token.</summary>
    public static TokenRole RoleOf(string token) => RoleOf(token, null);

    /// <summary>As <see cref="RoleOf(string)"/>, with the token's Latin key (<see cref="PhoneticKey.Of"/>) when the caller has it.</summary>
    public static TokenRole RoleOf(string token, string? latinKey)
    {
        if (Roles.TryGetValue(token, out var role))
        {
            return role;
        }

        if (token.Length < 4)
        {
            return TokenRole.Informative;
        }

        var key = latinKey ?? PhoneticKey.Of(token);
        return key.Length >= 4 && RolesByKey.TryGetValue(key, out role) ? role : TokenRole.Informative;
    }

    /// <summary>
    /// Noise words by consonant skeleton, for tokens written in an abjad (كمبني company, لمتد limited, فر for): legal
    /// forms and honorifics with skeletons of three or more consonants that are words of five or more letters or
    /// vowel-less abbreviations (ltd, gmbh, jsc), not short ones with vowels (nyrt would take nrth, North), and
    /// stop-words with skeletons of two or more. Each skeleton keeps its words, for <see cref="PhoneticKey.WrittenVowelsFit"/>.
    /// </summary>
    private static readonly FrozenDictionary<string, (TokenRole Role, string[] Words)> RolesBySkeleton = BuildBySkeleton();

    /// <summary>Abjad spellings of particles, stop-words and legal forms too short for a skeleton rule: بن (bin), ولد (ould), ملا (mullah), شيخ, حاج, اف (of), كو (co), لك (llc).</summary>
    private static readonly FrozenDictionary<string, TokenRole> AbjadRoles = new Dictionary<string, TokenRole>(StringComparer.Ordinal)
    {
        ["bn"] = TokenRole.Particle,
        // ولد, son of (Mauritanian names), written "ould" in Latin
        ["wld"] = TokenRole.Particle,
        // ملا (mullah), شيخ (sheikh), حاج (hajj), and Haji without its long vowel (هجي)
        ["mla"] = TokenRole.Honorific,
        ["shikh"] = TokenRole.Honorific,
        ["haj"] = TokenRole.Honorific,
        ["hji"] = TokenRole.Honorific,
        // قاري and قري (qari, a Quran reciter: Qari Zakir)
        ["qari"] = TokenRole.Honorific,
        ["qri"] = TokenRole.Honorific,
        ["af"] = TokenRole.StopWord,
        ["ku"] = TokenRole.LegalForm,
        ["lk"] = TokenRole.LegalForm,
        // اجسك, بجسك (OJSC, PJSC): Latin "ojsc" keys its j as the glide, so the skeleton rule does not find them
        ["ajsk"] = TokenRole.LegalForm,
        ["bjsk"] = TokenRole.LegalForm,
        // اج, اغ: Tuareg "ag" (son of: IYAD AG GHALI, اياد اغ غالي), as the Latin "ag" is noise (a legal form)
        ["aj"] = TokenRole.Particle,
        ["agh"] = TokenRole.Particle,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// Abjad spellings of two-letter legal forms that are also name skeletons (تف TOV, زو ZAO, كج KG): legal forms only
    /// where a legal form stands, closing a name of more than one word.
    /// </summary>
    public static bool IsClosingAbjadLegalForm(string token, int position, int count) =>
        token is "tf" or "zu" or "kj" && position > 0 && position + 1 == count;

    private static readonly string[] LongLegalForms = [.. Roles.Where(r => r.Value == TokenRole.LegalForm && r.Key.Length >= 5).Select(r => r.Key).Order(StringComparer.Ordinal)];

    private static readonly ulong[] LongLegalFormLetters = [.. LongLegalForms.Select(NameToken.LettersOf)];

    /// <summary>True for a short token or a misspelt long legal form (lmiited, comany): not evidence of another name.</summary>
    public static bool IsShortOrNearLegalForm(string token)
    {
        if (token.Length <= 3)
        {
            return true;
        }

        if (token.Length < 5)
        {
            return false;
        }

        var letters = NameToken.LettersOf(token);
        for (var i = 0; i < LongLegalForms.Length; i++)
        {
            var form = LongLegalForms[i];
            if (Scoring.TokenSimilarity.JaroWinklerBound(token.Length, form.Length, letters, LongLegalFormLetters[i]) >= 0.9
                && Scoring.JaroWinkler.Similarity(token, form) >= 0.9)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The role of a token written in an abjad, by its consonant skeleton when its text is not a noise word.</summary>
    public static TokenRole RoleOfAbjad(string token, string consonants)
    {
        var role = RoleOf(token);
        if (role != TokenRole.Informative && !NotNoiseInAbjad.Contains(token))
        {
            return role;
        }

        if (AbjadRoles.TryGetValue(token, out var byText))
        {
            return byText;
        }

        // The skeleton alone is not enough: the long vowels the token writes must be vowels of the word where it has them
        // (فور, fur, is "for"; الفرو, al fru, is Alfaro, not "for"; افك, afk, is Avic, not "fka"; ملنو, mlnu, is Molano, not
        // Maulana, whose last vowel is a).
        if (RolesBySkeleton.TryGetValue(consonants, out var bySkeleton))
        {
            var key = PhoneticKey.Of(token, abjad: true);
            foreach (var word in bySkeleton.Words)
            {
                if (PhoneticKey.WrittenVowelsFit(key, word))
                {
                    return bySkeleton.Role;
                }
            }
        }

        return TokenRole.Informative;
    }

    private static bool HasVowelBetweenConsonants(string word)
    {
        for (var i = 1; i + 1 < word.Length; i++)
        {
            if (word[i] is 'a' or 'e' or 'i' or 'o' or 'u' && word[i - 1] is not ('a' or 'e' or 'i' or 'o' or 'u')
                && word[i + 1] is not ('a' or 'e' or 'i' or 'o' or 'u'))
            {
                return true;
            }
        }

        return false;
    }

    private static FrozenDictionary<string, (TokenRole Role, string[] Words)> BuildBySkeleton()
    {
        var bySkeleton = new Dictionary<string, (TokenRole Role, List<string> Words)>(StringComparer.Ordinal);
        foreach (var (word, role) in Roles)
        {
            var skeleton = PhoneticKey.ConsonantsOf(PhoneticKey.Of(word));
            var wanted = role switch
            {
                TokenRole.LegalForm or TokenRole.Honorific => skeleton.Length >= 3 && (word.Length >= 5 || word.AsSpan().IndexOfAny("aeiouy") < 0),
                TokenRole.StopWord => skeleton.Length >= 2,
                _ => false,
            };
            if (!wanted)
            {
                continue;
            }

            if (!bySkeleton.TryGetValue(skeleton, out var entry))
            {
                entry = (role, []);
                bySkeleton.Add(skeleton, entry);
            }

            // The first role seen for a skeleton is its role, as before; every word of that role lends its vowels.
            if (entry.Role == role)
            {
                entry.Words.Add(word);
            }
        }

        return bySkeleton.ToFrozenDictionary(p => p.Key, p => (p.Value.Role, p.Value.Words.ToArray()), StringComparer.Ordinal);
    }

    private static FrozenDictionary<string, TokenRole> BuildByKey()
    {
        var byKey = new Dictionary<string, TokenRole>(StringComparer.Ordinal);
        foreach (var (word, role) in Roles)
        {
            var key = PhoneticKey.Of(word);
            if (role is TokenRole.Honorific or TokenRole.LegalForm && key.Length >= 4)
            {
                byKey.TryAdd(key, role);
            }
        }

        return byKey.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static FrozenDictionary<string, TokenRole> Build()
    {
        var roles = new Dictionary<string, TokenRole>(StringComparer.Ordinal);
        void Add(TokenRole role, string words)
        {
            foreach (var w in words.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                roles[w] = role;
            }
        }

        Add(TokenRole.Honorific, WesternTitles);
        Add(TokenRole.Honorific,
            "haji hajji hadji hajj alhaji alhadji alhaj hajia hajiya mullah mulla molla mollah maulavi maulvi mawlawi mawlavi " +
            "moulavi molvi maulana mawlana moulana sheikh shaikh sheik shaykh cheikh sheykh qari mufti ayatollah hojatoleslam " +
            "ustad ustadh ustaz");
        Add(TokenRole.LegalForm,
            "llc ltd limited inc incorporated corp corporation co company plc gmbh mbh ag kg kgaa sa sas sarl srl spa sl bv nv " +
            "ab asa oy oyj kft zrt nyrt doo dd ooo oao zao pao ao too tov pat prat chp ip odo uue gup fgup mup " +
            "jsc ojsc cjsc pjsc llp lp pte pvt sdn bhd fze fzco fzc fzllc est wll spc saoc saog qsc psc pjs tbk " +
            "lda ltda cia sae sal " +
            // as written back from Cyrillic (ЛЛК, ИНК, ЛТД; JSC, OJSC, PJSC, CJSC letter by letter: ДЖСК, ОДЖСК, ПДЖСК, КДЖСК)
            "llk ink dzhsk djsk odzhsk odjsk pdzhsk pdjsk kdzhsk kdjsk");
        Add(TokenRole.Particle, "al el ul il bin ibn bint binti bte ould van von der den de del della di du da dos das le la");
        Add(TokenRole.StopWord, "the of and for an und et aka fka nee");
        return roles.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
