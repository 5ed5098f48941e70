using System.Text;

namespace Screening.Benchmarks.Accuracy;

/// <summary>
/// Writes Latin names in other scripts and re-romanises them with other conventions, to generate the transliteration
/// variants a screening engine meets: Latin → Cyrillic (as a Russian or Kazakh clerk would write it), Latin → Arabic
/// script (consonants and long vowels only), and Cyrillic → Latin with a scheme other than the engine's own.
/// </summary>
internal static class ScriptWriter
{
    private static readonly (string Latin, string Cyrillic)[] ToCyrillicRules =
    [
        ("shch", "щ"), ("sch", "щ"), ("kh", "х"), ("zh", "ж"), ("ts", "ц"), ("tz", "ц"), ("ch", "ч"), ("sh", "ш"), ("yu", "ю"), ("ya", "я"),
        ("yo", "ё"), ("ye", "е"), ("iy", "ий"), ("ph", "ф"), ("th", "т"), ("dh", "д"), ("gh", "г"), ("ou", "у"), ("oo", "у"), ("ee", "и"),
        ("a", "а"), ("b", "б"), ("c", "к"), ("d", "д"), ("e", "е"), ("f", "ф"), ("g", "г"), ("h", "х"), ("i", "и"), ("j", "дж"), ("k", "к"),
        ("l", "л"), ("m", "м"), ("n", "н"), ("o", "о"), ("p", "п"), ("q", "к"), ("r", "р"), ("s", "с"), ("t", "т"), ("u", "у"), ("v", "в"),
        ("w", "в"), ("x", "кс"), ("y", "й"), ("z", "з"),
    ];

    private static readonly (string Latin, string Arabic)[] ToArabicRules =
    [
        ("kh", "خ"), ("sh", "ش"), ("th", "ث"), ("dh", "ذ"), ("gh", "غ"), ("ch", "تش"), ("zh", "ج"), ("ph", "ف"),
        ("b", "ب"), ("c", "ك"), ("d", "د"), ("f", "ف"), ("g", "ج"), ("h", "ه"), ("j", "ج"), ("k", "ك"), ("l", "ل"), ("m", "م"),
        ("n", "ن"), ("p", "ب"), ("q", "ق"), ("r", "ر"), ("s", "س"), ("t", "ت"), ("v", "ف"), ("w", "و"), ("x", "كس"), ("z", "ز"),
    ];

    /// <summary>Latin → Cyrillic, word by word.</summary>
    public static string ToCyrillic(string latin)
    {
        var text = latin.ToLowerInvariant();
        var output = new StringBuilder();
        for (var i = 0; i < text.Length;)
        {
            var matched = false;
            foreach (var (l, c) in ToCyrillicRules)
            {
                if (string.CompareOrdinal(text, i, l, 0, l.Length) == 0)
                {
                    output.Append(c);
                    i += l.Length;
                    matched = true;
                    break;
                }
            }

            if (!matched)
            {
                output.Append(text[i] is >= 'a' and <= 'z' ? string.Empty : text[i].ToString());
                i++;
            }
        }

        return output.ToString();
    }

    /// <summary>Latin → Arabic script: consonants, long vowels (doubled or diphthong vowels), initial vowels as alif.</summary>
    public static string ToArabic(string latin)
    {
        var words = latin.ToLowerInvariant().Split([' ', '-', ',', '.'], StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', words.Select(ToArabicWord));
    }

    /// <summary>Romanises Cyrillic with the ICAO 9303 (2013) passport scheme: й→i, ю→iu, я→ia, х→kh, ц→ts.</summary>
    public static string RomaniseIcao(string cyrillic) => Romanise(cyrillic, icao: true);

    /// <summary>Romanises Cyrillic with a loose scheme seen in older documents: х→h, ю→ju, я→ja, й→j, ж→j, щ→sch.</summary>
    public static string RomaniseLoose(string cyrillic) => Romanise(cyrillic, icao: false);

    private static string Romanise(string cyrillic, bool icao)
    {
        var output = new StringBuilder();
        foreach (var c in cyrillic)
        {
            output.Append(c switch
            {
                'а' => "a", 'б' => "b", 'в' => "v", 'г' => "g", 'д' => "d", 'е' => "e", 'ё' => "e", 'ж' => icao ? "zh" : "j",
                'з' => "z", 'и' => "i", 'й' => icao ? "i" : "j", 'к' => "k", 'л' => "l", 'м' => "m", 'н' => "n", 'о' => "o",
                'п' => "p", 'р' => "r", 'с' => "s", 'т' => "t", 'у' => "u", 'ф' => "f", 'х' => icao ? "kh" : "h",
                'ц' => icao ? "ts" : "tz", 'ч' => "ch", 'ш' => "sh", 'щ' => icao ? "shch" : "sch", 'ъ' => icao ? "ie" : string.Empty,
                'ы' => "y", 'ь' => string.Empty, 'э' => "e", 'ю' => icao ? "iu" : "ju", 'я' => icao ? "ia" : "ja",
                _ => c.ToString(),
            });
        }

        return output.ToString();
    }

    private static string ToArabicWord(string word)
    {
        var output = new StringBuilder();
        for (var i = 0; i < word.Length;)
        {
            var c = word[i];
            if (c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y' && !(c == 'y' && i + 1 < word.Length && IsVowel(word[i + 1])))
            {
                var end = i;
                while (end < word.Length && IsVowel(word[end]))
                {
                    end++;
                }

                var run = word[i..end];
                if (i == 0)
                {
                    output.Append(run.Contains('i', StringComparison.Ordinal) || run.StartsWith('e') ? "إ" : "ا");
                }
                else if (run.Length > 1 || end == word.Length)
                {
                    output.Append(run.Contains('i', StringComparison.Ordinal) || run.Contains('y', StringComparison.Ordinal) || run == "ee" ? "ي"
                        : run.Contains('o', StringComparison.Ordinal) || run.Contains('u', StringComparison.Ordinal) ? "و" : "ا");
                }

                i = end;
                continue;
            }

            if (c == 'y')
            {
                output.Append('ي');
                i++;
                continue;
            }

            var matched = false;
            foreach (var (l, a) in ToArabicRules)
            {
                if (string.CompareOrdinal(word, i, l, 0, l.Length) == 0)
                {
                    if (!(output.Length > 0 && output.ToString().EndsWith(a, StringComparison.Ordinal)))
                    {
                        output.Append(a);
                    }

                    i += l.Length;
                    matched = true;
                    break;
                }
            }

            if (!matched)
            {
                i++;
            }
        }

        return output.ToString();
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';
}
