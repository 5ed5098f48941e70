namespace Screening.Matching.Normalisation;

/// <summary>
/// Conventions of Arabic names written in Latin letters: "Abdul Rahman", "Abdulrahman", "Abd al-Rahman",
/// "Abdurrahman" and "Abdel Rahman" all become "abd rahman"; "Abdullah", "Abdallah" and "Abd Allah" become
/// "abdullah"; sun-letter articles (ar-Rahman, as-Salam) are particles like al-/el-/ul-.
/// </summary>
internal static class ArabicNameRules
{
    private static readonly HashSet<string> AbdullahForms = new(StringComparer.Ordinal)
    {
        "abdullah", "abdallah", "abdollah", "abdulla", "abdalla", "abdoullah", "abdellah", "abdulah", "abdalah", "abdillah", "abdula", "abdallh", "abdullh",
        // as romanised from Arabic script without short vowels (عبدالله, عبدلله)
        "abdllh", "abdlh", "abdlla",
        // West African and Sahel spellings (Abdoulaye, Abdullahi), and as written back from Cyrillic (Абдулае)
        "abdoulaye", "abdulaye", "abdoulay", "abdulay", "abdoulai", "abdulai", "abdulae", "abdoulae", "abdullahi",
        "abdulahi", "abdallahi", "abdoulahi", "abdellahi",
        // ICAO romanisation of Cyrillic х (Абдуллах)
        "abdullakh", "abdallakh", "abdollakh", "abdulakh", "abdalakh",
    };

    /// <summary>Spellings of "Allah" as a name's second part (Habib Ullah, حبیب الله), all read as "allah".</summary>
    private static readonly HashSet<string> TrailingAllahForms = new(StringComparer.Ordinal)
    {
        "allah", "ullah", "ollah", "illah", "ulla", "olla", "allh", "ulloh", "allakh", "ullakh", "ollakh", "illakh",
    };

    /// <summary>
    /// True for the dependent part of a compound name: the second part of Habib Allah, Jalal al-Din, and the "abd" of
    /// Abd al-Karim (servant of; Abdul Karim is one name, not two). One name with the other part, not separate evidence.
    /// </summary>
    public static bool IsCompoundPart(string token) => token is "allah" or "din" or "abd";

    /// <summary>True for a Latin spelling these rules write for a name in either script (عبدالله and Abdallah are both "abdullah"), so its vowels are not the ones Arabic script writes.</summary>
    public static bool IsRewrittenForm(string token) => token is "abdullah" or "rahman" or "rahim" || IsCompoundPart(token);

    // Compound names written as one word: Habibullah = Habib Allah, Jalaluddin = Jalal al-Din, Azizurrahman =
    // Aziz al-Rahman. Split so that they align with the two-word spellings (and with Arabic script, which writes
    // them apart: حبیب الله, جلال الدين). Longest suffixes first.
    private static readonly (string Suffix, string Part)[] CompoundSuffixes =
    [
        ("ouddine", "din"), ("uddeen", "din"), ("uddine", "din"), ("eddine", "din"), ("addine", "din"), ("ouddin", "din"),
        ("uddin", "din"), ("eddin", "din"), ("iddin", "din"), ("addin", "din"), ("oddin", "din"),
        ("urrahman", "rahman"), ("urrehman", "rahman"), ("urrahim", "rahim"), ("urraheem", "rahim"),
        ("ullakh", "allah"), ("ollakh", "allah"), ("allakh", "allah"), ("illakh", "allah"),
        ("ullah", "allah"), ("ollah", "allah"), ("allah", "allah"), ("illah", "allah"), ("ulloh", "allah"), ("ulla", "allah"), ("olla", "allah"),
    ];

    private static readonly HashSet<string> AbdForms = new(StringComparer.Ordinal)
    {
        "abd", "abdul", "abdel", "abdal", "abdol", "abdou", "abdu", "abdur", "abdar", "abdus", "abdas", "abdil", "abdoul",
        // as romanised from Arabic script without short vowels (عبدل, ابدر)
        "abdl", "abdr",
    };

    private static readonly HashSet<string> AllahForms = new(StringComparer.Ordinal)
    {
        "allah", "ullah", "illah", "alla", "ulla", "allh", "lah", "llah",
    };

    /// <summary>Rewrites a token sequence in place order; returns the new sequence.</summary>
    public static List<string> Apply(List<string> tokens)
    {
        var result = new List<string>(tokens.Count + 2);
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (AbdullahForms.Contains(t))
            {
                result.Add("abdullah");
                continue;
            }

            if (AbdForms.Contains(t))
            {
                if (i + 1 < tokens.Count && AllahForms.Contains(tokens[i + 1]))
                {
                    result.Add("abdullah");
                    i++;
                    continue;
                }

                if (i + 2 < tokens.Count && tokens[i + 1] is "al" or "el" or "ul" && tokens[i + 2] is "lah" or "lahi")
                {
                    result.Add("abdullah");
                    i += 2;
                    continue;
                }

                result.Add("abd");
                continue;
            }

            if (t.Length >= 6 && t.StartsWith("abd", StringComparison.Ordinal) && SplitAbd(t) is { } rest)
            {
                result.Add("abd");
                result.Add(rest);
                continue;
            }

            if (result.Count > 0 && TrailingAllahForms.Contains(t))
            {
                result.Add("allah");
                continue;
            }

            if (SplitCompound(t) is { } compound)
            {
                result.Add(compound.Head);
                result.Add(compound.Part);
                continue;
            }

            // Fazlur Rahman, Habibur Rehman: the article assimilated and written onto the first word.
            if (t.Length >= 5 && t.EndsWith("ur", StringComparison.Ordinal) && i + 1 < tokens.Count
                && tokens[i + 1] is "rahman" or "rehman" or "rahim" or "raheem")
            {
                result.Add(t[..^2]);
                continue;
            }

            result.Add(t);
        }

        return result;
    }

    /// <summary>
    /// True for "ben" (son of, the Maghreb spelling of bin) between two other names: Mehdi Ben Mohamed Ben Mohamed
    /// Kammoun is محمد بن محمد with بن a particle. A leading "ben" stays a name (Ben Attia, Ben Ali as a surname;
    /// Ben as a given name).
    /// </summary>
    public static bool IsPatronymicBen(string token, int position, int count) => token == "ben" && position > 0 && position + 1 < count;

    /// <summary>True for an article assimilated to the next token's first consonant (ar-rahman, as-salam, ad-din).</summary>
    public static bool IsSunLetterArticle(string token, string? next)
    {
        if (next is null || token.Length is < 2 or > 3 || token[0] is not ('a' or 'e' or 'u'))
        {
            return false;
        }

        var consonant = token[1];
        return consonant is 'r' or 's' or 'd' or 't' or 'z' or 'n' && next.Length > 2 && next[0] == consonant
            && (token.Length == 2 || next[1] == token[2]);
    }

    private static (string Head, string Part)? SplitCompound(string t)
    {
        if (t.Length < 7)
        {
            return null;
        }

        foreach (var (suffix, part) in CompoundSuffixes)
        {
            if (t.Length - suffix.Length >= 3 && t.AsSpan().EndsWith(suffix))
            {
                return (t[..^suffix.Length], part);
            }
        }

        return null;
    }

    private static string? SplitAbd(string t)
    {
        var i = 3;
        if (t[i] is 'u' or 'e' or 'a' or 'o' or 'i')
        {
            i++;
        }

        if (i < t.Length && t[i] == 'l')
        {
            i++;
        }
        else if (i + 1 < t.Length && t[i] == t[i + 1] && t[i] is 'r' or 's' or 'd' or 't' or 'z' or 'n')
        {
            i++;
        }

        var rest = t[i..];
        if (rest.Length < 3 || rest.StartsWith("lah", StringComparison.Ordinal) || rest.StartsWith("llah", StringComparison.Ordinal)
            || rest.StartsWith("allah", StringComparison.Ordinal))
        {
            return null;
        }

        return rest;
    }
}
